using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dcsc.Render;

/// <summary>Metadata of the cover block (<c>&lt;!-- dcsc:cover {...} --&gt;</c>).</summary>
public sealed record CoverInfo(string? Product, string? Version, string? Date, string? Manufacturer, string? DocumentId = null)
{
    /// <summary>"Acme CT 5.2" (product and version, whichever are present).</summary>
    public string ProductAndVersion => string.Join(" ", new[] { Product, Version }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>One group cell of the grouped header row of a table.</summary>
public sealed record TableGroup(string Text, int Span);

/// <summary>Metadata of a table block (<c>&lt;!-- dcsc:table {...} --&gt;</c>).</summary>
public sealed record TableInfo(string? Id, IReadOnlyList<TableGroup> Groups, IReadOnlySet<int> GroupRows, bool Landscape)
{
    /// <summary>0-based indices of body rows drawn as header rows (a configuration table part's own header row).</summary>
    public IReadOnlySet<int> HeaderRows { get; init; } = new HashSet<int>();

    /// <summary>The key of an author table (<c>"key"</c>; LaidOutTable.AuthorKey), kept as metadata by every output.</summary>
    public string? Key { get; init; }
}

/// <summary>A top-level unit of a dcsc document: a plain Markdown block or one of the marker blocks.</summary>
public abstract record DcscNode;

/// <summary>An ordinary top-level Markdown block.</summary>
public sealed record DcscBlock(Block Block) : DcscNode;

/// <summary>The cover block: its metadata and its Markdown paragraphs.</summary>
public sealed record DcscCover(CoverInfo Info, IReadOnlyList<Block> Blocks) : DcscNode;

/// <summary>
/// A figure block (<c>&lt;!-- dcsc:figure {"id":…} --&gt;</c>): the paragraph with the image, the caption paragraph
/// ("Figure 4-1 …") and any other blocks (rendered as ordinary blocks).
/// </summary>
public sealed record DcscFigure(string? Id, ParagraphBlock? Image, ParagraphBlock? Caption, IReadOnlyList<Block> Other) : DcscNode
{
    /// <summary>The image of <see cref="Image"/>: the paragraph's only inline, an image link.</summary>
    public LinkInline? ImageLink => Image?.Inline?.FirstChild as LinkInline;
}

/// <summary>The table-of-contents block (a nested list of links).</summary>
public sealed record DcscToc(IReadOnlyList<Block> Blocks) : DcscNode;

/// <summary>
/// A table block: caption paragraph, the pipe table, blocks that precede the table other than the caption
/// (unexpected, rendered as ordinary blocks) and the footnote blocks after the table.
/// </summary>
public sealed record DcscTable(TableInfo Info, ParagraphBlock? Caption, Table? Table, IReadOnlyList<Block> Leading, IReadOnlyList<Block> Footnotes) : DcscNode
{
    /// <summary>Number of leaf columns of the table.</summary>
    public int ColumnCount => Table is null ? 0 : Math.Max(Table.ColumnDefinitions.Count,
        Table.OfType<TableRow>().Select(r => r.Count).DefaultIfEmpty(0).Max());
}

/// <summary>A cell of the laid-out table header (shared by the HTML and DOCX renderers).</summary>
/// <param name="Row">0 = group row (or the only header row), 1 = leaf row.</param>
/// <param name="Column">First leaf column covered.</param>
/// <param name="ColSpan">Number of leaf columns covered.</param>
/// <param name="RowSpan">1, or 2 for a cell that spans the group and the leaf row.</param>
/// <param name="Text">Plain text (group cells) – null when <see cref="Cell"/> carries the content.</param>
/// <param name="Cell">The Markdig leaf header cell, if this is one.</param>
public sealed record HeaderCell(int Row, int Column, int ColSpan, int RowSpan, string? Text, TableCell? Cell);

/// <summary>A dcsc Markdown document parsed into its Markdig tree and its dcsc marker structure.</summary>
public sealed partial class DcscDocument
{
    // Generated at compile time: a RegexOptions.Compiled pattern is compiled to IL and by the JIT in every fresh process.
    [GeneratedRegex(@"^<!--[ \t]*dcsc:(?<close>/?)(?<name>[a-z][a-z0-9-]*)(?:[ \t]+(?<json>\{.*\}))?[ \t]*-->$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"^(?:(?<num>[0-9]+(?:\.[0-9]+)*)|(?<annex>[A-Z](?:\.[0-9]+)*))$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumberRegex();

    /// <summary>The Markdig pipeline used for dcsc documents (CommonMark + pipe tables + strikethrough).</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UsePreciseSourceLocation()
        .Build();

    private readonly Dictionary<HeadingBlock, string?> _headingIds = new();

    private DcscDocument(MarkdownDocument ast, IReadOnlyList<DcscNode> nodes, CoverInfo? cover)
    {
        Ast = ast;
        Nodes = nodes;
        Cover = cover;
    }

    public MarkdownDocument Ast { get; }

    public IReadOnlyList<DcscNode> Nodes { get; }

    public CoverInfo? Cover { get; }

    /// <summary>All headings of the document, in order.</summary>
    public IEnumerable<HeadingBlock> Headings => Ast.Descendants<HeadingBlock>();

    /// <summary>Anchor id of a heading (<c>sect-5.2.3</c>, <c>sect-A.1</c>, <c>sect-annexes</c>) or null.</summary>
    public string? HeadingId(HeadingBlock heading) => _headingIds.TryGetValue(heading, out var id) ? id : null;

    /// <summary>
    /// Deepest nesting of blocks and inlines (lists, quotes, tables, emphasis, links inside one another) that a
    /// document may have; the renderers walk the tree recursively (docs/limits.md).
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// Parses dcsc Markdown. Throws <see cref="FormatException"/> for malformed or unbalanced markers and for
    /// Markdown nested deeper than <see cref="MaxNesting"/> levels.
    /// </summary>
    public static DcscDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = SanitizeText(markdown);
        CheckBracketWork(text);
        MarkdownDocument ast;
        try { ast = Markdown.Parse(text, Pipeline); }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
        {
            // Markdig's own guard against deep nesting.
            throw new FormatException($"The Markdown nests deeper than {MaxNesting} levels (lists, quotes, emphasis or links inside one another).", e);
        }
        CheckNesting(ast);

        var nodes = new List<DcscNode>();
        CoverInfo? cover = null;
        string? openName = null;
        string? openJson = null;
        int openLine = 0;
        var inner = new List<Block>();

        foreach (var block in ast)
        {
            var marker = block is HtmlBlock html ? ReadMarker(html) : null;
            if (marker is null)
            {
                if (openName is null) nodes.Add(new DcscBlock(block));
                else inner.Add(block);
                continue;
            }

            var (close, name, json) = marker.Value;
            if (!close)
            {
                if (openName is not null)
                    throw new FormatException($"dcsc marker '{name}' at line {block.Line + 1} opened inside '{openName}' (line {openLine + 1}).");
                if (name is not ("cover" or "toc" or "table" or "figure"))
                {
                    // Unknown marker: ignore it (forward compatibility), it is a comment.
                    continue;
                }
                openName = name;
                openJson = json;
                openLine = block.Line;
                inner = new List<Block>();
                continue;
            }

            if (openName != name)
            {
                if (openName is null && name is not ("cover" or "toc" or "table" or "figure")) continue;
                throw new FormatException($"dcsc marker '/{name}' at line {block.Line + 1} does not close an open '{openName ?? "(none)"}'.");
            }

            switch (name)
            {
                case "cover":
                    var info = ReadCover(openJson, openLine);
                    cover ??= info;
                    nodes.Add(new DcscCover(info, inner));
                    break;
                case "toc":
                    nodes.Add(new DcscToc(inner));
                    break;
                case "table":
                    nodes.Add(BuildTable(ReadTableInfo(openJson, openLine), inner));
                    break;
                case "figure":
                    nodes.Add(BuildFigure(ReadMarkerId(openJson, openLine, "figure"), inner));
                    break;
            }
            openName = null;
            openJson = null;
        }

        if (openName is not null)
            throw new FormatException($"dcsc marker '{openName}' opened at line {openLine + 1} is never closed.");

        var doc = new DcscDocument(ast, nodes, cover);
        doc.AssignHeadingIds();
        return doc;
    }

    /// <summary>
    /// Limit of <see cref="CheckBracketWork"/>: Markdig's link parser takes time proportional to the number of
    /// <c>[</c> in a paragraph times the paragraph's length (docs/limits.md).
    /// </summary>
    public const long MaxBracketWork = 100_000_000;

    /// <summary>
    /// Refuses text on which Markdig's link parsing would take quadratic time (thousands of <c>[</c> in one long
    /// paragraph, e.g. <c>[x](</c> repeated): the sum over paragraphs of brackets × length must stay under
    /// <see cref="MaxBracketWork"/>, which keeps parsing within about a second.
    /// </summary>
    private static bool StartsListItem(string text, int start)
    {
        int i = start;
        while (i < text.Length && text[i] == ' ') i++;
        if (i + 1 < text.Length && text[i] is '-' or '*' or '+' && text[i + 1] == ' ') return true;
        int digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && digits < 10) { i++; digits++; }
        return digits > 0 && i + 1 < text.Length && text[i] is '.' or ')' && text[i + 1] == ' ';
    }

    public static void CheckBracketWork(string text)
    {
        long work = 0, brackets = 0;
        int chunkStart = 0, chunkLine = 1, line = 1, lineStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '[') brackets++;
            if (i < text.Length && text[i] != '\n') continue;
            bool blank = text.AsSpan(lineStart, i - lineStart).IsWhiteSpace();
            // A list item is a block of its own (Markdig parses its inlines alone): the table of contents of a large
            // statement is thousands of one-link items, not one paragraph.
            if (blank || i == text.Length || StartsListItem(text, i + 1))
            {
                work += brackets * (i - chunkStart);
                if (work > MaxBracketWork)
                    throw new FormatException($"The Markdown paragraph at line {chunkLine} has too many `[` for its length to be parsed in reasonable time (split it, or escape the brackets as `\\[`).");
                brackets = 0;
                chunkStart = i + 1;
                chunkLine = line + 1;
            }
            line++;
            lineStart = i + 1;
        }
    }

