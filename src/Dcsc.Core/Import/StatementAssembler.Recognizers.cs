using System.Text.RegularExpressions;
using Dcsc.Layout;

namespace Dcsc.Import;

// Tables that match no table of their template section, recognized by their columns: the ways vendors print SOP
// Classes with roles, presentation contexts, AE Titles and ports, association parameters, status codes, query keys,
// attribute tables, character sets, security profiles, revision histories, terms and abbreviations.
internal sealed partial class StatementAssembler
{
    private static int Col(IReadOnlyList<string> titles, params string[] patterns)
    {
        for (int i = 0; i < titles.Count; i++)
            foreach (var p in patterns)
                if (Regex.IsMatch(titles[i], p, RegexOptions.IgnoreCase)) return i;
        return -1;
    }

    private static string Cell(IReadOnlyList<string> r, int i) => i >= 0 && i < r.Count ? r[i].Trim() : "";

    [GeneratedRegex(@"^1\.2\.840\.10008\.[\d.\s]+$|^[12]\.\d+(\.\d+){3,}$")]
    private static partial Regex UidCell();

    private string? Recognize(MappedSection n, TableBlock tb)
    {
        var titles = tb.Titles;
        var body = tb.Body.ToList();
        int uidCol = Enumerable.Range(0, titles.Count).FirstOrDefault(i => body.Count(r => UidCell().IsMatch(CleanUid(Cell(r, i)))) * 2 >= Math.Max(1, body.Count), -1);
        var key = n.Template?.Key ?? "";

        // Presentation contexts: abstract syntax + transfer syntax (+ role, extended negotiation).
        int ts = Col(titles, @"^transfer syntax(?! name)", @"transfer syntax uid", @"^ts\b");
        int abs = Col(titles, @"abstract syntax", @"sop class");
        if (ts >= 0 && abs >= 0 && uidCol >= 0) return PresentationContexts(n, tb, titles, body);

        // A list of Transfer Syntaxes (name, UID) that names no SOP Class: a Transfer Syntax Set of its own.
        if (uidCol >= 0 && abs < 0 && body.Count > 0 && body.All(r => CleanUid(Cell(r, uidCol)).StartsWith("1.2.840.10008.1.2", StringComparison.Ordinal)))
        {
            int tsName = Enumerable.Range(0, titles.Count).FirstOrDefault(i => i != uidCol, -1);
            var setCode = "TS" + (_sets.Count + 1);
            var set = new TsSet(setCode, tb.Caption is { } c && ReaderText.CaptionPattern().Match(c) is { Success: true } cm ? cm.Groups[2].Value.Trim() : $"Transfer Syntax Set {setCode}", new(), tb.Line);
            foreach (var r in body) set.Syntaxes.Add((CleanUid(Cell(r, uidCol)), tsName >= 0 ? Cell(r, tsName) : CleanUid(Cell(r, uidCol)), null));
            _sets.Add(set);
            _looseSets.Add(setCode);
            return $"transfer_syntax_sets ({setCode}; given to the SOP Classes that name no Transfer Syntax)";
        }

        // SOP Classes with roles (overview, per-AE SOP Class tables).
        if (uidCol >= 0)
        {
            int scu = Col(titles, @"^scu\b", @"user of service", @"^su\b"), scp = Col(titles, @"^scp\b", @"provider of service", @"^sp\b"), role = Col(titles, @"^role", @"scu\s*/\s*scp");
            int name = Col(titles, @"name", @"sop class(?! uid)", @"^description");
            if (scu >= 0 || scp >= 0 || role >= 0 || n.Ae is not null)
            {
                foreach (var r in body)
                {
                    var uid = CleanUid(Cell(r, uidCol));
                    if (!UidCell().IsMatch(uid)) continue;
                    var s = Sop(uid, name >= 0 && name != uidCol ? Cell(r, name) : null, tb.Line);
                    bool isScu = scu >= 0 ? Yes(Cell(r, scu)) : role >= 0 && Regex.IsMatch(Cell(r, role), @"SCU|User", RegexOptions.IgnoreCase);
                    bool isScp = scp >= 0 ? Yes(Cell(r, scp)) : role >= 0 && Regex.IsMatch(Cell(r, role), @"SCP|Provider", RegexOptions.IgnoreCase);
                    if (scu < 0 && scp < 0 && role < 0 && n.Ae is not null) (isScu, isScp) = RoleFromSection(n);
                    s.Scu |= isScu; s.Scp |= isScp;
                    if (n.Ae is { } ae)
                    {
                        Ae(ae, tb.Line);
                        if (isScu) s.ScuAes.Add(ae);
                        if (isScp) s.ScpAes.Add(ae);
                        s.RolesKnown = true;
                    }
                }
                return n.Ae is null ? "sop_classes (roles)" : $"sop_classes (roles of {n.Ae})";
            }
        }

        // Attribute tables: tag column with presence / type / VR / matching columns.
        int tag = Col(titles, @"^tag\b", @"^\(?gggg", @"^attribute tag", @"^element");
        if (tag >= 0 && body.Count(r => Regex.IsMatch(Cell(r, tag), @"^\(?[0-9A-Fa-fx]{4}\s*,\s*[0-9A-Fa-fx]{4}\)?$")) * 2 >= Math.Max(1, body.Count))
        {
            int matching = Col(titles, @"match", @"query key", @"^key type");
            if (matching >= 0) return QueryKeys(n, tb, titles, body, tag, matching);
            if (n.Iod is not null || key.StartsWith("annex_a", StringComparison.Ordinal)) return IodAttributes(n, tb, titles, body, tag);
        }

        // Status codes.
        int code = Col(titles, @"status code", @"^code$", @"error code");
        if (code >= 0 && body.Count(r => Regex.IsMatch(Cell(r, code), @"^[0-9A-Fx]{4}(?:\s*[-–]\s*[0-9A-Fx]{4})?$|^(?:A7|A9|C)xx", RegexOptions.IgnoreCase)) * 2 >= Math.Max(1, body.Count))
            return StatusCodes(n, tb, titles, body, code);

        // AE Titles and ports (local or remote AE configuration).
        int aeTitle = Col(titles, @"ae title", @"^aet\b", @"application entity title"), port = Col(titles, @"port");
        if (aeTitle >= 0 && port >= 0) return AeTitles(n, tb, titles, body, aeTitle, port);

        // Two-column parameter tables under association sections.
        if (titles.Count is 2 or 3 && body.Any(r => AssociationFields.ContainsKey(Cell(r, titles.Count - 2))))
        {
            var target = n.Ae is { } a ? Ae(a, tb.Line).Map("association") : (YMap)_root["association"]!;
            Association(target, tb);
            return n.Ae is null ? "association" : $"association of {n.Ae}";
        }

        // Character sets.
        if (body.Count > 0 && body.Count(r => r.Any(c => Regex.IsMatch(c, @"^ISO[ _]?(?:IR|2022)"))) * 2 >= body.Count)
        {
            int dt = Enumerable.Range(0, titles.Count).First(i => body.Any(r => Regex.IsMatch(Cell(r, i), @"^ISO[ _]?(?:IR|2022)")));
            int desc = Col(titles, @"description", @"character set", @"name");
            foreach (var r in body)
                if (Regex.IsMatch(Cell(r, dt), @"^ISO[ _]?(?:IR|2022)"))
                    ((YSeq)_root["character_sets"]!).Add(new YMap().Set("defined_term", Cell(r, dt).Replace("ISO IR", "ISO_IR")).Set("description", desc >= 0 && desc != dt ? Cell(r, desc) : null));
            return "character_sets";
        }

        // Security profiles.
        int profile = Col(titles, @"profile");
        if (profile >= 0 && body.Count(r => Regex.IsMatch(Cell(r, profile), @"Profile|TLS|Audit", RegexOptions.IgnoreCase)) * 2 >= Math.Max(1, body.Count) && (key.StartsWith("security", StringComparison.Ordinal) || n.Parent?.Key == "security"))
        {
            int supported = Col(titles, @"^support");
            foreach (var r in body)
            {
                var p = Cell(r, profile);
                // A profile the table says is not supported is no claim.
                if (p.Length == 0 || supported >= 0 && Regex.IsMatch(Cell(r, supported), @"^(?:No|N|-)$", RegexOptions.IgnoreCase)) continue;
                var kind = Regex.IsMatch(p, "TLS|Transport", RegexOptions.IgnoreCase) ? "secure_transport" : Regex.IsMatch(p, "User Identity|Secure Use", RegexOptions.IgnoreCase) ? "secure_use" : "other";
                ((YMap)_root["security"]!).Seq("profiles").Add(new YMap().Set("profile", p).Set("kind", kind).Set("sender", true).Set("receiver", kind != "other"));
            }
            return "security.profiles";
        }

        // Revision history.
        int rev = Col(titles, @"^rev", @"^version", @"^issue"), date = Col(titles, @"date");
        if (rev >= 0 && date >= 0 && (key is "intro_revision_history" || titles.Count <= 5))
        {
            int change = Col(titles, @"change", @"description", @"reason", @"comment");
            foreach (var r in body)
                ((YSeq)_root["revision_history"]!).Add(new YMap().Set("revision", Cell(r, rev)).Set("date", Cell(r, date)).Set("change", change >= 0 ? Cell(r, change) : ""));
            return "revision_history";
        }

        // Terms and abbreviations: two-column tables in those sections.
        if (titles.Count == 2 && key is "intro_abbreviations" or "intro_terms_definitions")
        {
            foreach (var r in tb.Rows.Skip(tb.HeaderRows == 1 && Regex.IsMatch(titles[0], "^(term|abbreviation|acronym)", RegexOptions.IgnoreCase) ? 1 : 0))
            {
                if (Cell(r, 0).Length == 0) continue;
                if (key == "intro_abbreviations") ((YMap)_root["introduction"]!).Seq("abbreviations").Add(new YMap().Set("abbreviation", Cell(r, 0)).Set("meaning", Cell(r, 1)));
                else ((YMap)_root["introduction"]!).Seq("terms").Add(new YMap().Set("term", Cell(r, 0)).Set("definition", Cell(r, 1)));
            }
            return key == "intro_abbreviations" ? "introduction.abbreviations" : "introduction.terms";
        }
        return null;
    }

