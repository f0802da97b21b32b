using System.Text.RegularExpressions;
using Dcsc.Model;

namespace Dcsc.Layout;

// Issue 12 points 5-9 in the layout: author tables (numbered in sequence with the template's tables of their major
// section, referred to by {table:<key>}), and the tables of the structured details, each in the section where PS3.2
// puts the fact. Product-added sections (C-ECHO and C-GET status codes, non-standard DICOMweb transactions) go at the
// end of their parent, as PS3.2 asks for added sections.
internal sealed partial class LayoutRun
{
    private static readonly Regex AuthorTableToken = new(@"\{table:([A-Za-z0-9_.\-]+)\}", RegexOptions.CultureInvariant);
    private static readonly Regex AuthorSectionToken = new(@"\{section:([A-Z]?[0-9.]+)\}", RegexOptions.CultureInvariant);

    // ------------------------------------------------------------------ tables made here

    /// <summary>A numbered table with the given caption and column titles (a synthetic template table, so numbering and references treat it as any other).</summary>
    private TableDraft? ProductTable(Node n, string key, string title, IReadOnlyList<string> columns, IEnumerable<RowSpec> rows, IEnumerable<string>? footnotes = null)
    {
        var t = new TemplateTable
        {
            Ref = "product:" + key, Key = key, Title = title, Numbered = true,
            Columns = columns.Select((c, i) => new TemplateColumn { Key = "c" + i, Title = c }).ToList(),
        };
        var draft = MakeTable(t, title, rows.ToList());
        if (draft is null) return null;
        draft.HeaderRow = draft.Columns;   // its own columns are its header (a template table without header rows has none)
        if (footnotes is not null)
            foreach (var f in footnotes.Where(f => !string.IsNullOrWhiteSpace(f))) draft.Footnotes.Add(f);
        draft.Owner = n;
        _tablesByUid[draft.Uid] = draft;
        return draft;
    }

