using Dcsc.Diagnostics;

namespace Dcsc.Layout;

/// <summary>Options of the Layout stage.</summary>
public sealed record LayoutOptions
{
    /// <summary>Keep N/A subsections of an N/A section (<c>--na keep</c>); by default they are dropped (<c>--na collapse</c>).</summary>
    public bool KeepNaSubsections { get; init; }

    /// <summary>
    /// The value of SOURCE_DATE_EPOCH used for the document date when the source gives none.
    /// <c>null</c> reads the environment variable; set <see cref="ReadEnvironment"/> to false to ignore it.
    /// </summary>
    public string? SourceDateEpoch { get; init; }

    public bool ReadEnvironment { get; init; } = true;

    /// <summary>
    /// Start of the file names of generated figures (<c>&lt;prefix&gt;figure-4-1.svg</c>); the build sets it to the
    /// statement's name and a dot, so that the figures sit next to <c>&lt;name&gt;.md</c> without clashing.
    /// </summary>
    public string FigureFilePrefix { get; init; } = "";
}

/// <summary>The laid-out Conformance Statement: cover, numbered sections with resolved blocks, diagnostics.</summary>
public sealed class LaidOutDocument
{
    public LaidOutDocument(CoverPage cover, IReadOnlyList<LaidOutSection> sections, IReadOnlyList<Diagnostic> diagnostics)
    {
        Cover = cover;
        Sections = sections;
        Diagnostics = diagnostics;
    }

    public CoverPage Cover { get; }

    /// <summary>Top-level sections in document order (1 … 8, then the unnumbered Annexes heading with A … D).</summary>
    public IReadOnlyList<LaidOutSection> Sections { get; }

    /// <summary>Warnings found while laying out (e.g. DCS0501 missing placeholder values).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Every section, depth first, in document order.</summary>
    public IEnumerable<LaidOutSection> AllSections() => Flatten(Sections);

    /// <summary>Every table in document order.</summary>
    public IEnumerable<LaidOutTable> AllTables() =>
        AllSections().SelectMany(s => s.Blocks).OfType<TableBlock>().Select(b => b.Table);

    public LaidOutSection? FindByNumber(string number) => AllSections().FirstOrDefault(s => s.Number == number);

    private static IEnumerable<LaidOutSection> Flatten(IEnumerable<LaidOutSection> sections)
    {
        foreach (var s in sections)
        {
            yield return s;
            foreach (var c in Flatten(s.Children)) yield return c;
        }
    }
}

/// <summary>Cover page facts (unnumbered).</summary>
public sealed record CoverPage(string Product, string Version, string? Manufacturer, string? Date, string? DocumentId,
    IReadOnlyList<string> CoveredProducts);

/// <summary>A numbered section of the statement.</summary>
public sealed class LaidOutSection
{
    public required string Key { get; init; }
    /// <summary>Section number (<c>5.2.3</c>, <c>A.2</c>); empty for the unnumbered Annexes heading.</summary>
    public required string Number { get; init; }
    /// <summary>Title as printed, including " - N/A" when not applicable.</summary>
    public required string Title { get; init; }
    /// <summary>Heading level (1 … 6+): depth of the number; annex letters are level 2.</summary>
    public required int Level { get; init; }
    /// <summary>Anchor id: <c>sect-&lt;number&gt;</c>, <c>sect-annexes</c>.</summary>
    public required string Anchor { get; init; }
    public required bool IsNa { get; init; }
    /// <summary>True for a section the statement added (<c>sections.&lt;key&gt;.added</c>).</summary>
    public bool IsAdded { get; init; }
    public required IReadOnlyList<LayoutBlock> Blocks { get; init; }
    public required IReadOnlyList<LaidOutSection> Children { get; init; }

    public override string ToString() => $"{Number} {Title}";
}

/// <summary>A run of text, or a cross-reference link when <see cref="Href"/> is set (<c>#table-5-3</c>, <c>#sect-5.2</c>).</summary>
public sealed record Inline(string Text, string? Href = null);

public abstract record LayoutBlock;

/// <summary>Boilerplate or generated paragraph (plain text with links; the renderer escapes it).</summary>
public sealed record ParagraphBlock(IReadOnlyList<Inline> Inlines, bool IsNote = false) : LayoutBlock;

/// <summary>Bulleted list of plain-text items.</summary>
public sealed record ListBlock(IReadOnlyList<IReadOnlyList<Inline>> Items) : LayoutBlock
{
    /// <summary>Nesting level of each item (0 = top level; e.g. S/SE/SP/P under "Create" in Section 1.1); empty = all 0.</summary>
    public IReadOnlyList<int> Levels { get; init; } = Array.Empty<int>();