    /// <summary>Throws <see cref="FormatException"/> when blocks and inlines nest deeper than <see cref="MaxNesting"/> (walked without recursion).</summary>
    private static void CheckNesting(MarkdownDocument ast)
    {
        var todo = new Stack<(MarkdownObject Node, int Depth)>();
        todo.Push((ast, 0));
        while (todo.Count > 0)
        {
            var (node, depth) = todo.Pop();
            if (depth > MaxNesting)
            {
                int line = node is Block b ? b.Line : node is Inline i ? i.Line : 0;
                throw new FormatException($"The Markdown at line {line + 1} nests deeper than {MaxNesting} levels (lists, quotes, emphasis or links inside one another).");
            }
            switch (node)
            {
                case ContainerBlock cb:
                    foreach (var child in cb) todo.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    todo.Push((inline, depth + 1));
                    break;
                case ContainerInline ci:
                    for (var child = ci.FirstChild; child is not null; child = child.NextSibling) todo.Push((child, depth + 1));
                    break;
            }
        }
    }

    /// <summary>
    /// Removes characters that are not allowed in XML 1.0 / HTML text and the invisible controls that make text read
    /// differently from what it is (bidirectional overrides, line separators); replaces lone surrogates with U+FFFD.
    /// The rule is <see cref="Dcsc.Source.UntrustedText"/>, shared with the logs and reports.
    /// </summary>
    public static string SanitizeText(string s) => Dcsc.Source.UntrustedText.ForDocument(s);

