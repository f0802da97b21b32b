using Dcsc.Model;

namespace Dcsc.Diff;

// Issue 12 points 5-9 in `dcsc diff`: query/identifier key tables, status codes, DICOMweb search, media, transcoding and
// reason codes, product additions (non-standard transactions), network, character-set code elements, TLS, audit
// trail, and the tables authors add to sections. Each is matched by what identifies it (a key table by service,
// role, model, level and operation; a key by its tag; a reason code by its code…), never by position.
public static partial class StatementDiff
{
    private static void Details(Collector c, Statement o, Statement n)
    {
        KeyTables(c, o.Details.KeyTables, n.Details.KeyTables);
        StatusTables(c, o.Details.StatusTables, n.Details.StatusTables);
        // The detail of a transaction added or removed as a whole is part of that change, not another one.
        var webOnce = Symmetric(o.DicomWeb.Transactions.Select(t => t.Service + "\n" + t.Transaction), n.DicomWeb.Transactions.Select(t => t.Service + "\n" + t.Transaction));
        WebDetails(c, o.Details.Web, n.Details.Web, webOnce);
        WebAdditions(c, o.Details.WebAdditions, n.Details.WebAdditions);
        Network(c, o.Details.Network, n.Details.Network, o.Location, n.Location);
        CharacterSetCodes(c, o.Details.CharacterSetCodes, n.Details.CharacterSetCodes);
        Tls(c, o.Details.Tls, n.Details.Tls);
        Audit(c, o.Details.Audit, n.Details.Audit);
        AuthorTables(c, o, n);
    }

    private static string Role(DimseService s, ServiceSide side) => $"{s} {side.ToString().ToUpperInvariant()}";

    private static void KeyTables(Collector c, IReadOnlyList<KeyTable> o, IReadOnlyList<KeyTable> n)
    {
        const string cat = "Key table";
        static string Name(KeyTable t) => string.Join(" ", new[] { Role(t.Service, t.Side), t.Model, t.Level, t.Operation }.Where(s => !string.IsNullOrEmpty(s)));
        c.Match(o, n, Name, cat, Name, t => t.Location.Span, (a, b) =>
        {
            var table = Name(b);
            c.Match(a.Keys, b.Keys, k => k.Tag.Replace(" ", "").ToUpperInvariant(), "Key", k => $"{k.Name} {k.Tag} in {table}", k => k.Location.Span, (x, y) =>
            {
                var subject = $"{y.Name} {y.Tag} in {table}";
                c.Field("Key", subject, "matching key", Yn(x.MatchingKey), Yn(y.MatchingKey), x.Location.Of("matching_key"), y.Location.Of("matching_key"));
                c.Field("Key", subject, "return key", Yn(x.ReturnKey), Yn(y.ReturnKey), x.Location.Of("return_key"), y.Location.Of("return_key"));
                c.Members("Key", subject, "matching type", x.MatchingTypes, y.MatchingTypes, x.Location.Of("matching_type"), y.Location.Of("matching_type"));
                c.Field("Key", subject, "VR", x.Vr, y.Vr, x.Location.Of("vr"), y.Location.Of("vr"));
                c.Field("Key", subject, "presence", x.Presence, y.Presence, x.Location.Of("presence"), y.Location.Of("presence"));
                c.Field("Key", subject, "N-CREATE", x.NCreate, y.NCreate, x.Location.Of("n_create"), y.Location.Of("n_create"));
                c.Field("Key", subject, "N-SET", x.NSet, y.NSet, x.Location.Of("n_set"), y.Location.Of("n_set"));
                c.Field("Key", subject, "value", x.Value, y.Value, x.Location.Of("value"), y.Location.Of("value"));
                c.Members("Key", subject, "source", x.Source, y.Source, x.Location.Of("source"), y.Location.Of("source"));
            });
        });
    }

    private static string? Yn(bool? b) => b is null ? null : YN(b.Value);