    private static bool Yes(string s) => Regex.IsMatch(s.Trim(), @"^(?:Y|Yes|X|✓|✔|Option(?:al)?)$", RegexOptions.IgnoreCase);

    /// <summary>The role a SOP Class table implies by its section: initiation/SCU sections SCU, acceptance/SCP sections SCP.</summary>
    private static (bool Scu, bool Scp) RoleFromSection(MappedSection n)
    {
        for (var s = n; s is not null; s = s.Parent)
        {
            var t = s.Title;
            if (Regex.IsMatch(t, @"\bSCP\b|Acceptance|Provider", RegexOptions.IgnoreCase)) return (false, true);
            if (Regex.IsMatch(t, @"\bSCU\b|Initiation|User", RegexOptions.IgnoreCase)) return (true, false);
        }
        return (true, false);
    }

    private string PresentationContexts(MappedSection n, TableBlock tb, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body)
    {
        // Columns: Abstract Syntax name / UID, Transfer Syntax name / UID, Role, Extended Negotiation. Merged cells were
        // repeated down by the reader, so every row names its abstract syntax.
        var uidCols = Enumerable.Range(0, titles.Count).Where(i => body.Count(r => UidCell().IsMatch(CleanUid(Cell(r, i)))) * 2 >= Math.Max(1, body.Count)).ToList();
        int absStart = Col(titles, @"abstract syntax", @"sop class"), tsStart = Col(titles, @"^transfer syntax", @"^ts\b");
        int absUid = uidCols.FirstOrDefault(i => i < tsStart || tsStart < 0, -1), tsUid = uidCols.FirstOrDefault(i => i >= tsStart && i != absUid, -1);
        int absName = absStart >= 0 && absStart != absUid ? absStart : -1, tsName = tsStart >= 0 && tsStart != tsUid ? tsStart : -1;
        int role = Col(titles, @"^role"), ext = Col(titles, @"ext");
        var (defScu, defScp) = RoleFromSection(n);
        var perSop = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string lastAbs = "";
        foreach (var r in body)
        {
            var a = CleanUid(Cell(r, absUid));
            if (!UidCell().IsMatch(a)) a = lastAbs;
            if (a.Length == 0) continue;
            lastAbs = a;
            var s = Sop(a, absName >= 0 ? Cell(r, absName) : null, tb.Line);
            var t = CleanUid(Cell(r, tsUid));
            if (UidCell().IsMatch(t))
            {
                var list = perSop.TryGetValue(a, out var l) ? l : perSop[a] = new();
                if (!list.Contains(t)) list.Add(t);
                if (tsName >= 0 && !_tsNames.ContainsKey(t)) _tsNames[t] = Cell(r, tsName);
            }
            var roleText = role >= 0 ? Cell(r, role) : "";
            bool scu = roleText.Length > 0 ? Regex.IsMatch(roleText, "SCU", RegexOptions.IgnoreCase) : defScu;
            bool scp = roleText.Length > 0 ? Regex.IsMatch(roleText, "SCP", RegexOptions.IgnoreCase) : defScp;
            s.Scu |= scu; s.Scp |= scp;
            if (n.Ae is { } ae)
            {
                Ae(ae, tb.Line);
                if (scu) s.ScuAes.Add(ae);
                if (scp) s.ScpAes.Add(ae);
                s.RolesKnown = true;
            }
        }
        foreach (var (uid, list) in perSop)
        {
            var s = _sops[uid];
            foreach (var u in list) if (!s.TsUids.Contains(u)) s.TsUids.Add(u);
        }
        if (n.Ae is { } aeName && n.Activity is { } act)
        {
            var a = Activity(aeName, act, defScp && !defScu ? "acceptor" : "initiator", tb.Line);
            var seq = a.Seq("sop_classes");
            foreach (var uid in perSop.Keys) if (!seq.Items.OfType<YScalar>().Any(x => x.Value == uid)) seq.Add(new YScalar(uid));
        }
        else if (n.Ae is { } aeOnly)
        {
            // A presentation-context table directly under an AE's initiation/acceptance policy: one activity for it.
            var actName = (defScp && !defScu ? "Accept " : "Initiate ") + "Associations";
            var a = Activity(aeOnly, actName, defScp && !defScu ? "acceptor" : "initiator", tb.Line);
            a.Set("description", $"Presentation contexts of {aeOnly} as listed in the source ({_doc.Where(tb.Line)}).");
            var seq = a.Seq("sop_classes");
            foreach (var uid in perSop.Keys) if (!seq.Items.OfType<YScalar>().Any(x => x.Value == uid)) seq.Add(new YScalar(uid));
        }
        return "presentation contexts → sop_classes (roles, Transfer Syntax Sets) and activity SOP Classes";
    }

