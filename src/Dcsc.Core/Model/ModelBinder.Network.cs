using Dcsc.Dictionary;
using Dcsc.Source;

namespace Dcsc.Model;

// Binding of the issue-12 network declarations (Statement.Network.cs): "every Storage SOP Class", Transfer Syntax
// policies, association parameters with default and range, and "not documented" answers.
public static partial class ModelBinder
{
    /// <summary>The literal a statement writes where it knowingly leaves a fact open (issue 12 point 11).</summary>
    public const string NotDocumentedAnswer = "not documented";

    /// <summary>Association parameters that take a value or a {value, default, minimum, maximum, configurable} mapping, in table order.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string? Unit)> SettingKeys = new (string, string, string?)[]
    {
        ("max_pdu_length", "Maximum PDU Length", "bytes"),
        ("artim_timeout", "ARTIM Timeout", null),
        ("dimse_timeout", "DIMSE Timeout", null),
        ("network_timeout", "Network (TCP Connect) Timeout", null),
        ("idle_timeout", "Association Idle Timeout", null),
        ("max_associations_initiator", "Maximum Number of Simultaneous Associations as Initiator", null),
        ("max_associations_acceptor", "Maximum Number of Simultaneous Associations as Acceptor", null),
        ("max_async_operations", "Maximum Number of Outstanding Asynchronous Operations", null),
        ("port", "Port", null),
        ("max_server_connections", "Maximum Number of Server Connections", null),
    };

    private static TransferSyntaxPolicy? Policy(string? text) => text switch
    {
        "any" => TransferSyntaxPolicy.Any,
        "as_received" => TransferSyntaxPolicy.AsReceived,
        "sets" => TransferSyntaxPolicy.Sets,
        _ => null,
    };

    private static EveryStorageSopClass BindEveryStorage(Reader x) => new(x.Strings("scu"), x.Strings("scp"), x.Bool("include_retired"),
        x.Bool("include_non_patient"), x.Strings("exclude"), x.Strings("transfer_syntax_sets"),
        Policy(x.Opt("transfer_syntax_policy")) ?? TransferSyntaxPolicy.Sets, x.Bool("display"), x.Bool("process"), x.Bool("archive"),
        x.Opt("comment"), x.Location);

    /// <summary>The declared SOP Classes, then those of the "every Storage SOP Class" declaration that are not declared on their own.</summary>
    private static IReadOnlyList<SopClass> BindSopClasses(Reader root, EveryStorageSopClass? every)
    {
        var declared = root.List("sop_classes", BindSopClass);
        if (every is null) return declared;
        var own = declared.Select(s => s.Uid).ToHashSet(StringComparer.Ordinal);
        var result = new List<SopClass>(declared);
        foreach (var e in EveryStorageUids(every, DicomDictionary.Standard))
        {
            if (own.Contains(e.Uid)) continue;
            result.Add(new SopClass(e.Uid, e.Name, every.Scu, every.Scp, false, false, false, false, false, every.TransferSyntaxSets,
                null, every.Display, every.Process, every.Archive, every.Comment, every.Location)
            { TransferSyntaxPolicy = every.TransferSyntaxPolicy, Expanded = true });
        }
        return result;
    }

    /// <summary>
    /// The Storage SOP Classes (PS3.4 Annex B; Annex GG Non-Patient Object Storage when asked) of a dictionary edition, in
    /// UID order, without the excluded ones; the service catalogue says which are storage, retired ones included.
    /// </summary>
    public static IReadOnlyList<UidEntry> EveryStorageUids(EveryStorageSopClass every, DicomDictionary dictionary)
    {
        var excluded = every.Exclude.ToHashSet(StringComparer.Ordinal);
        return dictionary.Uids.Where(u => u.Type == UidType.SopClass && !excluded.Contains(u.Uid) && u.Name.Length > 0
                && (!u.Retired || every.IncludeRetired)
                && ServiceCatalogue.StorageFamilyOf(u) is var f
                && (f == ServiceFamily.Storage || f == ServiceFamily.NonPatientStorage && every.IncludeNonPatient))
            .OrderBy(u => u.Uid, UidComparer.Instance).ToList();
    }

    /// <summary>A parameter's scalar value, or the value (else default) of its mapping form.</summary>
    private static string? SettingText(Reader x, string key)
    {
        if (x.Opt(key) is { } v) return v;
        var m = x.Map(key);
        return m.Opt("value") ?? m.Opt("default");
    }

    private static long? SettingLong(Reader x, string key) =>
        SettingText(x, key) is { } v && long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : null;

    private static IReadOnlyDictionary<string, ParameterSetting> BindSettings(Reader x)
    {
        var result = new SortedDictionary<string, ParameterSetting>(StringComparer.Ordinal);
        foreach (var (key, _, unit) in SettingKeys)
        {
            if (!x.Has(key)) continue;
            if (x.Opt(key) is { } scalar)
            {
                result[key] = new ParameterSetting(scalar, null, null, null, false, null, null, x.Location); // printed as written
                continue;
            }
            var m = x.Map(key);
            result[key] = new ParameterSetting(m.Opt("value"), m.Opt("default"), m.Opt("minimum"), m.Opt("maximum"),
                m.Bool("configurable") || m.Has("minimum") || m.Has("maximum"), m.Opt("unit") ?? unit, m.Opt("comment"), m.Location);
        }
        return result;
    }

    /// <summary>A text fact, or null when it is answered "not documented" (see <see cref="NotDocumentedFields"/>).</summary>
    private static string? Answered(Reader x, string key) => IsNotDocumented(x.Opt(key)) ? null : x.Opt(key);

    private static bool IsNotDocumented(string? v) => v is not null && v.Trim().Equals(NotDocumentedAnswer, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] AnswerableFields =
        { "level_of_support", "digital_signature_level", "element_coercion", "discarded_attributes", "lossy_compression", "duplicate_instances" };

    private static IReadOnlySet<string> NotDocumentedFields(Reader x) =>
        AnswerableFields.Where(f => IsNotDocumented(x.Opt(f))).ToHashSet(StringComparer.Ordinal);
}