    private static void StatusTables(Collector c, IReadOnlyList<StatusTable> o, IReadOnlyList<StatusTable> n)
    {
        const string cat = "Status codes";
        static string Name(StatusTable t) => $"{Role(t.Service, t.Side)} {t.Operation}";
        c.Match(o, n, Name, cat, Name, t => t.Location.Span, (a, b) =>
        {
            c.Field(cat, Name(b), "other status codes", a.Other, b.Other, a.Location.Of("other_status_codes"), b.Location.Of("other_status_codes"));
            c.Match(a.Rows, b.Rows, r => r.Code.ToUpperInvariant(), "Status code", r => $"{r.Code} of {Name(b)}", r => r.Location.Span, (x, y) =>
            {
                var subject = $"{y.Code} of {Name(b)}";
                c.Field("Status code", subject, "status", x.Status, y.Status, x.Location.Of("status"), y.Location.Of("status"));
                c.Field("Status code", subject, "meaning", x.Meaning, y.Meaning, x.Location.Of("meaning"), y.Location.Of("meaning"));
                c.Field("Status code", subject, "behavior", x.Behavior, y.Behavior, x.Location.Of("behavior"), y.Location.Of("behavior"));
            });
        });
    }

    private static void WebDetails(Collector c, IReadOnlyList<WebDetail> o, IReadOnlyList<WebDetail> n, HashSet<string> wholeTransactions)
    {
        const string cat = "DICOMweb transaction";
        static string Name(WebDetail d) => $"{d.Service} {d.Transaction}{(d.OriginServer ? " (origin server)" : " (user agent)")}";
        c.Match(o, n, Name, "DICOMweb detail", Name, d => d.Location.Span, implied: d => wholeTransactions.Contains(d.Service + "\n" + d.Transaction), both: (a, b) =>
        {
            var t = Name(b);
            // Media types (with their transfer-syntax parameter) are compared with the transaction (StatementDiff.WebTransactions).
            c.Field(cat, t, "default Transfer Syntax", a.DefaultTransferSyntax, b.DefaultTransferSyntax, a.Location.Of("default_transfer_syntax"), b.Location.Of("default_transfer_syntax"));
            c.Members(cat, t, "Transfer Syntax transcoded from", a.TranscodeFrom, b.TranscodeFrom, a.Location.Of("transcode_from"), b.Location.Of("transcode_from"));
            Reasons(c, $"Failure Reason (0008,1197) of {t}", a.FailureReasons, b.FailureReasons);
            Reasons(c, $"Warning Reason (0008,1196) of {t}", a.WarningReasons, b.WarningReasons);
            c.Match(a.Search, b.Search, l => l.Level.ToLowerInvariant(), "Search level", l => $"{l.Level} of {t}", l => l.Location.Span, (x, y) =>
            {
                var level = $"{y.Level} of {t}";
                c.Members("Search level", level, "default return attribute", x.DefaultReturn, y.DefaultReturn, x.Location.Of("default_return"), y.Location.Of("default_return"));
                c.Members("Search level", level, "includefield attribute", x.IncludeField, y.IncludeField, x.Location.Of("includefield"), y.Location.Of("includefield"));
                c.Match(x.Attributes, y.Attributes, s => s.Tag.Replace(" ", "").ToUpperInvariant(), "Searchable attribute", s => $"{s.Name} {s.Tag} at {level}", s => s.Location.Span, (p, q) =>
                {
                    var subject = $"{q.Name} {q.Tag} at {level}";
                    c.Members("Searchable attribute", subject, "matching type", p.MatchingTypes, q.MatchingTypes, p.Location.Of("matching_type"), q.Location.Of("matching_type"));
                    c.Field("Searchable attribute", subject, "fuzzy matching", YN(p.Fuzzy), YN(q.Fuzzy), p.Location.Of("fuzzy"), q.Location.Of("fuzzy"));
                });
            });
        });
    }

    private static void Reasons(Collector c, string what, IReadOnlyList<ReasonCode> o, IReadOnlyList<ReasonCode> n) =>
        c.Match(o, n, r => r.Code.ToUpperInvariant(), "Reason code", r => $"{r.Code} ({what})", r => r.Location.Span, (x, y) =>
            c.Field("Reason code", $"{y.Code} ({what})", "meaning", x.Meaning, y.Meaning, x.Location.Of("meaning"), y.Location.Of("meaning")));