    /// <summary>The marker in an HTML block, if the block is exactly one dcsc marker line.</summary>
    public static (bool Close, string Name, string? Json)? ReadMarker(HtmlBlock html)
    {
        if (html.Parent is not MarkdownDocument) return null;
        if (html.Lines.Count != 1) return null;
        var line = html.Lines.Lines[0].Slice.ToString().Trim();
        var m = MarkerRegex().Match(line);
        if (!m.Success) return null;
        return (m.Groups["close"].Value == "/", m.Groups["name"].Value, m.Groups["json"].Success ? m.Groups["json"].Value : null);
    }

    /// <summary>Plain text of inline content (literal text, code, link text; line breaks as spaces).</summary>
    public static string PlainText(ContainerInline? inline)
    {
        if (inline is null) return string.Empty;
        var sb = new StringBuilder();
        AppendPlain(sb, inline);
        return sb.ToString();
    }

    private static void AppendPlain(StringBuilder sb, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline lit: sb.Append(lit.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case HtmlInline h: sb.Append(h.Tag); break;
            case HtmlEntityInline e: sb.Append(SanitizeText(e.Transcoded.ToString())); break;
            case AutolinkInline a: sb.Append(a.Url); break;
            case ContainerInline c:
                foreach (var child in c) AppendPlain(sb, child);
                break;
        }
    }