    private readonly Dictionary<string, string> _tsNames = new(StringComparer.Ordinal);

    private string? QueryKeys(MappedSection n, TableBlock tb, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body, int tag, int matching)
    {
        if (VendorKeyTable(n, tb, titles, body, tag, matching) is { } declared) return declared;
        // The template's C-FIND tables of the nearest service section, else rows of an author-style table in the section text.
        TemplateTable? target = null;
        for (var s = n; s is not null && target is null; s = s.Parent)
            if (s.Template is { } t) target = t.Tables.FirstOrDefault(x => x.Columns.Any(c => c.Key == "tag") && x.Columns.Any(c => c.Key.StartsWith("matching", StringComparison.Ordinal)) && !TemplateData.IsDerived(t.Key, x.Key)) is { } found ? found : null;
        // The query-key table of the section's service (5.2.x). Rows go there only when every source column has a
        // column of that table and every matching word is a PS3.4 C.2.2.2 matching type; otherwise the table is kept
        // as an author table of this section, as the source wrote it (nothing lost, nothing the schema rejects).
        var host = FindSectionWithTable(n, target);
        var seq = host is null ? null : TemplateKeyRows(host, target!, titles, body, tag, matching);
        if (host is not null && seq is not null)
        {
            if (seq.Items.Count > 0) seq.Items[0].Comment = Src(tb.Line);
            // A second query-key table of the same service adds its rows after the first one's.
            var tables = SectionContent(host).Map("tables");
            if (tables[target!.Key] is YSeq earlier) foreach (var row in seq.Items) earlier.Add(row);
            else tables[target.Key] = seq;
            return $"sections.{host.Template!.Key}.tables.{target.Key}";
        }
        if (n.Template is null) return null;
        return AuthorTable(SectionContent(n).Seq("added_tables"), tb) + " (query keys; no template table holds them as written)";
    }