    /// <summary>The Markdown indentation of each item (two spaces per level), for the list template.</summary>
    public IReadOnlyList<string> Indents => Items.Select((_, i) => new string(' ', 2 * (i < Levels.Count ? Levels[i] : 0))).ToList();
}

public sealed record TableBlock(LaidOutTable Table) : LayoutBlock;

/// <summary>
/// A figure with its caption number: the image the statement gives for a template figure, or one dcsc draws
/// (<see cref="GeneratedRef"/> is then its template reference, "1-1" or "4-1", and <see cref="Source"/> the file name).
/// </summary>
public sealed record FigureBlock(string Id, string Number, string Title, string Source) : LayoutBlock
{
    public string? GeneratedRef { get; init; }
}

/// <summary>
/// Author Markdown from the statement (narrative); the renderer sanitizes it (raw HTML escaped, headings demoted).
/// <see cref="Label"/> (plain text) is printed in bold before it, e.g. a transaction or fact name.
/// </summary>
public sealed record AuthorBlock(string Markdown, string? Label = null) : LayoutBlock;

/// <summary>
/// A run-in heading of the template ("Extended Negotiation", "Role Negotiation", "Transfer Syntax Selection Policies"):
/// an unnumbered heading line inside its section, followed by its content; it has no N/A of its own.
/// </summary>
public sealed record RunInHeadingBlock(string Title) : LayoutBlock;

/// <summary>The body of an N/A section.</summary>
public sealed record NaBlock : LayoutBlock;

/// <summary>The generated table of contents (Section 2).</summary>
public sealed record TocBlock(IReadOnlyList<TocEntry> Entries) : LayoutBlock;

public sealed record TocEntry(int Depth, string Number, string Title, string Anchor);

/// <summary>A laid-out table: caption number, leaf columns, optional grouped header, rows, footnotes.</summary>
public sealed class LaidOutTable
{
    /// <summary>Anchor id: <c>table-5-12</c> (unnumbered tables: <c>table-3.4-a</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Caption number <c>5-12</c>; null for the template's unnumbered tables.</summary>
    public string? Number { get; init; }
    public required string Title { get; init; }
    /// <summary>
    /// Caption line: <c>Table 5-12 Title</c>; null for the template's unnumbered tables (3.1, 3.4, 3.5), which the
    /// template draws without a caption.
    /// </summary>
    public string? Caption => Number is null ? null : $"Table {Number} {Title}";
    /// <summary>The template table this was made from (<c>5-12</c>), and its key.</summary>
    public required string TemplateRef { get; init; }
    public required string Key { get; init; }
    /// <summary>
    /// The <c>key</c> of an author table (docs/source-format.md "Author tables"): not printed, carried in each output's
    /// table metadata (Markdown marker, HTML <c>data-key</c>, DOCX bookmark) so that <c>dcsc import</c> gets it back.
    /// </summary>
    public string? AuthorKey { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    /// <summary>
    /// What the table's one Markdown header row shows: the leaf <see cref="Columns"/>; empty cells where the template
    /// draws no header row (3.4, 3.5, 5-10); the first part's title row for a configuration table in parts (its leaf
    /// header is then the first body row, <see cref="TableRowOut.IsHeader"/>).
    /// </summary>
    public IReadOnlyList<string> HeaderRow { get => _headerRow ?? Columns; init => _headerRow = value; }
    private IReadOnlyList<string>? _headerRow;
    /// <summary>Grouped header row above the leaf header, or null when there is none.</summary>
    public IReadOnlyList<HeaderGroup>? Groups { get; init; }
    public required IReadOnlyList<TableRowOut> Rows { get; init; }
    public required IReadOnlyList<IReadOnlyList<Inline>> Footnotes { get; init; }
    /// <summary>More than 8 columns: DOCX puts it in a landscape section.</summary>
    public bool Landscape => Columns.Count > 8;

    public override string ToString() => Caption ?? Title;
}

public sealed record HeaderGroup(string Text, int Span);

/// <summary>
/// A body row; a group row (table subsection, or the title row of a configuration table's part) has text in the first
/// cell only; a header row (<see cref="IsHeader"/>) repeats column titles inside the body (a part's own header row).
/// </summary>
public sealed record TableRowOut(IReadOnlyList<IReadOnlyList<Inline>> Cells, bool IsGroup)
{
    public bool IsHeader { get; init; }
}
