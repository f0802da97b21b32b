using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Model;
using Dcsc.Source;

namespace Dcsc.Layout;

/// <summary>A row before it is laid out: cells by column key, optional table subsection and footnote.</summary>
internal sealed record RowSpec(IReadOnlyDictionary<string, string> Cells, string? Group = null, string? Note = null, string? Part = null);

internal sealed partial class LayoutRun
{
    private static readonly Regex TableToken = new(@"\{table:([^}]+)\}", RegexOptions.CultureInvariant);

    /// <summary>Sections whose template tables are examples of a list the statement gives (one table per shared module).</summary>
    private static readonly HashSet<string> ModuleListSections = new(StringComparer.Ordinal)
    {
        "annex_a_common_modules", "annex_a_common_fg_macros", "annex_a_common_private_modules",
    };

    private void BuildDrafts(Node n)
    {
        foreach (var c in n.Children) BuildDrafts(c);
        if (n.Added is not null)
        {
            if (!string.IsNullOrWhiteSpace(n.Added.Text)) n.Drafts.Add(new DraftAuthor(n.Added.Text) { Origin = TextOrigin.Of(n.Added.Location, "text") });
            if (n.Extra is not null) n.Drafts.AddRange(n.Extra());
            n.Drafts.AddRange(AuthorTableDrafts(n, n.Added.Tables));
            return;
        }
        var t = n.T!;
        var content = t.Content;
        // 3.2 Audience: the regular-font sentences stay; the author's audience replaces only the template's example
        // list of user groups ("modify and add other user groups if needed").
        bool replaceExampleList = t.Key == "intro_audience" && !string.IsNullOrWhiteSpace(_s.Introduction.Audience);
        var omitted = new bool[content.Count];
        var tables = new Dictionary<int, List<TableDraft>>();
        bool moduleList = ModuleListSections.Contains(t.Key);
        List<TableDraft>? moduleTables = null;

        for (int i = 0; i < content.Count; i++)
        {
            var b = content[i];
            if (replaceExampleList && b.List is not null) { omitted[i] = true; continue; }
            if (b.Condition is not null && !ConditionHolds(n, b.Condition)) { omitted[i] = true; continue; }
            if (b.Table is not { } tref) continue;
            var tt = t.Tables.FirstOrDefault(x => x.Ref == tref);
            List<TableDraft> drafts;
            if (tt is null) drafts = new();
            else if (moduleList)
            {
                if (moduleTables is null) { moduleTables = ModuleListTables(n, tt); drafts = moduleTables; }
                else drafts = new();
            }
            else drafts = BuildTables(n, tt);
            foreach (var d in drafts) { d.Owner = n; _tablesByUid[d.Uid] = d; }
            tables[i] = drafts;
            n.TableByRef[tref] = drafts.FirstOrDefault();
        }
        if (moduleList && moduleTables is { Count: > 0 } && t.Tables.Count > 0)
        {
            n.TableByRef[t.Tables[0].Ref] = moduleTables[0];
            n.TableByRef[t.Tables[^1].Ref] = moduleTables[^1];
        }

        // An empty table whose template text is more than a one-sentence introduction (a description of its columns
        // and values: several paragraphs or a list) stays, header only, so that this required text stays with what
        // it describes (the section may still be N/A as a whole). Otherwise an empty table is left out with the
        // boilerplate that only introduces it; so are the tables the template allows to remove (`optional`), tables
        // whose condition does not hold, per-module / per-code-set tables, and tables whose header is itself an
        // example to complete (Table 5-9: one column per Transfer Syntax, ending in "…").
        for (int k = 0; k < content.Count; k++)
        {
            if (content[k].Table is not { } tref || (tables.TryGetValue(k, out var d) && d.Count > 0)) continue;
            if (n.TableByRef.GetValueOrDefault(tref) is not null) continue;
            var tt = t.Tables.FirstOrDefault(x => x.Ref == tref);
            if (tt is not null && !tt.Optional && tt.Repeat is null && !moduleList && (tt.Condition is null || ConditionHolds(n, tt.Condition))
                && !tt.Columns.Any(c => c.Title.Trim() == "…")
                && DescribingBlocks(content, omitted, k) >= 2)
            {
                var empty = EmptyTable(n, tt);
                empty.Owner = n;
                _tablesByUid[empty.Uid] = empty;
                tables[k] = new() { empty };
                n.TableByRef[tref] = empty;
                continue;
            }
            omitted[k] = true;
            for (int j = k - 1; j >= 0; j--)
            {
                if (content[j].Table is not null) break;
                if (content[j].Paragraph is not { } p || !p.Contains("{table:" + tref + "}", StringComparison.Ordinal)) continue;
                var refs = TableToken.Matches(p).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                if (refs.Count == 1)
                    for (int x = j; x < k; x++) omitted[x] = true;
                break;
            }
        }

        // Figures are shown only when the statement gives their image; a paragraph that only announces the
        // figures right below it ("... depicted in the diagrams below.") goes with them.
        var figureShown = new bool[content.Count];
        for (int i = 0; i < content.Count; i++)
            figureShown[i] = content[i].Figure is { } fr && FigureSource(n, fr) is not null;
        for (int i = 0; i < content.Count; i++)
        {
            if (omitted[i] || content[i].Paragraph is not { } para || para.Contains('{')) continue;
            int j = i + 1;
            while (j < content.Count && content[j].Figure is not null && !figureShown[j]) j++;
            bool onlyHiddenFigures = j > i + 1 && (j == content.Count || content[j].Figure is null && content[j].Paragraph is null && content[j].List is null || content[j].Paragraph is not null);
            if (onlyHiddenFigures && Regex.IsMatch(para, @"\b(below|following)\b")) omitted[i] = true;
        }

        // A figure that opens its section (Figure 1-1) illustrates the narrative of the model that follows it in the
        // template's instructions (the product description): it is placed after that narrative.
        var figuresAfterNarrative = new List<Draft>();
        for (int i = 0; i < content.Count; i++)
        {
            if (omitted[i]) continue;
            var b = content[i];
            if (b.Paragraph is { } p) n.Drafts.Add(new DraftText(p, b.Note));
            else if (b.List is { } l) n.Drafts.Add(new DraftList(l, b.Levels));
            else if (b.Table is not null && tables.TryGetValue(i, out var ds)) foreach (var d in ds) n.Drafts.Add(new DraftTable(d));
            else if (b.Figure is { } f && FigureSource(n, f) is { } src)
            {
                var figure = new DraftFigure(NextUid() + ":" + f, b.Title ?? "", src.Path, src.Generated ? f : null);
                (i == 0 && src.Generated ? figuresAfterNarrative : n.Drafts).Add(figure);
            }
        }

        n.Drafts.AddRange(ModelNarrative(n));
        n.Drafts.AddRange(figuresAfterNarrative);
        n.Drafts.AddRange(DetailDrafts(n));
        if (!string.IsNullOrWhiteSpace(n.Content.Text)) n.Drafts.Add(new DraftAuthor(n.Content.Text!) { Origin = TextOrigin.Of(n.Content.Location, "text") });
        n.Drafts.AddRange(AuthorTableDrafts(n, n.Content.AuthorTables));
    }

