namespace Dcsc.Source;

/// <summary>
/// The limits of the loader (docs/limits.md). They protect CI from hostile input, and they bound memory: the largest
/// statement they accept builds to Markdown, HTML and DOCX within a 300 MB heap (a test measures it in a child
/// process). Every stage after the loader holds the statement in some form, and the DOCX renderer's object model
/// takes some 50 bytes per character of text, so it is the text and the number of values that are limited.
/// </summary>
public sealed record LoaderLimits
{
    /// <summary>Largest file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists, counted through includes and aliases.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most bytes the statement file and all its included files may have together.</summary>
    public long MaxTotalBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most values (keys, values, mappings and lists) a statement may hold after aliases are expanded (counts each alias use in full).</summary>
    public long MaxExpandedNodes { get; init; } = 250_000;

    /// <summary>Most characters of keys and values after aliases are expanded (counts each alias use in full).</summary>
    public long MaxExpandedChars { get; init; } = 2 * 1024 * 1024;

    /// <summary>Most files one statement may include, directly or indirectly.</summary>
    public int MaxIncludedFiles { get; init; } = 500;

    public static LoaderLimits Default { get; } = new();
}
