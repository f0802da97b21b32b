namespace Dcsc.Diagnostics;

/// <summary>A place in a source file: 1-based line and column, end inclusive of the last character's column + 1.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan None(string file) => new(file, 0, 0, 0, 0);
    public bool HasPosition => Line > 0;
    public override string ToString() => HasPosition ? $"{File}({Line},{Column})" : File;
}