    /// <summary>
    /// Rows of a template query-key table (attribute name, tag, matching type, return key when the table has that
    /// column), or null when a source column or a matching word has no place in it.
    /// </summary>
    private static YSeq? TemplateKeyRows(MappedSection host, TemplateTable target, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body, int tag, int matching)
    {
        var columns = target.Columns.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (!columns.Contains("attribute_name") || !columns.Contains("tag") || !columns.Contains("matching_type")) return null;
        int name = Col(titles, @"attribute", @"name", @"description");
        int ret = Col(titles, @"return");
        if (ret == matching) ret = -1;
        if (ret >= 0 && !columns.Contains("return_key")) return null;
        int comments = columns.Contains("comments") ? Col(titles, @"comment", @"remark", @"note") : -1;
        var used = new HashSet<int> { tag, matching, name, ret, comments };
        if (Enumerable.Range(0, titles.Count).Any(i => !used.Contains(i))) return null;
        var seq = new YSeq();
        string? group = null;
        foreach (var r in body)
        {
            if (r.Count > 2 && Cell(r, 0).Length > 0 && r.Skip(1).All(c => c.Length == 0)) { group = Cell(r, 0); continue; }
            if (MatchingTypes(Cell(r, matching)) is not { } types) return null;
            var row = new YMap();
            if (group is not null) row.Set("group", group);
            row.Set("attribute_name", name >= 0 ? Cell(r, name) : "").Set("tag", Cell(r, tag));
            if (types.Count == 1) row.Set("matching_type", types[0]);
            else if (types.Count > 1)
            {
                if (!SourceSchema.ColumnTakesList(host.Template!.Key, target.Key, "matching_type")) return null;
                row["matching_type"] = Scalars(types);
            }
            if (ret >= 0) row.Set("return_key", Yes(Cell(r, ret)));
            if (comments >= 0) row.Set("comments", Cell(r, comments));
            seq.Add(row);
        }
        return seq;
    }