    private static RowSpec Cells(params string?[] cells) =>
        new(cells.Select((c, i) => (Key: "c" + i, Value: c ?? "")).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal));

    /// <summary>Author tables of a section or an added section; a keyed table can be named by <c>{table:key}</c>.</summary>
    private IEnumerable<Draft> AuthorTableDrafts(Node n, IReadOnlyList<AuthorTable> tables)
    {
        foreach (var a in tables)
        {
            var rows = a.Rows.Select(r => new RowSpec(
                Enumerable.Range(0, a.Columns.Count).ToDictionary(i => "c" + i, i => i < r.Cells.Count ? LayoutRun.JoinCell(new[] { r.Cells[i] }) : "", StringComparer.Ordinal),
                r.Group, r.Note));
            var draft = ProductTable(n, a.Key ?? NextUid(), a.Caption, a.Columns, rows, a.Footnotes);
            if (draft is null) continue;
            foreach (var r in a.Rows)
                // Cells are the row's list items by index; a row with a null item (dropped from Cells) has no reliable index.
                if (!r.Location.Has(r.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    for (int i = 0; i < r.Cells.Count && i < a.Columns.Count; i++)
                        AddAuthorCell(draft, r.Location, i.ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { r.Cells[i] });
            if (a.Key is { Length: > 0 } key) { n.TableByRef[key] = draft; draft.AuthorKey = key; }
            yield return new DraftTable(draft);
        }
    }

    /// <summary>Resolves <c>{table:X}</c> in author Markdown (X an author table key or a template table number) into a link; unknown ones stay as written.</summary>
    private string ResolveAuthorTokens(Node n, string markdown)
    {
        if (markdown.Contains("{table:", StringComparison.Ordinal))
            markdown = AuthorTableToken.Replace(markdown, m => FindTable(n, m.Groups[1].Value) is { } t && t.Number is not null
                ? $"[Table {t.Number}](#{t.Id})" : m.Value);
        if (markdown.Contains("{section:", StringComparison.Ordinal))
            markdown = AuthorSectionToken.Replace(markdown, m => FindSection(n, m.Groups[1].Value) is { Number.Length: > 0 } s
                ? $"[Section {s.Number}](#sect-{s.Number})" : m.Value);
        return markdown;
    }

    /// <summary>A cell or footnote: <c>{table:X}</c> becomes a link to the table; other tokens as <see cref="ResolveCell"/>.</summary>
    private IReadOnlyList<Inline> ResolveCellTokens(Node n, string cell)
    {
        if (!cell.Contains("{table:", StringComparison.Ordinal)) return ResolveCell(cell);
        var result = new List<Inline>();
        int pos = 0;
        foreach (System.Text.RegularExpressions.Match m in AuthorTableToken.Matches(cell))
        {
            if (m.Index > pos) result.AddRange(ResolveCell(cell[pos..m.Index]));
            result.Add(FindTable(n, m.Groups[1].Value) is { Number: not null } t ? new Inline("Table " + t.Number, "#" + t.Id) : new Inline(m.Value));
            pos = m.Index + m.Length;
        }
        if (pos < cell.Length) result.AddRange(ResolveCell(cell[pos..]));
        return Merge(result);
    }

    // ------------------------------------------------------------------ drafts of the structured details, by section

    private IEnumerable<Draft> DetailDrafts(Node n)
    {
        var key = n.T!.Key;
        var d = _s.Details;
        foreach (var k in d.KeyTables.Where(k => KeySection(k) == key))
        {
            if (!string.IsNullOrWhiteSpace(k.Comment)) yield return new DraftAuthor(k.Comment!) { Origin = TextOrigin.Of(k.Location, "comment") };
            if (KeyTableDraft(n, k) is { } t) yield return new DraftTable(t);
        }
        _webSections ??= d.Web.Select(w => (w, WebSections(w))).ToList();
        foreach (var (w, (section, status)) in _webSections)
        {
            if (section == key) foreach (var x in WebDrafts(n, w)) yield return x;
            if (status == key) foreach (var x in ReasonDrafts(n, w)) yield return x;
        }
        switch (key)
        {
            case "services_charset" when d.CharacterSetCodes.Count > 0:
                if (ProductTable(n, "charset_code_elements", "Code Elements of the ISO 2022 Specific Character Sets",
                        new[] { "Defined Term", "Code Element", "Escape Sequence", "ISO Registration Number", "Character Set" },
                        d.CharacterSetCodes.SelectMany(c => c.Elements.Select(e => Cells(c.DefinedTerm, e.Element, e.EscapeSequence, e.IsoRegistration, e.CharacterSet)))) is { } cs)
                    yield return new DraftTable(cs);
                break;
            case "security_external_network_requirements" when !d.Network.IsEmpty:
                foreach (var x in NetworkDrafts(n, d.Network)) yield return x;
                break;
            case "annex_c_secure_transport_connection" when d.Tls is { } tls:
                if (tls.Versions.Count > 0) yield return new DraftPlain("TLS versions: " + string.Join("; ", tls.Versions) + ".");
                if (tls.ClientCertificates is { } cc) yield return new DraftPlain("Client certificates (mutual authentication): " + (cc ? "required." : "not required."));
                if (!string.IsNullOrWhiteSpace(tls.CertificateValidation)) yield return new DraftAuthor(tls.CertificateValidation!, "Certificate validation") { Origin = TextOrigin.Of(tls.Location, "certificate_validation") };
                if (ProductTable(n, "tls_cipher_suites", "TLS Cipher Suites", new[] { "Preference Order", "Cipher Suite", "Profile" },
                        tls.CipherSuites.Select((c, i) => Cells((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name, c.Profile))) is { } ct)
                    yield return new DraftTable(ct);
                break;
            case "annex_c_audit_trail_messages" when _s.Details.Audit is { } audit:
                if (ProductTable(n, "audit_messages", "Audit Messages Sent", new[] { "Audit Message", "Triggers", "Comments" },
                        audit.Messages.Select(m => Cells(m.Message, string.Join("; ", m.Triggers), m.Comment))) is { } at)
                {
                    foreach (var m in audit.Messages) AddAuthorCell(at, m.Location, "comment", m.Comment);
                    yield return new DraftTable(at);
                }
                if (audit.Transport.Count > 0) yield return new DraftPlain("Transport: " + string.Join("; ", audit.Transport) + ".");
                if (!string.IsNullOrWhiteSpace(audit.Collector)) yield return new DraftPlain("Audit Record Repository: " + AsSentence(audit.Collector!));
                break;
        }
    }

    /// <summary>Author text printed as a sentence: a full stop added unless it already ends one.</summary>
    private static string AsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?') ? t : t + ".";
    }

    /// <summary>The Section 5.2 subsection of a key table's service and role (Patient Root Q/R tables in the Patient Root subsections).</summary>
    private static string KeySection(KeyTable k)
    {
        string side = k.Side == ServiceSide.Scu ? "scu" : "scp";
        bool patientRoot = k.Model is { } m && m.Trim().StartsWith("Patient Root", StringComparison.OrdinalIgnoreCase);
        return k.Service switch
        {
            DimseService.Worklist => $"services_{side}_mwl_find",
            DimseService.Mpps => $"services_{side}_mpps",
            DimseService.Ups => "services_ups",
            DimseService.InstanceAvailability => $"services_{side}_ian",
            DimseService.Storage => $"services_{side}_storage",
            DimseService.StorageCommitment => $"services_{side}_stgcmt",
            DimseService.QrFind => $"services_{side}_{(patientRoot ? "patient" : "study")}_root_qr_find",
            DimseService.QrMove => $"services_{side}_{(patientRoot ? "patient" : "study")}_root_qr_move",
            DimseService.QrGet => "services_qr",
            DimseService.Print => $"services_{side}_basic_grayscale_print_meta",
            _ => "services_dimse_services",
        };
    }

    internal static string KeyTableTitle(KeyTable k)
    {
        if (!string.IsNullOrWhiteSpace(k.Title)) return k.Title!;
        bool keys = k.Operation.StartsWith("C-", StringComparison.Ordinal);
        var what = keys ? (k.Operation is "C-MOVE" or "C-GET" ? "Identifier Keys" : "Keys") : "Attributes";
        var title = $"Supported {k.Operation} {what}";
        if (!string.IsNullOrWhiteSpace(k.Model)) title += $" for the {k.Model}" + (k.Model!.Contains("Model", StringComparison.OrdinalIgnoreCase) ? "" : " Information Model");
        if (!string.IsNullOrWhiteSpace(k.Level)) title += $" - {k.Level} Level";
        return title + (k.Side == ServiceSide.Scu ? " - SCU" : " - SCP");
    }

    private TableDraft? KeyTableDraft(Node n, KeyTable k)
    {
        var cols = new List<(string Title, Func<KeyAttribute, string?> Cell)>
        {
            ("Attribute Name", a => a.Name), ("Tag", a => a.Tag),
        };
        void Opt(string title, Func<KeyAttribute, string?> cell) { if (k.Keys.Any(a => !string.IsNullOrWhiteSpace(cell(a)))) cols.Add((title, cell)); }
        static string? Yn(bool? b) => b is { } v ? YN(v) : null;
        static string? Join(IReadOnlyList<string> v) => v.Count == 0 ? null : string.Join("; ", v);
        Opt("VR", a => a.Vr);
        Opt("Matching Key", a => Yn(a.MatchingKey));
        Opt("Return Key", a => Yn(a.ReturnKey));
        Opt("Matching Type", a => Join(a.MatchingTypes));
        Opt("Query Value Source", a => Join(a.QueryValueSource));
        Opt("Source", a => Join(a.Source));
        Opt("Presence", a => a.Presence);
        Opt("Value", a => a.Value);
        Opt("N-CREATE", a => a.NCreate);
        Opt("N-SET", a => a.NSet);
        Opt("Display on UI", a => a.DisplayOnUi);
        Opt("Comments", a => a.Comment);
        var id = $"keys_{k.Service}_{k.Side}_{k.Model}_{k.Level}_{k.Operation}".ToLowerInvariant();
        var table = ProductTable(n, id, KeyTableTitle(k), cols.Select(c => c.Title).ToList(),
            k.Keys.Select(a => Cells(cols.Select(c => c.Cell(a)).ToArray())));
        if (table is not null) foreach (var a in k.Keys) AddAuthorCell(table, a.Location, "comments", a.Comment);
        return table;
    }

    // ------------------------------------------------------------------ DICOMweb

    // The sections of each transaction, found once: finding them walks the template, and every section asks.
    private List<(WebDetail, (string? Section, string? Status))>? _webSections;

    private static (string? Section, string? Status) WebSections(WebDetail w) => TemplateData.WebSections(w.Service, w.Transaction, w.OriginServer);

    /// <summary>The Section 5.3 subsection of a transaction's User Agent or Origin Server side.</summary>
    private static string? WebRoleSection(string service, string transaction, bool originServer) => TemplateData.WebSections(service, transaction, originServer).Section;

    // The declared query parameters of each role subsection, found once.
    private Dictionary<string, List<string>>? _queryParameters;

    /// <summary>The query parameters the transactions declare (dicomweb.transactions[].query_parameters) for one role subsection, for each side they take.</summary>
    private IReadOnlyList<string> DeclaredQueryParameters(string sectionKey)
    {
        if (_queryParameters is null)
        {
            _queryParameters = new(StringComparer.Ordinal);
            foreach (var tr in _s.DicomWeb.Transactions.Where(x => x.QueryParameters.Count > 0))
                foreach (var os in new[] { false, true }.Where(os => os ? tr.OriginServer : tr.UserAgent))
                    if (WebRoleSection(tr.Service, tr.Transaction, os) is { } key)
                    {
                        if (!_queryParameters.TryGetValue(key, out var list)) _queryParameters[key] = list = new();
                        list.AddRange(tr.QueryParameters.Select(q => q.Trim()).Where(q => q.Length > 0 && !list.Contains(q, StringComparer.OrdinalIgnoreCase)));
                    }
        }
        return _queryParameters.TryGetValue(sectionKey, out var found) ? found : Array.Empty<string>();
    }

    /// <summary>The parameter a row of a Query Parameters table names: its name before any "=value".</summary>
    internal static string QueryParameterName(string cell)
    {
        var p = cell.Trim();
        var eq = p.IndexOf('=');
        return (eq >= 0 ? p[..eq] : p).Trim();
    }

    /// <summary>
    /// The PS3.2 template gives each transaction side a "Query Parameters for … - User Agent / Origin Server" table
    /// (Query Parameter, Supported Values, Comments; PS3.18 §8.3.4, §8.3.5): after the author's rows, one row for each
    /// declared query parameter no author row names, so every declared parameter is printed where a reader looks for it.
    /// </summary>
    private List<RowSpec> DeclaredQueryParameterRows(Node n, TemplateTable t, IReadOnlyList<RowSpec> authorRows)
    {
        if (!t.Key.StartsWith("query_parameters_", StringComparison.Ordinal) || !t.Columns.Any(c => c.Key == "query_parameter")) return new();
        var named = authorRows.Select(r => QueryParameterName(r.Cells.GetValueOrDefault("query_parameter") ?? "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return DeclaredQueryParameters(n.T!.Key).Where(q => !named.Contains(QueryParameterName(q)))
            .Select(q => new RowSpec(t.Columns.ToDictionary(c => c.Key, c => c.Key == "query_parameter" ? q : "", StringComparer.Ordinal))).ToList();
    }

    private IEnumerable<Draft> WebDrafts(Node n, WebDetail w)
    {
        var label = $"{w.Service} {w.Transaction}";
        foreach (var level in w.Search)
        {
            if (ProductTable(n, $"web{w.Index}_search_{level.Level}", $"Searchable Attributes - {label} - {level.Level} Level",
                    new[] { "Attribute Name", "Tag", "Matching Type", "Fuzzy Matching", "Comments" },
                    level.Attributes.Select(a => Cells(a.Name, a.Tag, string.Join("; ", a.MatchingTypes), YN(a.Fuzzy), a.Comment))) is { } t)
            {
                foreach (var a in level.Attributes) AddAuthorCell(t, a.Location, "comments", a.Comment);
                yield return new DraftTable(t);
            }
            if (level.DefaultReturn.Count > 0)
                yield return new DraftPlain($"{level.Level} level, returned by default: {string.Join("; ", level.DefaultReturn)}.");
            if (level.IncludeField.Count > 0)
                yield return new DraftPlain($"{level.Level} level, added by includefield: {string.Join("; ", level.IncludeField)}.");
        }
        var fuzzy = w.Search.SelectMany(l => l.Attributes).Where(a => a.Fuzzy).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        if (w.Search.Count > 0)
            yield return new DraftPlain(fuzzy.Count > 0 ? $"Fuzzy matching (fuzzymatching=true) applies to: {string.Join("; ", fuzzy)}." : "Fuzzy matching is not supported.");
        // The transfer-syntax columns only when a media type of the transaction names one (PS3.18 §8.7.3.5).
        bool withTs = w.MediaTypes.Any(m => m.TransferSyntax is not null);
        if (w.MediaTypes.Count > 0 && ProductTable(n, $"web{w.Index}_media", withTs ? $"Media Types and Transfer Syntaxes - {label}" : $"Media Types - {label}",
                withTs ? new[] { "Media Type", "Transfer Syntax", "UID", "Default" } : new[] { "Media Type" },
                w.MediaTypes.Select(m => !withTs ? Cells(m.Type) : m.TransferSyntax is { } ts
                    ? Cells(m.Type, TransferSyntaxName(ts), ts, YN(ts == w.DefaultTransferSyntax)) : Cells(m.Type, "", "", ""))) is { } mt)
            yield return new DraftTable(mt);
        // The Transfer Syntaxes offered for the DICOM media types (PS3.18 §8.7.3.5.2): the template's Accept header field row
        // leaves "transfer-syntax={uid}" to the author and its DICOM Media Types section points at Table 1-1, so dcsc
        // prints the transaction's own list with its media types.
        if (_s.DicomWeb.Transactions.ElementAtOrDefault(w.Index) is { TransferSyntaxes.Count: > 0 } tx
            && ProductTable(n, $"web{w.Index}_transfer_syntaxes", $"Transfer Syntaxes for DICOM Media Types - {label}",
                new[] { "Transfer Syntax", "UID" }, tx.TransferSyntaxes.Select(u => Cells(TransferSyntaxName(u), u))) is { } tst)
            yield return new DraftTable(tst);
        if (w.DefaultTransferSyntax is { } def)
            yield return new DraftPlain($"Default Transfer Syntax ({label}, when the request names none): {TransferSyntaxName(def)} ({def}).");
        if (w.TranscodeFrom.Count > 0 && ProductTable(n, $"web{w.Index}_transcode", $"Transfer Syntaxes Transcoded From - {label}",
                new[] { "Transfer Syntax", "UID" }, w.TranscodeFrom.Select(u => Cells(TransferSyntaxName(u), u))) is { } tc)
            yield return new DraftTable(tc);
    }

    private IEnumerable<Draft> ReasonDrafts(Node n, WebDetail w)
    {
        foreach (var (reasons, tag, what) in new[] { (w.FailureReasons, "(0008,1197)", "Failure Reason"), (w.WarningReasons, "(0008,1196)", "Warning Reason") })
            if (ProductTable(n, $"web{w.Index}_{what.Replace(' ', '_').ToLowerInvariant()}", $"{what} {tag} Values - {w.Service} {w.Transaction}",
                    new[] { "Code", "Meaning" }, reasons.Select(r => Cells(r.Code, r.Meaning))) is { } t)
            {
                foreach (var r in reasons) AddAuthorCell(t, r.Location, "meaning", r.Meaning);
                yield return new DraftTable(t);
            }
    }

    // ------------------------------------------------------------------ network

    private IEnumerable<Draft> NetworkDrafts(Node n, NetworkDetails net)
    {
        if (ProductTable(n, "network_interfaces", "Physical Network Interfaces", new[] { "Interface", "Type", "Description" },
                net.Interfaces.Select(i => Cells(i.Name, i.Type, i.Description))) is { } t1)
        {
            foreach (var i in net.Interfaces) AddAuthorCell(t1, i.Location, "description", i.Description);
            yield return new DraftTable(t1);
        }
        var ip = new List<string>();
        if (net.Ipv4 is { } v4) ip.Add("IPv4: " + YN(v4));
        if (net.Ipv6 is { } v6) ip.Add("IPv6: " + YN(v6));
        if (ip.Count > 0) yield return new DraftPlain(string.Join("; ", ip) + ".");
        if (ProductTable(n, "network_protocols", "Additional Network Protocols", new[] { "Protocol", "Role", "RFCs", "Description" },
                net.Protocols.Select(p => Cells(p.Protocol, p.Role, string.Join("; ", p.Rfcs), p.Description))) is { } t2)
        {
            foreach (var p in net.Protocols) AddAuthorCell(t2, p.Location, "description", p.Description);
            yield return new DraftTable(t2);
        }
    }

    // ------------------------------------------------------------------ product-added sections

    private Node StatusSection(StatusTable st, Node parent, RepeatContext ctx, string sop)
    {
        var side = st.Side == ServiceSide.Scu ? "SCU" : "SCP";
        var title = $"{side} of the {sop} - {st.Operation}";
        var node = new Node { Added = new AddedSection(title, "", st.Location), Parent = parent, Ctx = ctx, Title = title, Content = SectionContent.Empty, ContentPath = parent.ContentPath };
        var rows = st.Rows.Select(r => Cells(r.Status, r.Meaning, r.Code, r.Behavior)).ToList();
        if (!string.IsNullOrWhiteSpace(st.Other)) rows.Add(Cells("Any other status code", "", "", st.Other));
        node.Extra = () =>
        {
            var table = ProductTable(node, $"status_{st.Service}_{st.Side}".ToLowerInvariant(), $"Status Codes for {st.Operation} of the {sop} - {side}",
                new[] { "Service Status", "Further Meaning", "Status Codes", st.Side == ServiceSide.Scu ? "Behavior" : "Condition" }, rows);
            if (table is null) return Array.Empty<Draft>();
            foreach (var r in st.Rows) { AddAuthorCell(table, r.Location, "meaning", r.Meaning); AddAuthorCell(table, r.Location, "behavior", r.Behavior); }
            AddAuthorCell(table, st.Location, "other_status_codes", st.Other);
            return new Draft[] { new DraftTable(table) };
        };
        return node;
    }

    /// <summary>Sections the structured details add at the end of a template section (PS3.2: added sections go at the end of their parent).</summary>
    private IEnumerable<Node> ProductSections(TemplateSection t, Node parent, RepeatContext ctx)
    {
        if (ctx != RepeatContext.None) yield break;
        var d = _s.Details;
        // C-GET status codes go into 7.3.2.7 (Query/Retrieve); C-ECHO gets a "Verification Service" subsection of 7.3.2.
        var get = d.StatusTables.Where(x => x.Service == DimseService.QrGet).ToList();
        var echo = d.StatusTables.Where(x => x.Service == DimseService.Verification).ToList();
        if (t.Key == "status_qr")
            foreach (var st in get) yield return StatusSection(st, parent, ctx, "Query/Retrieve GET SOP Classes");
        if (t.Key == "status_dimse_services" && echo.Count > 0)
        {
            var service = new Node { Added = new AddedSection("Verification Service", "", echo[0].Location), Parent = parent, Ctx = ctx,
                Title = "Verification Service", Content = SectionContent.Empty, ContentPath = parent.ContentPath };
            foreach (var st in echo) service.Children.Add(StatusSection(st, service, ctx, "Verification SOP Class"));
            yield return service;
        }
        foreach (var a in d.WebAdditions)
        {
            if (WebServiceSections.FirstOrDefault(kv => kv.Value == a.Service).Key != t.Key) continue;
            var title = $"{a.Name} (product addition, not defined in PS3.18)";
            var node = new Node { Added = new AddedSection(title, "", a.Location), Parent = parent, Ctx = ctx, Title = title, Content = SectionContent.Empty, ContentPath = parent.ContentPath };
            node.Extra = () =>
            {
                var list = new List<Draft> { new DraftPlain($"Request: {a.Method} {a.Path}"), new DraftAuthor(a.Description) { Origin = TextOrigin.Of(a.Location, "description") } };
                if (ProductTable(node, "addition_" + a.Name, $"HTTP Status Codes - {a.Name}", new[] { "Code", "Status", "Meaning" },
                        a.HttpStatus.Select(h => Cells(h.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), h.Status, h.Meaning))) is { } table)
                {
                    foreach (var h in a.HttpStatus) AddAuthorCell(table, h.Location, "meaning", h.Meaning);
                    list.Add(new DraftTable(table));
                }
                return list;
            };
            yield return node;
        }
    }
}
