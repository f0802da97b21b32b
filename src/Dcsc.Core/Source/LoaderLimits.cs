namespace Dcsc.Source;

/// <summary>The limits of the loader (docs/limits.md). They protect CI from hostile input.</summary>
public sealed record LoaderLimits
{
    /// <summary>Largest file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists, counted through includes and aliases.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most bytes the statement file and all its included files may have together.</summary>
    public long MaxTotalBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Most nodes a document may hold after aliases are expanded (counts each alias use in full).</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;

    /// <summary>Most characters of keys and values after aliases are expanded (counts each alias use in full).</summary>
    public long MaxExpandedChars { get; init; } = 32 * 1024 * 1024;

    /// <summary>Most files one statement may include, directly or indirectly.</summary>
    public int MaxIncludedFiles { get; init; } = 500;

    public static LoaderLimits Default { get; } = new();
}