    /// <summary>
    /// The image of a template figure: the statement's own (<c>fill: {"Figure 4-1": "images/flow.png"}</c>), else
    /// the figure dcsc draws from the model (Figures 1-1 and 4-1, Figures/StatementFigures.cs), else none (the
    /// figure is not shown).
    /// </summary>
    private (string Path, bool Generated)? FigureSource(Node n, string figureRef)
    {
        if (n.Content.Fill.TryGetValue("Figure " + figureRef, out var src) && !string.IsNullOrWhiteSpace(src)) return (src.Trim(), false);
        if (Dcsc.Figures.StatementFigures.Generated.Contains(figureRef)) return (_o.FigureFilePrefix + "figure-" + figureRef + ".svg", true);
        return null;
    }

    /// <summary>Block and table conditions of the template (free text), evaluated against the model.</summary>
    private static bool ConditionHolds(Node n, string condition)
    {
        if (condition.Contains("Functional Group Macros", StringComparison.Ordinal))
            return n.Ctx.Iod is { } iod && iod.FunctionalGroups.Count > 0;
        if (condition.Contains("mapping between Modality Worklist", StringComparison.Ordinal))
            return n.Ctx.Mapping is { } m && m.Rows.Count > 0;
        // Other conditions are facts the model does not hold: the statement opts in with
        // sections.<key>.fill: {"<condition text>": "yes"}.
        return n.Content.Fill.TryGetValue(condition, out var v) && YesNo.IsYesAnswer(v);
    }

    // ------------------------------------------------------------------ tables

