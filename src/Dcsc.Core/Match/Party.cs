using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Match;

/// <summary>One statement as the matcher sees it: indexes over the model and the names to print.</summary>
internal sealed class Party
{
    public Party(Statement statement, bool isA, string name)
    {
        S = statement;
        IsA = isA;
        Name = name;
        foreach (var sc in statement.SopClasses) Sops.TryAdd(sc.Uid, sc);
        foreach (var set in statement.TransferSyntaxSets) Sets.TryAdd(set.Code, set);
        foreach (var ae in statement.ApplicationEntities) Aes.TryAdd(ae.Name, ae);
        foreach (var u in statement.Dictionary.Uids) Extras.TryAdd(u.Uid, u);
    }

    public Statement S { get; }
    public bool IsA { get; }
    public string Name { get; }
    public Dictionary<string, SopClass> Sops { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TransferSyntaxSet> Sets { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ApplicationEntity> Aes { get; } = new(StringComparer.Ordinal);
    private Dictionary<string, ExtraUid> Extras { get; } = new(StringComparer.Ordinal);

    public SourceSpan Root(string field) => S.Location.Of(field);

    /// <summary>The name of a SOP Class: the dictionary's (this statement's extra entries first), else the statement's own.</summary>
    public string SopName(string uid)
    {
        if (Extras.TryGetValue(uid, out var e)) return e.Name;
        if (DicomDictionary.Standard.FindUid(uid) is { Name.Length: > 0 } d) return d.Name;
        return Sops.TryGetValue(uid, out var sc) && sc.Name.Length > 0 ? sc.Name : uid;
    }

    public string? ServiceClass(string uid) =>
        Extras.TryGetValue(uid, out var e) ? e.ServiceClass : DicomDictionary.Standard.FindUid(uid)?.ServiceClass;

    public string TsName(string uid)
    {
        if (DicomDictionary.Standard.FindUid(uid) is { Name.Length: > 0 } d) return d.Name;
        if (Extras.TryGetValue(uid, out var e)) return e.Name;
        foreach (var set in S.TransferSyntaxSets)
            foreach (var ts in set.TransferSyntaxes)
                if (ts.Uid == uid && ts.Name.Length > 0) return ts.Name;
        return uid;
    }

    /// <summary>
    /// The Transfer Syntax UIDs a SOP Class declaration supports, in declaration order, through its sets.
    /// <paramref name="assumed"/> is true when it names no set: then the Default Transfer Syntax is assumed (PS3.5 §10.1).
    /// </summary>
    public IReadOnlyList<string> Syntaxes(SopClass sc, out bool assumed) => Syntaxes(sc.TransferSyntaxSets, out assumed);

    /// <summary>The Transfer Syntax UIDs of set codes, in order; the Default Transfer Syntax when they give none (PS3.5 §10.1).</summary>
    public IReadOnlyList<string> Syntaxes(IEnumerable<string> setCodes, out bool assumed)
    {
        var list = new List<string>();
        foreach (var code in setCodes)
            if (Sets.TryGetValue(code, out var set))
                foreach (var ts in set.TransferSyntaxes)
                    if (!list.Contains(ts.Uid)) list.Add(ts.Uid);
        assumed = list.Count == 0;
        if (assumed) list.Add(TransferSyntaxKinds.ImplicitVrLittleEndian);
        return list;
    }

    /// <summary>
    /// The Transfer Syntax Sets and policy of a SOP Class in one role over the AEs that have it, as their activities
    /// narrow or replace them (issue 12 point 1).
    /// </summary>
    public EffectiveTransferSyntaxes Effective(SopClass sc, ActivityRole role) => TransferSyntaxResolution.ForRole(S, sc, role);

    /// <summary>The activities of the named AEs in one role that concern a SOP Class (an activity that lists no SOP Class concerns all).</summary>
    public IEnumerable<Activity> Activities(IEnumerable<string> aeNames, ActivityRole role, string uid) =>
        aeNames.Where(Aes.ContainsKey).SelectMany(n => Aes[n].Activities)
            .Where(a => a.Role == role && (a.SopClasses.Count == 0 || a.SopClasses.Contains(uid)));

    public long? MaxPdu(string aeName) =>
        (Aes.TryGetValue(aeName, out var ae) ? ae.Association?.MaxPduLength : null) ?? S.Association?.MaxPduLength;

    public SourceSpan MaxPduSpan(string aeName) =>
        Aes.TryGetValue(aeName, out var ae) && ae.Association?.MaxPduLength is not null ? ae.Association.Location.Of("max_pdu_length")
        : S.Association?.Location.Of("max_pdu_length") ?? S.Location.Span;

    public IReadOnlyList<TableRow> Rows(string section, string table) =>
        S.Sections.TryGetValue(section, out var c) && c.Tables.TryGetValue(table, out var rows) ? rows : Array.Empty<TableRow>();

    public SourceSpan SectionSpan(string section) =>
        S.Sections.TryGetValue(section, out var c) ? c.Location.Of("tables") : S.Location.Of("sections");
}
