namespace Dcsc.Import;

/// <summary>
/// Bounds that keep an import of hostile or broken input short and small (docs/limits.md, "dcsc import").
/// A document past a bound is refused with DCS9101, never half-imported.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Largest input file read (bytes). A 500-page statement as .docx or .pdf is a few MB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total of uncompressed parts read from a .docx zip (bytes): a zip bomb stops here.</summary>
    public long MaxUnpackedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most pages read from a PDF, and most form feeds honoured in a pdftotext file.</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>Most blocks (headings, paragraphs, tables) of one document.</summary>
    public int MaxBlocks { get; init; } = 200_000;

    /// <summary>Most cells of one table (rows × columns).</summary>
    public int MaxTableCells { get; init; } = 200_000;

    /// <summary>Most images extracted.</summary>
    public int MaxImages { get; init; } = 500;

    /// <summary>Deepest element nesting followed in HTML and DOCX.</summary>
    public int MaxDepth { get; init; } = 64;

    public static ImportLimits Default { get; } = new();
}

/// <summary>An input that cannot be imported; the message says why (reported as DCS9101, exit code 1).</summary>
public sealed class ImportException(string message) : Exception(message);
