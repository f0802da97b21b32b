using Dcsc.Dictionary;

namespace Dcsc.Model;

/// <summary>
/// The dictionary a statement is read with: the standard one with the statement's own <c>dictionary.uids</c> and
/// <c>dictionary.attributes</c> on top. Rules, Layout and Match all use it, so they classify and name a UID alike.
/// </summary>
public static class StatementDictionary
{
    /// <summary>
    /// Builds it. Entries that cannot be added are left out: a malformed UID (DCS0101 reports it), an unknown type
    /// (the schema restricts the values), a malformed tag (passed to <paramref name="malformedTag"/>).
    /// </summary>
    public static DicomDictionary Of(ExtraDictionary extra, Action<ExtraAttribute>? malformedTag = null)
    {
        if (extra.Uids.Count == 0 && extra.Attributes.Count == 0) return DicomDictionary.Standard;
        var uids = new List<UidEntry>();
        foreach (var u in extra.Uids)
        {
            if (!DicomDictionary.IsValidUid(u.Uid, out _)) continue;
            if (!UidTypeText.TryParse(u.Type, out var type)) continue;
            uids.Add(new UidEntry(u.Uid, u.Name, "", type, false, u.ServiceClass));
        }
        var attributes = new List<AttributeEntry>();
        foreach (var a in extra.Attributes)
        {
            if (!DicomDictionary.TryNormalizePattern(a.Tag, out var pattern))
            {
                malformedTag?.Invoke(a);
                continue;
            }
            attributes.Add(new AttributeEntry(pattern, a.Vr, a.Vm ?? "1", a.Name, a.Keyword ?? "", false));
        }
        return DicomDictionary.Standard.WithExtras(uids, attributes);
    }
}