    /// <summary>Plain text of a heading, whitespace-normalised.</summary>
    public static string HeadingText(HeadingBlock h) => NormalizeSpace(PlainText(h.Inline));

    public static string NormalizeSpace(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>
    /// Lays out the header of a table: either one row of leaf cells, or a group row above the leaf row.
    /// A group with span 1 whose text equals its leaf column text becomes one cell with row span 2.
    /// Columns not covered by any group also span both rows.
    /// </summary>
    public static IReadOnlyList<HeaderCell> LayoutHeader(DcscTable table, out int headerRowCount)
    {
        var cells = new List<HeaderCell>();
        int columns = table.ColumnCount;
        var headerRow = table.Table?.OfType<TableRow>().FirstOrDefault(r => r.IsHeader);
        TableCell? Leaf(int i) => headerRow is not null && i < headerRow.Count ? (TableCell)headerRow[i] : null;
        string LeafText(int i) => NormalizeSpace(CellText(Leaf(i)));

        var groups = table.Info.Groups;
        if (groups.Count == 0 && Enumerable.Range(0, columns).All(i => LeafText(i).Length == 0))
        {
            // A header row of empty cells only satisfies the pipe-table syntax: the template draws no header (3.4, 3.5).
            headerRowCount = 0;
            return cells;
        }
        if (groups.Count == 0)
        {
            headerRowCount = 1;
            for (int i = 0; i < columns; i++) cells.Add(new HeaderCell(0, i, 1, 1, null, Leaf(i)));
            return cells;
        }

        headerRowCount = 2;
        int col = 0;
        var leafSpansBoth = new bool[columns];
        foreach (var g in groups)
        {
            if (col >= columns) break;
            int span = Math.Clamp(g.Span, 1, columns - col);
            if (span == 1 && string.Equals(NormalizeSpace(g.Text), LeafText(col), StringComparison.Ordinal))
            {
                leafSpansBoth[col] = true;
            }
            else
            {
                cells.Add(new HeaderCell(0, col, span, 1, g.Text, null));
            }
            col += span;
        }
        for (int i = col; i < columns; i++) leafSpansBoth[i] = true;

        // Row 0 cells in column order: group cells and the leaf cells that span both rows.
        for (int i = 0; i < columns; i++)
            if (leafSpansBoth[i]) cells.Add(new HeaderCell(0, i, 1, 2, null, Leaf(i)));
        for (int i = 0; i < columns; i++)
            if (!leafSpansBoth[i]) cells.Add(new HeaderCell(1, i, 1, 1, null, Leaf(i)));

        // A group whose leaf cells only repeat its text or are empty (the title row of a configuration table's first
        // part, "Local Configuration Parameters - …", written as the Markdown header row) spans both rows, its leaf cells
        // are not drawn; when no leaf cell is left, the header is one row.
        foreach (var g in cells.Where(c => c.Row == 0 && c.Cell is null && c.ColSpan > 1).ToList())
        {
            var under = cells.Where(c => c.Row == 1 && c.Column >= g.Column && c.Column < g.Column + g.ColSpan).ToList();
            if (!under.All(c => NormalizeSpace(CellText(c.Cell)) is var x && (x.Length == 0 || x == NormalizeSpace(g.Text ?? "")))) continue;
            foreach (var c in under) cells.Remove(c);
            cells[cells.IndexOf(g)] = g with { RowSpan = 2 };
        }
        if (!cells.Any(c => c.Row == 1))
        {
            headerRowCount = 1;
            return cells.Select(c => c with { RowSpan = 1 }).OrderBy(c => c.Column).ToList();
        }
        return cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
    }

    /// <summary>True if body row <paramref name="rowIndex"/> is drawn as a header row (<c>headerRows</c> of the marker).</summary>
    public static bool IsHeaderRow(DcscTable table, int rowIndex) => table.Info.HeaderRows.Contains(rowIndex);

    /// <summary>True if body row <paramref name="rowIndex"/> is a group row whose other cells are empty.</summary>
    public static bool IsMergedGroupRow(DcscTable table, TableRow row, int rowIndex)
    {
        if (!table.Info.GroupRows.Contains(rowIndex)) return false;
        for (int i = 1; i < row.Count; i++)
            if (!string.IsNullOrWhiteSpace(CellText((TableCell)row[i]))) return false;
        return true;
    }

    public static string CellText(TableCell? cell)
    {
        if (cell is null) return string.Empty;
        var sb = new StringBuilder();
        foreach (var b in cell)
            if (b is LeafBlock leaf && leaf.Inline is not null) sb.Append(PlainText(leaf.Inline));
        return sb.ToString();
    }

    /// <summary>True if a link target may be rendered as a link: http, https, mailto or a # fragment.</summary>
    public static bool IsSafeUrl(string? url, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = url.Trim();
        if (u.StartsWith('#'))
        {
            normalized = u;
            return u.Length > 1 && u.All(c => c > 0x20 && c != '"' && c != '<' && c != '>' && c != '\\');
        }
        if (u.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return false;
        int colon = u.IndexOf(':');
        if (colon <= 0) return false;
        var scheme = u[..colon].ToLowerInvariant();
        if (scheme is not ("http" or "https" or "mailto")) return false;
        if (scheme != "mailto" && !Uri.TryCreate(u, UriKind.Absolute, out _)) return false;
        normalized = u;
        return true;
    }

    private void AssignHeadingIds()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in Headings)
        {
            var id = DeriveHeadingId(h);
            if (id is not null && !used.Add(id)) id = null;
            _headingIds[h] = id;
        }
    }