    private static MappedSection? FindSectionWithTable(MappedSection n, TemplateTable? table)
    {
        if (table is null) return null;
        for (var s = n; s is not null; s = s.Parent)
            if (s.Template is { } t && t.Tables.Contains(table)) return s;
        return null;
    }

    private string IodAttributes(MappedSection n, TableBlock tb, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body, int tag)
    {
        int name = Col(titles, @"attribute name", @"^attribute$", @"^name", @"description");
        int vr = Col(titles, @"^vr$"), type = Col(titles, @"^type$", @"presence", @"usage"), value = Col(titles, @"value", @"comment", @"notes", @"remark"), source = Col(titles, @"source");
        var cap = tb.Caption is { } c && ReaderText.CaptionPattern().Match(c) is { Success: true } cm ? cm.Groups[2].Value : (n.Title);
        var iodName = n.Iod ?? n.Title;
        var iod = Iod(iodName, tb.Line);
        var moduleName = Regex.Replace(cap, @"\s*(?:attributes?)?\s*(?:for|of)\s+.+$", "", RegexOptions.IgnoreCase).Trim();
        if (moduleName.Length == 0) moduleName = cap;
        var module = Module(iod.Seq("modules"), moduleName);
        var seq = module.Seq("attributes");
        foreach (var r in body)
        {
            var t = Cell(r, tag);
            if (!Regex.IsMatch(t, @"^\(?[0-9A-Fa-fx]{4}\s*,\s*[0-9A-Fa-fx]{4}\)?$")) continue;
            var tagText = Regex.Replace(t, @"\s", "");
            if (!tagText.StartsWith('(')) tagText = "(" + tagText + ")";
            var item = new YMap().Set("name", Cell(r, name)).Set("tag", tagText.ToUpperInvariant());
            if (vr >= 0) item.Set("vr", Cell(r, vr));
            var presence = type >= 0 ? Cell(r, type) : "";
            if (presence.Length > 0) item.Set("presence_of_attribute", PresenceFromType(presence));
            if (source >= 0) item.Set("source", Cell(r, source));
            if (value >= 0 && Cell(r, value).Length > 0) item.Set("comment", Cell(r, value));
            seq.Add(item);
        }
        if (seq.Items.Count > 0) seq.Items[0].Comment = Src(tb.Line);
        return $"iods \"{iodName}\" module \"{moduleName}\"";
    }

