using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Layout;

/// <summary>What the layout needs to know about a UID: its name and (for SOP Classes) its PS3.4 service class.</summary>
public interface ISopClassCatalog
{
    string? ServiceClass(string uid);
    string? Name(string uid);
}

/// <summary>The embedded DICOM dictionary, with the statement's own <c>dictionary.uids</c> entries taking precedence.</summary>
public sealed class DictionarySopClassCatalog : ISopClassCatalog
{
    private readonly Dictionary<string, ExtraUid> _extra;

    public DictionarySopClassCatalog(ExtraDictionary? extra = null)
    {
        _extra = new Dictionary<string, ExtraUid>(StringComparer.Ordinal);
        foreach (var u in extra?.Uids ?? Array.Empty<ExtraUid>()) _extra.TryAdd(u.Uid, u);
    }

    public string? ServiceClass(string uid)
    {
        if (_extra.TryGetValue(uid, out var e) && e.ServiceClass is { } sc) return sc;
        if (DicomDictionary.Standard.FindUid(uid)?.ServiceClass is { Length: > 0 } s) return s;
        // PS3.4 Annex HH Real-Time Video: the dictionary gives these SOP Classes no service class.
        if (uid.StartsWith("1.2.840.10008.10.", StringComparison.Ordinal)) return "Real-Time Video";
        return null;
    }

    public string? Name(string uid) =>
        _extra.TryGetValue(uid, out var e) ? e.Name : DicomDictionary.Standard.FindUid(uid)?.Name;
}
