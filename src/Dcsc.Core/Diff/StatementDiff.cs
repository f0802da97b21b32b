using System.Globalization;
using Dcsc.Diagnostics;
using Dcsc.Model;

namespace Dcsc.Diff;

public enum ChangeKind { Added, Removed, Changed }

/// <summary>
/// One semantic difference between two statements. <see cref="Old"/> is where it rests in the old file
/// (removed, changed), <see cref="New"/> in the new file (added, changed).
/// </summary>
public sealed record Change(ChangeKind Kind, string Category, string Subject, string? Detail, SourceSpan? Old, SourceSpan? New)
{
    /// <summary>The place to point at: the new file's span, else the old one's.</summary>
    public SourceSpan Where => New ?? Old ?? SourceSpan.None("");

    public string Verb => Kind switch { ChangeKind.Added => "added", ChangeKind.Removed => "removed", _ => "changed" };

    /// <summary>One line: <c>SOP Class "CT Image Storage" (1.2.840…) removed</c>, plus the detail of a change.</summary>
    public string Describe() => $"{Category} {Subject} {Verb}" + (Detail is null ? "" : ": " + Detail);
}

/// <summary>
/// Compares two statements by what they mean for conformance, not by text: Application Entities, SOP Classes
/// and their roles per AE, Transfer Syntax Sets and their syntaxes, DICOMweb transactions and media types,
/// query keys (rows of the query-key tables), IODs, modules and attributes, security profiles, character sets, and the
/// issue 12 declarations (association parameter ranges, key and status tables, DICOMweb detail and additions,
/// network, TLS, audit trail, author tables; StatementDiff.Network.cs and StatementDiff.Details.cs).
/// Order of declaration and formatting do not matter. What is added or removed as a whole is one change:
/// a removed SOP Class does not also list its roles, its place in activities or its IOD; a removed AE
/// does not also list the roles SOP Classes had on it.
/// </summary>
public static partial class StatementDiff
{
    public static IReadOnlyList<Change> Compare(Statement oldS, Statement newS)
    {
        // What appears or disappears as a whole: its consequences elsewhere are not listed again.
        var sopUids = Symmetric(oldS.SopClasses.Select(x => x.Uid), newS.SopClasses.Select(x => x.Uid));
        var aeNames = Symmetric(oldS.ApplicationEntities.Select(x => x.Name), newS.ApplicationEntities.Select(x => x.Name));
        var c = new Collector();
        ApplicationEntities(c, oldS, newS, sopUids);
        TransferSyntaxSets(c, oldS, newS);
        SopClasses(c, oldS, newS, aeNames);
        EveryStorage(c, oldS, newS);
        AssociationSettings(c, "General association", oldS.Association, newS.Association);
        WebTransactions(c, oldS, newS);
        QueryKeys(c, oldS, newS);
        Iods(c, oldS, newS, sopUids);
        Security(c, oldS, newS);
        CharacterSets(c, oldS, newS);
        DeIdentification(c, oldS, newS);
        Details(c, oldS, newS);
        return c.Changes;
    }

    private static HashSet<string> Symmetric(IEnumerable<string> a, IEnumerable<string> b)
    {
        var set = a.ToHashSet(StringComparer.Ordinal);
        set.SymmetricExceptWith(b);
        return set;
    }

    private sealed class Collector
    {
        public readonly List<Change> Changes = new();
        public void Added(string cat, string subject, SourceSpan at, string? detail = null) => Changes.Add(new(ChangeKind.Added, cat, subject, detail, null, at));
        public void Removed(string cat, string subject, SourceSpan at, string? detail = null) => Changes.Add(new(ChangeKind.Removed, cat, subject, detail, at, null));
        public void Changed(string cat, string subject, SourceSpan old, SourceSpan @new, string detail) => Changes.Add(new(ChangeKind.Changed, cat, subject, detail, old, @new));