    /// <summary>PS3.3 attribute types (1, 1C, 2, 2C, 3) in the terms of the template's Presence of Attribute column.</summary>
    private static string PresenceFromType(string type) => type.Trim().ToUpperInvariant() switch
    {
        "1" or "2" or "ALWAYS" or "M" => "ALWAYS",
        "1C" or "2C" or "CONDITIONAL" or "C" => "CONDITIONAL",
        "3" or "U" or "ANAP" or "OPTIONAL" => "ANAP",
        var x => x,
    };

    private string? StatusCodes(MappedSection n, TableBlock tb, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body, int code)
    {
        int status = Col(titles, @"service status", @"^status$", @"^status(?! code)"), meaning = Col(titles, @"meaning", @"description", @"further"), behavior = Col(titles, @"behavio", @"action", @"reason", @"comment");
        var target = n.Template?.Tables.FirstOrDefault(x => x.Columns.Any(c => c.Key == "status_code"));
        if (target is null)
        {
            if (n.Template is null) return null;
            return AuthorTable(SectionContent(n).Seq("added_tables"), tb) + " (status codes; the section has no status-code table)";
        }
        var seq = SectionContent(n).Map("tables").Seq(target.Key);
        foreach (var r in body)
        {
            var row = new YMap();
            foreach (var c in target.Columns)
            {
                var v = c.Key switch
                {
                    "service_status" => status >= 0 ? Cell(r, status) : "",
                    "further_meaning" => meaning >= 0 ? Cell(r, meaning) : "",
                    "status_code" => Cell(r, code),
                    "behavior" => behavior >= 0 ? Cell(r, behavior) : "",
                    _ => "",
                };
                row.Set(c.Key, v);
            }
            seq.Add(row);
        }
        if (seq.Items.Count > 0) seq.Items[0].Comment = Src(tb.Line);
        return $"sections.{n.Template!.Key}.tables.{target.Key}";
    }

    private string? AeTitles(MappedSection n, TableBlock tb, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body, int aeTitle, int port)
    {
        int aeName = Col(titles, @"application entity$", @"^ae$", @"^ae name", @"^application");
        var remote = Regex.IsMatch(tb.Caption ?? n.Title, @"remote", RegexOptions.IgnoreCase);
        if (!remote && body.All(r => _aes.ContainsKey(Cell(r, aeName)) || _aes.Values.Any(a => (a["ae_title"] as YScalar)?.Value == Cell(r, aeTitle)) || aeName < 0))
        {
            foreach (var r in body)
            {
                var title = Cell(r, aeTitle);
                var entry = aeName >= 0 && _aes.TryGetValue(Cell(r, aeName), out var byName) ? byName : _aes.Values.FirstOrDefault(a => (a["ae_title"] as YScalar)?.Value == title);
                if (entry is null) continue;
                if (title.Length > 0 && !entry.Has("ae_title")) entry.Set("ae_title", title);
                if (long.TryParse(Regex.Match(Cell(r, port), @"\d+").Value, out var p)) entry.Map("association").Set("port", p);
            }
            return "application_entities (AE Titles, ports)";
        }
        if (n.Template is null) return null;
        return AuthorTable(SectionContent(n).Seq("added_tables"), tb) + " (remote AE configuration)";
    }
}
