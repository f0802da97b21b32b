using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;
using Family = Dcsc.Dictionary.ServiceFamily;

namespace Dcsc.Rules;

/// <summary>Lookups over one statement, built once per run so that rules stay linear in its size.</summary>
internal sealed class Facts
{
    public const string DicomRoot = "1.2.840.10008.";

    private readonly Statement _s;
    private readonly DicomDictionary _dict;
    private readonly Dictionary<string, Family> _familyCache = new(StringComparer.Ordinal);

    public Facts(Statement s, DicomDictionary dict)
    {
        _s = s;
        _dict = dict;
        foreach (var sc in s.SopClasses)
        {
            if (!SopByUid.TryGetValue(sc.Uid, out var list)) SopByUid[sc.Uid] = list = new List<SopClass>();
            list.Add(sc);
        }
        foreach (var ae in s.ApplicationEntities)
        {
            AeByName.TryAdd(ae.Name, ae);
            foreach (var a in ae.Activities) Activities.Add((ae, a));
        }
        foreach (var set in s.TransferSyntaxSets) TsSets.TryAdd(set.Code, set);
    }

    public Dictionary<string, List<SopClass>> SopByUid { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ApplicationEntity> AeByName { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TransferSyntaxSet> TsSets { get; } = new(StringComparer.Ordinal);
    public List<(ApplicationEntity Ae, Activity Activity)> Activities { get; } = new();

    private Dictionary<string, UidEntry>? _uidByName;
    private Dictionary<string, AttributeEntry>? _attributeByName;

    /// <summary>The public attribute whose name or keyword reads the same as <paramref name="name"/> (case, spaces and
    /// punctuation ignored), current entries first; repeating-group entries are not names of one tag.</summary>
    public AttributeEntry? AttributeByName(string name)
    {
        if (_attributeByName is null)
        {
            var map = new Dictionary<string, AttributeEntry>(StringComparer.Ordinal);
            foreach (var e in _dict.Attributes)
            {
                if (e.IsRepeating || e.Name == "Retired-blank") continue;
                foreach (var k in new[] { Names.Normalize(e.Name), Names.Normalize(e.Keyword) })
                    if (k.Length > 0 && (!map.TryGetValue(k, out var old) || (old.Retired && !e.Retired))) map[k] = e;
            }
            _attributeByName = map;
        }
        return _attributeByName.GetValueOrDefault(Names.Normalize(name.TrimStart('>', ' ', '\t')));
    }

    /// <summary>The UID whose name (or keyword) reads the same as <paramref name="name"/>, current entries first.</summary>
    public UidEntry? UidByName(string name)
    {
        if (_uidByName is null)
        {
            var map = new Dictionary<string, UidEntry>(StringComparer.Ordinal);
            foreach (var e in _dict.Uids)
            {
                var k = Names.Normalize(e.Name);
                if (k.Length == 0) continue;
                if (!map.TryGetValue(k, out var old) || (old.Retired && !e.Retired)) map[k] = e;
            }
            _uidByName = map;
        }
        return _uidByName.GetValueOrDefault(Names.Normalize(name));
    }

    public Family FamilyOf(string uid)
    {
        if (_familyCache.TryGetValue(uid, out var f)) return f;
        f = ServiceCatalogue.FamilyOf(uid, _dict);
        _familyCache[uid] = f;
        return f;
    }

    /// <summary>SOP Classes claimed by the statement whose service is one of <paramref name="families"/>.</summary>
    public IEnumerable<SopClass> Claimed(params Family[] families) =>
        _s.SopClasses.Where(sc => Array.IndexOf(families, FamilyOf(sc.Uid)) >= 0);

    public bool IsScu(params Family[] families) => Claimed(families).Any(sc => sc.IsScu);
    public bool IsScp(params Family[] families) => Claimed(families).Any(sc => sc.IsScp);

    public SopClass? FirstScu(params Family[] families) => Claimed(families).FirstOrDefault(sc => sc.IsScu);
    public SopClass? FirstScp(params Family[] families) => Claimed(families).FirstOrDefault(sc => sc.IsScp);

    /// <summary>A template section by key at the statement level, or null.</summary>
    public SectionContent? Section(string key) => _s.Sections.TryGetValue(key, out var c) ? c : null;

    /// <summary>True when the section has narrative, table rows or added subsections (N/A does not count).</summary>
    public bool HasContent(string key) => Section(key) is { } c && HasContent(c);

    public static bool HasContent(SectionContent c) =>
        !c.Na && (!string.IsNullOrWhiteSpace(c.Text) || c.Tables.Values.Any(t => t.Count > 0) || c.Added.Count > 0);

    public IReadOnlyList<TableRow> Rows(string sectionKey, string tableKey) =>
        Section(sectionKey) is { } c && c.Tables.TryGetValue(tableKey, out var rows) ? rows : Array.Empty<TableRow>();

    public static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>Where to point when a role of a service lacks something: the dimse role block, else the first claiming SOP Class.</summary>
    public static SourceSpan Where(ServiceRole? role, SopClass? claim, bool scp, Statement s) =>
        role is not null ? role.Location.Span
        : claim is not null ? claim.Location.Of(scp ? "scp" : "scu")
        : s.Location.Span;

    /// <summary>
    /// True when the activity uses the SOP Class: it lists it, or it lists none — then it covers every SOP Class its AE
    /// supports in the activity's role (SCU for an initiator, SCP for an acceptor), as the bundled examples write it.
    /// </summary>
    public bool Covers(ApplicationEntity ae, Activity activity, string uid)
    {
        if (activity.SopClasses.Count > 0) return activity.SopClasses.Contains(uid, StringComparer.Ordinal);
        return SopByUid.TryGetValue(uid, out var decl)
            && decl.Any(sc => (activity.Role == ActivityRole.Initiator ? sc.Scu : sc.Scp).Contains(ae.Name, StringComparer.Ordinal));
    }

    /// <summary>Activities (with their AE) that use the SOP Class (see <see cref="Covers"/>).</summary>
    public IEnumerable<(ApplicationEntity Ae, Activity Activity)> ActivitiesWith(string uid) =>
        Activities.Where(x => Covers(x.Ae, x.Activity, uid));

    /// <summary>All extended-negotiation items of all activities.</summary>
    public IEnumerable<(ApplicationEntity Ae, Activity Activity, ExtendedNegotiation Item)> ExtendedNegotiations() =>
        Activities.SelectMany(x => x.Activity.ExtendedNegotiation.Select(n => (x.Ae, x.Activity, n)));

    /// <summary>All tables of all sections (statement, AEs, activities, IODs, SR templates, mappings) with their section key.</summary>
    public IEnumerable<(string Section, string Table, IReadOnlyList<TableRow> Rows)> AllTables()
    {
        foreach (var (key, content) in AllSections())
            foreach (var (t, rows) in content.Tables)
                yield return (key, t, rows);
    }

    public IEnumerable<(string Key, SectionContent Content)> AllSections()
    {
        foreach (var kv in _s.Sections) yield return (kv.Key, kv.Value);
        foreach (var ae in _s.ApplicationEntities)
        {
            foreach (var kv in ae.Sections) yield return (kv.Key, kv.Value);
            foreach (var a in ae.Activities)
                foreach (var kv in a.Sections) yield return (kv.Key, kv.Value);
        }
        foreach (var i in _s.Iods) foreach (var kv in i.Sections) yield return (kv.Key, kv.Value);
        foreach (var t in _s.SrTemplates) foreach (var kv in t.Sections) yield return (kv.Key, kv.Value);
        foreach (var m in _s.Mappings) foreach (var kv in m.Sections) yield return (kv.Key, kv.Value);
        foreach (var x in DetailFacts.Sections(_s)) yield return x;
    }

    public static string Cell(TableRow row, string column) =>
        row.Cells.TryGetValue(column, out var v) && v.Count > 0 ? string.Join("; ", v) : "";

    public static bool HasCell(TableRow row, string column) =>
        row.Cells.TryGetValue(column, out var v) && v.Any(x => !string.IsNullOrWhiteSpace(x));
}