    private static string? DeriveHeadingId(HeadingBlock h)
    {
        var text = HeadingText(h);
        if (h.Level == 1 && string.Equals(text, "Annexes", StringComparison.OrdinalIgnoreCase)) return "sect-annexes";
        var first = text.Split(' ', 2)[0];
        var m = SectionNumberRegex().Match(first);
        if (!m.Success) return null;
        int depth = first.Count(c => c == '.') + 1;
        // Numbered sections: level = depth; annexes: "A" is level 2, "A.1" level 3, ...
        int expected = m.Groups["annex"].Success ? depth + 1 : depth;
        if (expected != h.Level) return null;
        // A single letter heading must be followed by a title ("A Information Object Definitions").
        if (m.Groups["annex"].Success && !text.Contains(' ')) return null;
        return "sect-" + first;
    }

    private static CoverInfo ReadCover(string? json, int line)
    {
        if (json is null) return new CoverInfo(null, null, null, null);
        try
        {
            using var doc = JsonDocument.Parse(json);
            string? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? SanitizeText(v.GetString()!) : null;
            return new CoverInfo(Get("product"), Get("version"), Get("date"), Get("manufacturer"), Get("documentId"));
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid JSON in dcsc:cover marker at line {line + 1}: {e.Message}", e);
        }
    }

    /// <summary>The figure: first a paragraph that is one image, then the caption paragraph; anything else stays as it is.</summary>
    private static DcscFigure BuildFigure(string? id, List<Block> inner)
    {
        ParagraphBlock? image = null, caption = null;
        var other = new List<Block>();
        foreach (var b in inner)
        {
            if (image is null && caption is null && b is ParagraphBlock p && p.Inline?.FirstChild is LinkInline { IsImage: true } && p.Inline.FirstChild.NextSibling is null)
                image = p;
            else if (caption is null && b is ParagraphBlock c && other.Count == 0) caption = c;
            else other.Add(b);
        }
        return new DcscFigure(id, image, caption, other);
    }

