using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Model;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// Implementation identity (PS3.7 D.3.3.2): the Implementation Class UID and Implementation Version Name identify
/// the product to its peers, so a statement that gives a toolkit's built-in default, or a placeholder, announces the
/// toolkit instead of the product. DCS0606, DCS0607.
/// </summary>
public sealed partial class IdentityRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.ToolkitImplementationClassUid, Descriptors.PlaceholderImplementationVersionName };

    /// <summary>Implementation Class UIDs (or their roots) that toolkits send unless the product sets its own, with where
    /// each toolkit defines it.</summary>
    internal static readonly (string Toolkit, string Uid, bool IsRoot, string Source)[] ToolkitUids =
    {
        ("DCMTK", "1.2.276.0.7230010.3.0.", true, "dcmdata/dcuid.h OFFIS_IMPLEMENTATION_CLASS_UID = OFFIS_UID_ROOT \".0.\" version"),
        ("dcm4che 2", "1.2.40.0.13.1.1", false, "org.dcm4che2.data.Implementation IMPL_CLASS_UID"),
        ("dcm4che 3/5", "1.2.40.0.13.1.3", false, "org.dcm4che3.data.Implementation IMPL_CLASS_UID"),
        ("fo-dicom", "1.3.6.1.4.1.30071.8", false, "FellowOakDicom.DicomImplementation.ClassUID"),
        ("pynetdicom", "1.2.826.0.1.3680043.9.3811.", true, "pynetdicom PYNETDICOM_IMPLEMENTATION_UID = PYNETDICOM_UID_PREFIX + version"),
        ("pydicom", "1.2.826.0.1.3680043.8.498.1", false, "pydicom.uid PYDICOM_IMPLEMENTATION_UID"),
    };

    /// <summary>Implementation Version Names the toolkits send (prefix, then their version digits).</summary>
    [GeneratedRegex(@"^(OFFIS_DCMTK_|OFFIS_DCMBP_|PYNETDICOM_|DCM4CHE-|dcm4che-|fo-dicom\s|PYDICOM\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ToolkitVersionNameRx();

    /// <summary>Words and patterns authors leave when the value is not known yet.</summary>
    [GeneratedRegex(@"^(TBD|TBC|TODO|XXX+|N/?A|none|unknown|version|\?+|-+)$|(?<![0-9])[0-9]+\.[xX*](\.[xX*])*$|^[xX*]+(\.[xX*0-9]+)+$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderRx();

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        var places = new List<AssociationParameters>();
        if (s.Association is { } g) places.Add(g);
        places.AddRange(s.ApplicationEntities.Select(ae => ae.Association).OfType<AssociationParameters>());
        foreach (var a in places)
        {
            if (a.ImplementationClassUid is { } uid && Toolkit(uid.Trim()) is { } t)
                ctx.Report(ToolkitImplementationClassUid(a.Location.Of("implementation_class_uid"),
                    $"Implementation Class UID {uid.Trim()} is the default of {t.Toolkit} ({t.Source}); a product announces its own UID under its own root (PS3.7 D.3.3.2)"));
            if (a.ImplementationVersionName is { } name)
            {
                var v = name.Trim();
                string? why = PlaceholderRx().IsMatch(v) ? "a placeholder" : ToolkitVersionNameRx().IsMatch(v) ? "the toolkit's own name" : null;
                if (why is not null)
                    ctx.Report(PlaceholderImplementationVersionName(a.Location.Of("implementation_version_name"),
                        $"Implementation Version Name \"{v}\" is {why}; give the product's own name and version (at most 16 characters, PS3.7 D.3.3.2.2)"));
            }
        }
    }

    internal static (string Toolkit, string Uid, bool IsRoot, string Source)? Toolkit(string uid)
    {
        foreach (var t in ToolkitUids)
            if (t.IsRoot ? uid.StartsWith(t.Uid, StringComparison.Ordinal) : uid == t.Uid) return t;
        return null;
    }
}
