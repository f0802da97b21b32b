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
        Dictionary = StatementDictionary.Of(statement.Dictionary);
    }

    public Statement S { get; }
    public bool IsA { get; }
    public string Name { get; }
    public Dictionary<string, SopClass> Sops { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TransferSyntaxSet> Sets { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ApplicationEntity> Aes { get; } = new(StringComparer.Ordinal);

    /// <summary>The standard dictionary with this statement's <c>dictionary.uids</c>, as the build of it uses.</summary>
    public DicomDictionary Dictionary { get; }

    public SourceSpan Root(string field) => S.Location.Of(field);

    /// <summary>The name of a SOP Class, as the built document of this statement prints it (<see cref="ServiceCatalogue.NameOf"/>).</summary>
    public string SopName(string uid) => ServiceCatalogue.NameOf(uid, Sops.GetValueOrDefault(uid)?.Name, Dictionary);

    /// <summary>The name of a Transfer Syntax, as the built document of this statement prints it.</summary>
    public string TsName(string uid) =>
        ServiceCatalogue.NameOf(uid, S.TransferSyntaxSets.SelectMany(s => s.TransferSyntaxes).FirstOrDefault(t => t.Uid == uid && t.Name.Length > 0)?.Name, Dictionary);

    public ServiceFamily Family(string uid) => ServiceCatalogue.FamilyOf(uid, Dictionary);

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