    /// <summary>The "id" of a marker's JSON (figure), checked as table ids are.</summary>
    private static string? ReadMarkerId(string? json, int line, string marker)
    {
        if (json is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var id = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
            if (id is not null && !Regex.IsMatch(id, @"^[A-Za-z][A-Za-z0-9._-]*$"))
                throw new FormatException($"Invalid {marker} id '{id}' in dcsc:{marker} marker at line {line + 1}.");
            return id;
        }
        catch (JsonException e)
        {
            throw new FormatException($"Malformed JSON in dcsc:{marker} marker at line {line + 1}: {e.Message}", e);
        }
    }

    /// <summary>An author table key (schema: author_table.key).</summary>
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex AuthorKeyPattern();

    private static TableInfo ReadTableInfo(string? json, int line)
    {
        if (json is null) return new TableInfo(null, Array.Empty<TableGroup>(), new HashSet<int>(), false);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string? id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
            if (id is not null && !Regex.IsMatch(id, @"^[A-Za-z][A-Za-z0-9._-]*$"))
                throw new FormatException($"Invalid table id '{id}' in dcsc:table marker at line {line + 1}.");
            var groups = new List<TableGroup>();
            if (root.TryGetProperty("groups", out var gEl) && gEl.ValueKind == JsonValueKind.Array)
            {
                foreach (var g in gEl.EnumerateArray())
                {
                    var t = g.TryGetProperty("text", out var tEl) && tEl.ValueKind == JsonValueKind.String ? SanitizeText(tEl.GetString()!) : "";
                    var span = g.TryGetProperty("span", out var sEl) && sEl.ValueKind == JsonValueKind.Number && sEl.TryGetInt32(out var s) ? s : 1;
                    groups.Add(new TableGroup(t, Math.Max(1, span)));
                }
            }
            var groupRows = new HashSet<int>();
            if (root.TryGetProperty("groupRows", out var rEl) && rEl.ValueKind == JsonValueKind.Array)
                foreach (var r in rEl.EnumerateArray())
                    if (r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var ri) && ri >= 0) groupRows.Add(ri);
            var headerRows = new HashSet<int>();
            if (root.TryGetProperty("headerRows", out var hEl) && hEl.ValueKind == JsonValueKind.Array)
                foreach (var r in hEl.EnumerateArray())
                    if (r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var hi) && hi >= 0) headerRows.Add(hi);
            bool landscape = root.TryGetProperty("landscape", out var lEl) && lEl.ValueKind == JsonValueKind.True;
            string? key = root.TryGetProperty("key", out var kEl) && kEl.ValueKind == JsonValueKind.String ? kEl.GetString() : null;
            if (key is not null && !AuthorKeyPattern().IsMatch(key))
                throw new FormatException($"Invalid table key '{key}' in dcsc:table marker at line {line + 1}.");
            return new TableInfo(id, groups, groupRows, landscape) { HeaderRows = headerRows, Key = key };
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid JSON in dcsc:table marker at line {line + 1}: {e.Message}", e);
        }
    }

    private static DcscTable BuildTable(TableInfo info, List<Block> inner)
    {
        ParagraphBlock? caption = null;
        Table? table = null;
        var leading = new List<Block>();
        var footnotes = new List<Block>();
        foreach (var b in inner)
        {
            if (table is null)
            {
                if (b is Table t) table = t;
                else if (caption is null && leading.Count == 0 && b is ParagraphBlock p) caption = p;
                else leading.Add(b);
            }
            else
            {
                footnotes.Add(b);
            }
        }
        return new DcscTable(info, caption, table, leading, footnotes);
    }

    /// <summary>Parses an ISO date (yyyy-MM-dd) of the cover; null if absent or invalid.</summary>
    public static DateTime? ParseCoverDate(string? date)
    {
        if (date is null) return null;
        return DateTime.TryParseExact(date.Trim(), new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM" }, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }
}