    private List<TableDraft> BuildTables(Node n, TemplateTable t)
    {
        if (t.Condition is not null && !ConditionHolds(n, t.Condition)) return new();
        if (TemplateData.IsDerived(n.T!.Key, t.Key)) return DerivedTables(n, t);
        if (t.Key == "general_configuration_parameters") return ConfigurationTable(n, t);
        return SourceTables(n, t);
    }

    private List<TableDraft> SourceTables(Node n, TemplateTable t)
    {
        var rows = n.Content.Tables.GetValueOrDefault(t.Key) ?? Array.Empty<TableRow>();
        var specs = rows.Select(r => new RowSpec(
            t.Columns.ToDictionary(c => c.Key, c => r.Cells.TryGetValue(c.Key, out var v) ? JoinCell(v) : "", StringComparer.Ordinal),
            r.Group, r.Note, r.Part)).ToList();
        specs.AddRange(DeclaredQueryParameterRows(n, t, specs));
        if (specs.Count == 0) return new();
        if (t.Repeat == "code_set")
        {
            // One table per code set: the rows' `group` names the code set (else fill "Code Set Name").
            var result = new List<TableDraft>();
            foreach (var g in WithStickyGroups(specs).GroupBy(x => x.Group ?? "", StringComparer.Ordinal))
            {
                var name = g.Key.Length > 0 ? g.Key : n.Content.Fill.GetValueOrDefault("Code Set Name");
                var title = ResolveTableTitle(n, t.Title, null, placeholder: name);
                var table = MakeTable(t, title, g.Select(x => x with { Group = null }).ToList());
                if (table is not null) result.Add(table);
            }
            if (result.Count > 0) AddAuthorCells(result[0], t, rows);
            return result;
        }
        var one = MakeTable(t, ResolveTableTitle(n, t.Title, null), specs);
        if (one is not null) AddAuthorCells(one, t, rows);
        return one is null ? new() : new() { one };
    }

    /// <summary>The author's cells and notes of a template table's rows, for the check of hand-written references.</summary>
    private static void AddAuthorCells(TableDraft draft, TemplateTable t, IReadOnlyList<TableRow> rows)
    {
        foreach (var r in rows)
        {
            foreach (var c in t.Columns) AddAuthorCell(draft, r.Location, c.Key, r.Cells.GetValueOrDefault(c.Key));
            if (r.Note is { } note) AddAuthorCell(draft, r.Location, "note", new[] { note });
        }
    }

    /// <summary>Text blocks of the template between the previous table (or the start of the section) and table block <paramref name="k"/>.</summary>
    private static int DescribingBlocks(IReadOnlyList<TemplateBlock> content, bool[] omitted, int k)
    {
        int count = 0;
        for (int j = k - 1; j >= 0 && content[j].Table is null; j--)
            if (!omitted[j] && (content[j].Paragraph is not null || content[j].List is not null)) count++;
        return count;
    }

    /// <summary>A table with the template's header and no rows (nothing of its kind is supported).</summary>
    private TableDraft EmptyTable(Node n, TemplateTable t)
    {
        var (columns, groups) = Header(t);
        var draft = new TableDraft { Uid = NextUid(), T = t, Title = ResolveTableTitle(n, t.Title, null), Columns = columns, Groups = groups, Rows = new() };
        if (t.Parts.Count > 0) LayOutParts(t, draft, new List<RowSpec>());
        return draft;
    }

    internal static string JoinCell(IReadOnlyList<string> values) =>
        string.Join("; ", values.Select(YesNo.AsCell));