    /// <summary>Non-standard transactions (product additions), identified by method and path.</summary>
    private static void WebAdditions(Collector c, IReadOnlyList<WebAddition> o, IReadOnlyList<WebAddition> n)
    {
        const string cat = "DICOMweb addition";
        static string Name(WebAddition w) => $"{w.Method.ToUpperInvariant()} {w.Path}";
        c.Match(o, n, Name, cat, w => $"{Q(w.Name)} ({Name(w)})", w => w.Location.Span, (a, b) =>
        {
            var subject = $"{Q(b.Name)} ({Name(b)})";
            c.Field(cat, subject, "name", a.Name, b.Name, a.Location.Of("name"), b.Location.Of("name"));
            c.Field(cat, subject, "service", a.Service, b.Service, a.Location.Of("service"), b.Location.Of("service"));
            c.Prose(cat, subject, "description", a.Description, b.Description, a.Location.Of("description"), b.Location.Of("description"));
            c.Members(cat, subject, "HTTP status", a.HttpStatus.Select(h => $"{h.Code} ({h.Meaning})"), b.HttpStatus.Select(h => $"{h.Code} ({h.Meaning})"),
                a.Location.Of("http_status"), b.Location.Of("http_status"));
        });
    }

    private static void Network(Collector c, NetworkDetails o, NetworkDetails n, Location oldAt, Location newAt)
    {
        c.Match(o.Interfaces, n.Interfaces, i => i.Name, "Network interface", i => Q(i.Name), i => i.Location.Span, (a, b) =>
        {
            c.Field("Network interface", Q(b.Name), "type", a.Type, b.Type, a.Location.Of("type"), b.Location.Of("type"));
            c.Field("Network interface", Q(b.Name), "description", a.Description, b.Description, a.Location.Of("description"), b.Location.Of("description"));
        });
        c.Match(o.Protocols, n.Protocols, p => p.Protocol.ToUpperInvariant(), "Network protocol", p => p.Protocol, p => p.Location.Span, (a, b) =>
        {
            c.Field("Network protocol", b.Protocol, "role", a.Role, b.Role, a.Location.Of("role"), b.Location.Of("role"));
            c.Members("Network protocol", b.Protocol, "RFC", a.Rfcs, b.Rfcs, a.Location.Of("rfcs"), b.Location.Of("rfcs"));
        });
        c.Field("Network", "IP", "IPv4", Yn(o.Ipv4), Yn(n.Ipv4), oldAt.Of("network"), newAt.Of("network"));
        c.Field("Network", "IP", "IPv6", Yn(o.Ipv6), Yn(n.Ipv6), oldAt.Of("network"), newAt.Of("network"));
    }

    private static void CharacterSetCodes(Collector c, IReadOnlyList<CharacterSetCodes> o, IReadOnlyList<CharacterSetCodes> n) =>
        c.Match(o, n, s => s.DefinedTerm, "Character set code elements", s => s.DefinedTerm, s => s.Location.Span, (a, b) =>
            c.Members("Character set code elements", b.DefinedTerm, "code element",
                a.Elements.Select(e => $"{e.Element} {e.EscapeSequence}"), b.Elements.Select(e => $"{e.Element} {e.EscapeSequence}"),
                a.Location.Of("code_elements"), b.Location.Of("code_elements")));

    private static void Tls(Collector c, TlsDetails? o, TlsDetails? n)
    {
        const string cat = "TLS";
        switch (o, n)
        {
            case (null, null): return;
            case (null, { } added): c.Added(cat, "details", added.Location.Span); return;
            case ({ } removed, null): c.Removed(cat, "details", removed.Location.Span); return;
        }
        var (a, b) = (o!, n!);
        c.Members(cat, "details", "version", a.Versions, b.Versions, a.Location.Of("versions"), b.Location.Of("versions"));
        c.Members(cat, "details", "cipher suite", a.CipherSuites.Select(s => s.Name), b.CipherSuites.Select(s => s.Name), a.Location.Of("cipher_suites"), b.Location.Of("cipher_suites"));
        c.Field(cat, "details", "certificate validation", a.CertificateValidation, b.CertificateValidation, a.Location.Of("certificate_validation"), b.Location.Of("certificate_validation"));
        c.Field(cat, "details", "client certificates", Yn(a.ClientCertificates), Yn(b.ClientCertificates), a.Location.Of("client_certificates"), b.Location.Of("client_certificates"));
    }