        /// <summary>Matches items by key; reports added and removed ones, and calls <paramref name="both"/> for pairs.</summary>
        public void Match<T>(IEnumerable<T> olds, IEnumerable<T> news, Func<T, string> key, string category, Func<T, string> subject,
            Func<T, SourceSpan> span, Action<T, T>? both = null, Func<T, bool>? implied = null)
        {
            var o = First(olds.Where(x => implied is null || !implied(x)), key);
            var n = First(news.Where(x => implied is null || !implied(x)), key);
            foreach (var (k, item) in o)
                if (!n.ContainsKey(k)) Removed(category, subject(item), span(item));
            foreach (var (k, item) in n)
            {
                if (!o.TryGetValue(k, out var old)) Added(category, subject(item), span(item));
                else both?.Invoke(old, item);
            }
        }

        /// <summary>Reports a changed scalar field.</summary>
        public void Field(string category, string subject, string field, string? old, string? @new, SourceSpan oldAt, SourceSpan newAt)
        {
            if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal))
                Changed(category, subject, oldAt, newAt, $"{field} {Show(old)} → {Show(@new)}");
        }

        /// <summary>
        /// Compares Markdown prose: how its lines are wrapped (a soft break is a space) and blank space around it do not
        /// change what it says, so a statement read back from a document whose wrapping differs compares equal.
        /// </summary>
        public void Prose(string category, string subject, string field, string? old, string? @new, SourceSpan oldAt, SourceSpan newAt,
            bool sentence = false)
        {
            // A sentence printed after a label ("Audit Record Repository: …") gets its full stop from the layout when it
            // has none, so a closing full stop is punctuation there, not content.
            string Words(string? s)
            {
                var w = System.Text.RegularExpressions.Regex.Replace(s ?? "", @"\s+", " ").Trim();
                return sentence ? w.TrimEnd('.') : w;
            }
            if (!string.Equals(Words(old), Words(@new), StringComparison.Ordinal))
                Changed(category, subject, oldAt, newAt, $"{field} {Show(old)} → {Show(@new)}");
        }

        /// <summary>Reports members added to and removed from a set-valued field, one change per member.</summary>
        public void Members(string category, string subject, string member, IEnumerable<string> old, IEnumerable<string> @new, SourceSpan oldAt, SourceSpan newAt)
        {
            var o = old.ToHashSet(StringComparer.Ordinal);
            var n = @new.ToHashSet(StringComparer.Ordinal);
            foreach (var x in o.Where(x => !n.Contains(x)).OrderBy(x => x, StringComparer.Ordinal))
                Changed(category, subject, oldAt, newAt, $"{member} {x} removed");
            foreach (var x in n.Where(x => !o.Contains(x)).OrderBy(x => x, StringComparer.Ordinal))
                Changed(category, subject, oldAt, newAt, $"{member} {x} added");
        }

        private static SortedDictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> key)
        {
            var d = new SortedDictionary<string, T>(StringComparer.Ordinal);
            foreach (var i in items) d.TryAdd(key(i), i);
            return d;
        }
    }

    private static string Show(string? v) => v is null || v.Length == 0 ? "(none)" : "\"" + (v.Length > 60 ? v[..57] + "…" : v).Replace("\n", " ") + "\"";
    private static string YN(bool b) => b ? "Y" : "N";
    private static string Q(string s) => "\"" + s + "\"";

    private static void ApplicationEntities(Collector c, Statement o, Statement n, HashSet<string> sopUids) =>
        c.Match(o.ApplicationEntities, n.ApplicationEntities, a => a.Name, "Application Entity", a => a.Name, a => a.Location.Span, (a, b) =>
        {
            c.Field("Application Entity", a.Name, "AE Title", a.AeTitle, b.AeTitle, a.Location.Of("ae_title"), b.Location.Of("ae_title"));
            c.Field("Application Entity", a.Name, "port", a.Association?.Port?.ToString(CultureInfo.InvariantCulture), b.Association?.Port?.ToString(CultureInfo.InvariantCulture), a.Location.Of("association"), b.Location.Of("association"));
            c.Field("Application Entity", a.Name, "maximum PDU length", a.Association?.MaxPduLength?.ToString(CultureInfo.InvariantCulture), b.Association?.MaxPduLength?.ToString(CultureInfo.InvariantCulture), a.Location.Of("association"), b.Location.Of("association"));
            c.Match(a.Activities, b.Activities, x => x.Name, "Real-World Activity", x => $"{Q(x.Name)} of {a.Name}", x => x.Location.Span, (x, y) =>
            {
                c.Field("Real-World Activity", $"{Q(x.Name)} of {a.Name}", "role", x.Role.ToString().ToLowerInvariant(), y.Role.ToString().ToLowerInvariant(), x.Location.Of("role"), y.Location.Of("role"));
                c.Members("Real-World Activity", $"{Q(x.Name)} of {a.Name}", "SOP Class", x.SopClasses.Where(u => !sopUids.Contains(u)),
                    y.SopClasses.Where(u => !sopUids.Contains(u)), x.Location.Of("sop_classes"), y.Location.Of("sop_classes"));
                ActivityTransferSyntaxes(c, $"{Q(x.Name)} of {a.Name}", x, y);
            });
            AssociationSettings(c, $"Application Entity {a.Name}", a.Association, b.Association, "port", "max_pdu_length");
        });

    private static void TransferSyntaxSets(Collector c, Statement o, Statement n) =>
        c.Match(o.TransferSyntaxSets, n.TransferSyntaxSets, s => s.Code, "Transfer Syntax Set", s => $"{s.Code} ({s.Name})", s => s.Location.Span, (a, b) =>
        {
            var subject = $"{b.Code} ({b.Name})";
            c.Field("Transfer Syntax Set", subject, "name", a.Name, b.Name, a.Location.Of("name"), b.Location.Of("name"));
            c.Match(a.TransferSyntaxes, b.TransferSyntaxes, t => t.Uid, "Transfer Syntax", t => $"{Q(t.Name)} ({t.Uid}) in set {b.Code}", t => t.Location.Span, (x, y) =>
            {
                c.Field("Transfer Syntax", $"{Q(y.Name)} ({y.Uid}) in set {b.Code}", "name", x.Name, y.Name, x.Location.Of("name"), y.Location.Of("name"));
                c.Field("Transfer Syntax", $"{Q(y.Name)} ({y.Uid}) in set {b.Code}", "bulkdata media type", x.BulkdataMediaType, y.BulkdataMediaType, x.Location.Of("bulkdata_media_type"), y.Location.Of("bulkdata_media_type"));
            });
            var common = a.TransferSyntaxes.Select(t => t.Uid).Intersect(b.TransferSyntaxes.Select(t => t.Uid)).ToHashSet();
            var oldOrder = a.TransferSyntaxes.Select(t => t.Uid).Where(common.Contains).ToList();
            var newOrder = b.TransferSyntaxes.Select(t => t.Uid).Where(common.Contains).ToList();
            if (!oldOrder.SequenceEqual(newOrder))
                c.Changed("Transfer Syntax Set", subject, a.Location.Of("transfer_syntaxes"), b.Location.Of("transfer_syntaxes"), "order of preference changed");
        });

    private static void SopClasses(Collector c, Statement o, Statement n, HashSet<string> aeNames) =>
        c.Match(o.SopClasses, n.SopClasses, s => s.Uid, "SOP Class", s => $"{Q(s.Name)} ({s.Uid})", s => s.Location.Span, (a, b) =>
        {
            var subject = $"{Q(b.Name)} ({b.Uid})";
            const string cat = "SOP Class";
            c.Field(cat, subject, "name", a.Name, b.Name, a.Location.Of("name"), b.Location.Of("name"));
            foreach (var ae in a.Scu.Except(b.Scu).Where(x => !aeNames.Contains(x)).Order(StringComparer.Ordinal)) c.Changed(cat, subject, a.Location.Of("scu"), b.Location.Of("scu"), $"SCU role on {ae} removed");
            foreach (var ae in b.Scu.Except(a.Scu).Where(x => !aeNames.Contains(x)).Order(StringComparer.Ordinal)) c.Changed(cat, subject, a.Location.Of("scu"), b.Location.Of("scu"), $"SCU role on {ae} added");
            foreach (var ae in a.Scp.Except(b.Scp).Where(x => !aeNames.Contains(x)).Order(StringComparer.Ordinal)) c.Changed(cat, subject, a.Location.Of("scp"), b.Location.Of("scp"), $"SCP role on {ae} removed");
            foreach (var ae in b.Scp.Except(a.Scp).Where(x => !aeNames.Contains(x)).Order(StringComparer.Ordinal)) c.Changed(cat, subject, a.Location.Of("scp"), b.Location.Of("scp"), $"SCP role on {ae} added");
            foreach (var (field, key, x, y) in new[]
            {
                ("User Agent", "user_agent", a.UserAgent, b.UserAgent), ("Origin Server", "origin_server", a.OriginServer, b.OriginServer),
                ("FSC", "fsc", a.Fsc, b.Fsc), ("FSU", "fsu", a.Fsu, b.Fsu), ("FSR", "fsr", a.Fsr, b.Fsr),
                ("display", "display", a.Display, b.Display), ("process", "process", a.Process, b.Process), ("archive", "archive", a.Archive, b.Archive),
            })
                c.Field(cat, subject, field, YN(x), YN(y), a.Location.Of(key), b.Location.Of(key));
            c.Field(cat, subject, "create", a.Create, b.Create, a.Location.Of("create"), b.Location.Of("create"));
            c.Members(cat, subject, "Transfer Syntax Set", a.TransferSyntaxSets, b.TransferSyntaxSets, a.Location.Of("transfer_syntax_sets"), b.Location.Of("transfer_syntax_sets"));
            c.Field(cat, subject, "Transfer Syntax policy", Policy(a.TransferSyntaxPolicy), Policy(b.TransferSyntaxPolicy), a.Location.Of("transfer_syntax_policy"), b.Location.Of("transfer_syntax_policy"));
        });

    private static void WebTransactions(Collector c, Statement o, Statement n) =>
        c.Match(o.DicomWeb.Transactions, n.DicomWeb.Transactions, t => t.Service + "\n" + t.Transaction, "DICOMweb transaction",
            t => $"{t.Service} {t.Transaction}", t => t.Location.Span, (a, b) =>
        {
            var subject = $"{b.Service} {b.Transaction}";
            const string cat = "DICOMweb transaction";
            c.Field(cat, subject, "User Agent", YN(a.UserAgent), YN(b.UserAgent), a.Location.Of("user_agent"), b.Location.Of("user_agent"));
            c.Field(cat, subject, "Origin Server", YN(a.OriginServer), YN(b.OriginServer), a.Location.Of("origin_server"), b.Location.Of("origin_server"));
            c.Members(cat, subject, "resource", a.Resources, b.Resources, a.Location.Of("resources"), b.Location.Of("resources"));
            c.Members(cat, subject, "media type", a.MediaTypes, b.MediaTypes, a.Location.Of("media_types"), b.Location.Of("media_types"));
            c.Members(cat, subject, "Transfer Syntax", a.TransferSyntaxes, b.TransferSyntaxes, a.Location.Of("transfer_syntaxes"), b.Location.Of("transfer_syntaxes"));
            c.Members(cat, subject, "query parameter", a.QueryParameters, b.QueryParameters, a.Location.Of("query_parameters"), b.Location.Of("query_parameters"));
        });

    /// <summary>Rows with a tag in tables that have a matching column (C-FIND, worklist, QIDO-RS query/return keys).</summary>
    private static IEnumerable<(string Key, string Subject, TableRow Row)> QueryKeyRows(Statement s)
    {
        foreach (var (section, content) in s.Sections)
            foreach (var (table, rows) in content.Tables)
                foreach (var row in rows)
                {
                    if (!row.Cells.TryGetValue("tag", out var tag) || tag.Count == 0) continue;
                    if (!row.Cells.Keys.Any(k => k.StartsWith("matching", StringComparison.Ordinal) || k == "return_key")) continue;
                    var name = row.Cells.TryGetValue("attribute_name", out var nm) && nm.Count > 0 ? nm[0] + " " : "";
                    yield return ($"{section}\n{table}\n{tag[0]}", $"{name}{tag[0]} in {section}.{table}", row);
                }
    }

    private static void QueryKeys(Collector c, Statement o, Statement n) =>
        c.Match(QueryKeyRows(o), QueryKeyRows(n), r => r.Key, "Query key", r => r.Subject, r => r.Row.Location.Span, (a, b) =>
        {
            foreach (var col in a.Row.Cells.Keys.Union(b.Row.Cells.Keys).Order(StringComparer.Ordinal))
            {
                var x = a.Row.Cells.TryGetValue(col, out var xv) ? string.Join("; ", xv) : null;
                var y = b.Row.Cells.TryGetValue(col, out var yv) ? string.Join("; ", yv) : null;
                c.Field("Query key", b.Subject, col.Replace('_', ' '), x, y, a.Row.Location.Of(col), b.Row.Location.Of(col));
            }
        });

    private static void Iods(Collector c, Statement o, Statement n, HashSet<string> sopUids) =>
        c.Match(o.Iods, n.Iods, i => i.SopClass + "\n" + i.Name, "IOD", i => $"{Q(i.Name)} ({i.SopClass})", i => i.Location.Span, implied: i => sopUids.Contains(i.SopClass), both: (a, b) =>
        {
            var iod = $"{Q(b.Name)}";
            Modules(c, iod, a.Modules, b.Modules);
            Modules(c, iod, a.FunctionalGroups, b.FunctionalGroups);
            Modules(c, iod, a.PrivateModules, b.PrivateModules);
        });

    private static void Modules(Collector c, string iod, IReadOnlyList<Module> olds, IReadOnlyList<Module> news) =>
        c.Match(olds, news, m => m.Name, "Module", m => $"{Q(m.Name)} of IOD {iod}", m => m.Location.Span, (a, b) =>
        {
            var where = $"of {Q(b.Name)} in IOD {iod}";
            c.Field("Module", $"{Q(b.Name)} of IOD {iod}", "presence", a.Presence, b.Presence, a.Location.Of("presence"), b.Location.Of("presence"));
            c.Match(a.Attributes, b.Attributes, x => x.Tag.ToUpperInvariant(), "Attribute", x => $"{x.Name} {x.Tag} {where}", x => x.Location.Span, (x, y) =>
            {
                var subject = $"{y.Name} {y.Tag} {where}";
                c.Field("Attribute", subject, "presence of attribute", x.PresenceOfAttribute, y.PresenceOfAttribute, x.Location.Of("presence_of_attribute"), y.Location.Of("presence_of_attribute"));
                c.Field("Attribute", subject, "presence of value", x.PresenceOfValue, y.PresenceOfValue, x.Location.Of("presence_of_value"), y.Location.Of("presence_of_value"));
                c.Field("Attribute", subject, "source", string.Join("; ", x.Source), string.Join("; ", y.Source), x.Location.Of("source"), y.Location.Of("source"));
                c.Field("Attribute", subject, "value", x.Value, y.Value, x.Location.Of("value"), y.Location.Of("value"));
            });
        });

    private static void Security(Collector c, Statement o, Statement n) =>
        c.Match(o.Security.Profiles, n.Security.Profiles, p => p.Kind + "\n" + p.Profile, "Security profile", p => Q(p.Profile), p => p.Location.Span, (a, b) =>
        {
            c.Field("Security profile", Q(b.Profile), "sender", YN(a.Sender), YN(b.Sender), a.Location.Of("sender"), b.Location.Of("sender"));
            c.Field("Security profile", Q(b.Profile), "receiver", YN(a.Receiver), YN(b.Receiver), a.Location.Of("receiver"), b.Location.Of("receiver"));
            c.Field("Security profile", Q(b.Profile), "secured AE", a.SecuredAe, b.SecuredAe, a.Location.Of("secured_ae"), b.Location.Of("secured_ae"));
        });

    private static void CharacterSets(Collector c, Statement o, Statement n) =>
        c.Match(o.CharacterSets, n.CharacterSets, s => s.DefinedTerm, "Character set", s => s.DefinedTerm, s => s.Location.Span);

    /// <summary>De-identification profiles (PS3.2 Table 1-15, PS3.15 Annex E) and the AE that applies each.</summary>
    private static void DeIdentification(Collector c, Statement o, Statement n) =>
        c.Match(o.DeIdentification, n.DeIdentification, p => p.Profile, "De-identification profile", p => Q(p.Profile), p => p.Location.Span, (a, b) =>
        {
            c.Field("De-identification profile", Q(b.Profile), "AE", a.Ae, b.Ae, a.Location.Of("ae"), b.Location.Of("ae"));
            c.Field("De-identification profile", Q(b.Profile), "options", string.Join("; ", a.Options), string.Join("; ", b.Options), a.Location.Of("options"), b.Location.Of("options"));
        });
}