    /// <summary>Resolves the tokens of a table title; a missing placeholder value drops the placeholder (and its " - ").</summary>
    private string ResolveTableTitle(Node n, string title, string? module, string? placeholder = null)
    {
        var result = Regex.Replace(title, @"(\s*-\s*)?\{(?:placeholder|choice):([^}]*)\}", m =>
        {
            var key = m.Groups[2].Value;
            var value = placeholder ?? n.Content.Fill.GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                ReportPlaceholder(n, key);
                return "";
            }
            return m.Groups[1].Value + value;
        });
        result = Regex.Replace(result, @"\{(ae|activity|iod|template|finding_site|mapping|product|module)\}", m => m.Groups[1].Value switch
        {
            "product" => _s.Product.Name,
            "module" => module ?? GenericWords["module"],
            var w => InstanceName(w, n.Ctx) ?? GenericWords[w],
        });
        return result.Trim();
    }

    private void ReportPlaceholder(Node n, string key) =>
        Report(DiagnosticCatalogue.PlaceholderHasNoValue, n, $"section {n.Number} \"{n.Title}\" ({n.T?.Key}) has no value for the template placeholder \"{key}\"; add it as {n.ContentPath}.fill.\"{key}\"");

    /// <summary>
    /// Lays out rows: the rows before the first <c>group</c> first, then each group (first-appearance order) under a
    /// group row with its rows in source order; notes become numbered footnotes.
    /// </summary>
    /// <summary>Tags as PS3.5 §7.1 writes them, "(gggg,eeee)", whatever form the source used ("0010,0010", "00100010";
    /// lint notes it as DCS0604). A cell that is not a tag (a pattern, a note) is kept as written.</summary>
    private static string TagCell(string cell) =>
        string.Join("; ", cell.Split("; ").Select(p => Dcsc.Dictionary.DicomTag.TryParse(p, out var tag) ? tag.ToString() : p));

    private TableDraft? MakeTable(TemplateTable t, string title, List<RowSpec> rows)
    {
        if (rows.Count == 0) return null;
        var (columns, groups) = Header(t);
        var draft = new TableDraft { Uid = NextUid(), T = t, Title = title, Columns = columns, Groups = groups, Rows = new() };
        if (t.Parts.Count > 0) LayOutParts(t, draft, rows);
        else AddRows(t, draft, rows);
        return draft;
    }

    /// <summary>
    /// A configuration table of Section 6 / Annex C in the template's parts (Table 6-2 ff., C-8): the first part's
    /// title row is the table's header row (one cell across the table), its own header row the first body row; each
    /// further part ("Remote Configuration Parameters - …") opens with a full-width title row and its header row. A
    /// row's <c>part</c> says where it belongs (default: the first part, local); every part is shown, even without rows.
    /// </summary>
    private static void LayOutParts(TemplateTable t, TableDraft draft, List<RowSpec> rows)
    {
        int cols = t.Columns.Count;
        List<string> Padded(IEnumerable<string> cells) => cells.Concat(Enumerable.Repeat("", cols)).Take(cols).ToList();
        draft.HeaderRow = Padded(new[] { t.Parts[0].Title });
        draft.Groups = new[] { new HeaderGroup(t.Parts[0].Title, cols) };
        var known = t.Parts.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < t.Parts.Count; i++)
        {
            var part = t.Parts[i];
            if (i > 0) draft.Rows.Add(new DraftRow(Padded(new[] { part.Title }), true, IsPartTitle: true));
            draft.Rows.Add(new DraftRow(Padded(part.Header), false, IsHeader: true));
            AddRows(t, draft, rows.Where(r => (r.Part is { } p && known.Contains(p) ? p : t.Parts[0].Key) == part.Key).ToList());
        }
    }

    private static void AddRows(TemplateTable t, TableDraft draft, List<RowSpec> rows)
    {
        var columns = draft.Columns;
        rows = WithStickyGroups(rows);
        var ordered = rows.Where(r => string.IsNullOrEmpty(r.Group)).ToList();
        var groupNames = rows.Where(r => !string.IsNullOrEmpty(r.Group)).Select(r => r.Group!).Distinct(StringComparer.Ordinal).ToList();
        var draftRows = draft.Rows;
        void Add(RowSpec r)
        {
            var cells = t.Columns.Select(c => c.Key == "tag" ? TagCell(Clean(r.Cells.GetValueOrDefault(c.Key) ?? "")) : Clean(r.Cells.GetValueOrDefault(c.Key) ?? "")).ToList();
            if (!string.IsNullOrWhiteSpace(r.Note))
            {
                draft.Footnotes.Add(r.Note!);
                var last = cells.Count - 1;
                cells[last] = (cells[last].Length > 0 ? cells[last] + " " : "") + $"(Note {draft.Footnotes.Count})";
            }
            draftRows.Add(new DraftRow(cells, false));
        }
        foreach (var r in ordered) Add(r);
        foreach (var g in groupNames)
        {
            draftRows.Add(new DraftRow(new[] { Clean(g) }.Concat(Enumerable.Repeat("", columns.Count - 1)).ToList(), true));
            foreach (var r in rows.Where(r => r.Group == g)) Add(r);
        }
    }

    /// <summary>
    /// A row's <c>group</c> opens a subsection that the following rows without <c>group</c> belong to, as the PS3.2
    /// template's grouped tables read (Table 5-2: "Scheduled Procedure Step" then its "&gt;" items).
    /// </summary>
    internal static List<RowSpec> WithStickyGroups(IReadOnlyList<RowSpec> rows)
    {
        string? current = null;
        var result = new List<RowSpec>(rows.Count);
        foreach (var r in rows)
        {
            if (!string.IsNullOrEmpty(r.Group)) current = r.Group;
            result.Add(r with { Group = current });
        }
        return result;
    }

    private static string Clean(string cell) => Regex.Replace(cell, @"\s*\r?\n\s*", " ").Trim();

    /// <summary>Leaf column titles and the grouped header row (the row directly above the leaves) from the template's header rows.</summary>
    internal static (IReadOnlyList<string> Columns, IReadOnlyList<HeaderGroup>? Groups) Header(TemplateTable t)
    {
        int cols = t.Columns.Count, rowsN = t.HeaderRows.Count;
        if (rowsN == 0) return (t.Columns.Select(c => c.Title).ToList(), null);
        var grid = new TemplateHeaderCell?[rowsN, cols];
        for (int r = 0; r < rowsN; r++)
        {
            int c = 0;
            foreach (var cell in t.HeaderRows[r])
            {
                while (c < cols && grid[r, c] is not null) c++;
                for (int dr = 0; dr < Math.Max(1, cell.Rowspan) && r + dr < rowsN; dr++)
                    for (int dc = 0; dc < Math.Max(1, cell.Colspan) && c + dc < cols; dc++)
                        grid[r + dr, c + dc] = cell;
                c += Math.Max(1, cell.Colspan);
            }
        }
        int last = rowsN - 1;
        // Leaf titles: the template's cell in the last header row, or the column's own title where a cell spans columns
        // ("SOP Classes" over "SOP Class Name" and "SOP Class UID", Tables 1-1, 1-3 … 1-7, 1-14, 5-14): the template
        // draws no leaf titles there, but a reader of the Markdown header (one row) needs them.
        var leaves = new List<string>();
        for (int c = 0; c < cols; c++)
            leaves.Add(grid[last, c] is { Colspan: 1 } leaf ? leaf.Text : t.Columns[c].Title);
        if (rowsN == 1)
        {
            // One header row with spanning cells: that row is the grouped header row above the leaf titles.
            if (!t.HeaderRows[0].Any(c => c.Colspan > 1)) return (leaves, null);
            var row = new List<HeaderGroup>();
            for (int c = 0; c < cols; c++)
            {
                var cell = grid[0, c];
                if (c > 0 && cell is not null && ReferenceEquals(cell, grid[0, c - 1])) row[^1] = row[^1] with { Span = row[^1].Span + 1 };
                else row.Add(new HeaderGroup(cell?.Text ?? leaves[c], 1));
            }
            return (leaves, row);
        }
        var groups = new List<HeaderGroup>();
        bool any = false;
        TemplateHeaderCell? prev = null;
        for (int c = 0; c < cols; c++)
        {
            var g = grid[last - 1, c];
            bool self = g is not null && ReferenceEquals(g, grid[last, c]) && g.Colspan == 1;
            if (!self && g is not null && ReferenceEquals(g, prev))
            {
                groups[^1] = groups[^1] with { Span = groups[^1].Span + 1 };
                continue;
            }
            if (self) groups.Add(new HeaderGroup(leaves[c], 1));
            else { groups.Add(new HeaderGroup(g?.Text ?? "", 1)); any = true; }
            prev = self ? null : g;
        }
        return (leaves, any ? groups : null);
    }

    /// <summary>A.1.1–A.1.3: one table per shared module of the statement, with the columns of the template's first table.</summary>
    private List<TableDraft> ModuleListTables(Node n, TemplateTable prototype)
    {
        var modules = n.T!.Key switch
        {
            "annex_a_common_modules" => _s.SharedModules.Modules,
            "annex_a_common_fg_macros" => _s.SharedModules.FunctionalGroups,
            _ => _s.SharedModules.PrivateModules,
        };
        var result = new List<TableDraft>();
        foreach (var m in modules)
        {
            var table = MakeTable(prototype, ModuleTitle(m), AttributeRows(m));
            if (table is null) continue;
            table.ModuleKey = "shared|" + m.Name;
            result.Add(table);
        }
        return result;
    }

    private static string ModuleTitle(Module m) =>
        m.PrivateCreator is { Length: > 0 } pc ? $"{m.Name} (Private Creator \"{pc}\")" : m.Name;
}