    private static void Audit(Collector c, AuditTrail? o, AuditTrail? n)
    {
        const string cat = "Audit trail";
        switch (o, n)
        {
            case (null, null): return;
            case (null, { } added): c.Added(cat, "messages", added.Location.Span); return;
            case ({ } removed, null): c.Removed(cat, "messages", removed.Location.Span); return;
        }
        var (a, b) = (o!, n!);
        c.Members(cat, "messages", "transport", a.Transport, b.Transport, a.Location.Of("transport"), b.Location.Of("transport"));
        c.Prose(cat, "messages", "collector", a.Collector, b.Collector, a.Location.Of("collector"), b.Location.Of("collector"), sentence: true);
        c.Match(a.Messages, b.Messages, m => m.Message, "Audit message", m => Q(m.Message), m => m.Location.Span, (x, y) =>
            c.Members("Audit message", Q(y.Message), "trigger", x.Triggers, y.Triggers, x.Location.Of("triggers"), y.Location.Of("triggers")));
    }

    /// <summary>Every section that can carry author tables, by a path that names it (statement, AE, activity, added section).</summary>
    private static IEnumerable<(string Where, IReadOnlyList<AuthorTable> Tables)> AuthorTableHomes(Statement s)
    {
        IEnumerable<(string, IReadOnlyList<AuthorTable>)> Of(string prefix, IReadOnlyDictionary<string, SectionContent> sections)
        {
            foreach (var (key, content) in sections)
            {
                yield return ($"{prefix}{key}", content.AuthorTables);
                foreach (var added in content.Added) yield return ($"{prefix}{key} / {Q(added.Title)}", added.Tables);
            }
        }
        foreach (var x in Of("", s.Sections)) yield return x;
        foreach (var ae in s.ApplicationEntities)
        {
            foreach (var x in Of($"AE {ae.Name}: ", ae.Sections)) yield return x;
            foreach (var act in ae.Activities)
                foreach (var x in Of($"AE {ae.Name}, activity {Q(act.Name)}: ", act.Sections)) yield return x;
        }
    }

    /// <summary>Author tables by section and key (else caption): columns, and rows as a whole (added, removed).</summary>
    private static void AuthorTables(Collector c, Statement o, Statement n)
    {
        const string cat = "Author table";
        static IEnumerable<(string Key, string Subject, AuthorTable Table)> Flat(Statement s) =>
            AuthorTableHomes(s).SelectMany(h => h.Tables.Select(t => ($"{h.Where}\n{t.Key ?? t.Caption}", $"{Q(t.Caption)} in {h.Where}", t)));
        c.Match(Flat(o), Flat(n), t => t.Key, cat, t => t.Subject, t => t.Table.Location.Span, (a, b) =>
        {
            var (x, y) = (a.Table, b.Table);
            c.Field(cat, b.Subject, "caption", x.Caption, y.Caption, x.Location.Of("caption"), y.Location.Of("caption"));
            if (!x.Columns.SequenceEqual(y.Columns, StringComparer.Ordinal))
                c.Changed(cat, b.Subject, x.Location.Of("columns"), y.Location.Of("columns"), $"columns {Show(string.Join(" | ", x.Columns))} → {Show(string.Join(" | ", y.Columns))}");
            static string Row(AuthorRow r) => string.Join(" | ", r.Cells);
            c.Members(cat, b.Subject, "row", x.Rows.Select(Row), y.Rows.Select(Row), x.Location.Of("rows"), y.Location.Of("rows"));
            c.Members(cat, b.Subject, "footnote", x.Footnotes, y.Footnotes, x.Location.Of("footnotes"), y.Location.Of("footnotes"));
        });
    }
}
