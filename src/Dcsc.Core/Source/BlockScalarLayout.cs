using Dcsc.Diagnostics;

namespace Dcsc.Source;

/// <summary>
/// Where each line of a block scalar (<c>|</c> literal or <c>&gt;</c> folded, YAML 1.2 §8.1) sits in its file, so that
/// a finding inside the text can point at its exact line and column. The scalar's value drops the block's
/// indentation and, when folded, joins lines with spaces; each <see cref="Line"/> maps a run of the value back.
/// </summary>
public sealed class BlockScalarLayout
{
    /// <summary>A run of the value (<see cref="Start"/>, <see cref="Length"/>) that is the content of source line
    /// <see cref="SourceLine"/> starting at 1-based <see cref="SourceColumn"/>.</summary>
    public readonly record struct Line(int Start, int Length, int SourceLine, int SourceColumn);

    private readonly string _file;

    public BlockScalarLayout(string file, IReadOnlyList<Line> lines)
    {
        _file = file;
        Lines = lines;
    }

    public IReadOnlyList<Line> Lines { get; }

    /// <summary>The one-character span of <paramref name="index"/> of the value, or null when the index falls
    /// between lines (a folded line break) or outside the mapped text.</summary>
    public SourceSpan? PositionOf(int index)
    {
        foreach (var l in Lines)
        {
            if (index < l.Start) return null;
            if (index < l.Start + l.Length)
            {
                int column = l.SourceColumn + (index - l.Start);
                return new SourceSpan(_file, l.SourceLine, column, l.SourceLine, column + 1);
            }
        }
        return null;
    }

    /// <summary>
    /// Maps the value of a block scalar whose indicator is at character <paramref name="indicatorIndex"/> of
    /// <paramref name="text"/>, on line <paramref name="indicatorLine"/> (1-based), and whose content ends on
    /// <paramref name="endLine"/> at the latest, to the lines of <paramref name="text"/>. Each content
    /// line is looked up in the value in order, so folding (which only changes the breaks between lines) keeps the
    /// mapping exact. Returns null when the text does not match the value (it then stays approximate).
    /// </summary>
    public static BlockScalarLayout? Build(string file, string text, string value, int indicatorIndex, int indicatorLine, int endLine)
    {
        var lines = new List<Line>();
        if (indicatorIndex < 0 || indicatorIndex >= text.Length) return null;
        int first = text.IndexOf('\n', indicatorIndex); // the content starts on the line after the indicator
        if (first < 0) return null;
        int lineStart = first + 1, lineNo = indicatorLine + 1;
        int indent = -1, cursor = 0;
        while (lineNo <= endLine && lineStart <= text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            int end = nl < 0 ? text.Length : nl;
            if (end > lineStart && text[end - 1] == '\r') end--;
            int spaces = 0;
            while (lineStart + spaces < end && text[lineStart + spaces] == ' ') spaces++;
            bool blank = lineStart + spaces == end;
            if (!blank)
            {
                if (indent < 0) indent = spaces;
                if (spaces < indent) break; // the block has ended
                var content = text.AsSpan(lineStart + indent, end - lineStart - indent);
                int found = value.AsSpan(cursor).IndexOf(content, StringComparison.Ordinal);
                if (found < 0) return lines.Count > 0 ? new BlockScalarLayout(file, lines) : null;
                lines.Add(new Line(cursor + found, content.Length, lineNo, indent + 1));
                cursor += found + content.Length;
            }
            if (nl < 0) break;
            lineStart = nl + 1;
            lineNo++;
        }
        return lines.Count > 0 ? new BlockScalarLayout(file, lines) : null;
    }
}

/// <summary>Where character <c>index</c> of a scalar's text is in its file.</summary>
public static class TextPosition
{
    /// <summary>
    /// Exact for a one-line plain or quoted scalar and for a <c>|</c> or <c>&gt;</c> block scalar (its layout maps the
    /// text back to the file's lines); for a multi-line plain or quoted scalar the line is exact and the column approximate.
    /// </summary>
    public static SourceSpan Of(SourceSpan span, BlockScalarLayout? block, string text, int index)
    {
        if (!span.HasPosition) return span;
        if (block?.PositionOf(index) is { } exact) return exact;
        int newlines = 0, lineStart = 0;
        for (int i = 0; i < index && i < text.Length; i++)
            if (text[i] == '\n') { newlines++; lineStart = i + 1; }
        bool oneLine = span.EndLine == span.Line;
        if (oneLine && newlines == 0)
        {
            int width = span.EndColumn - span.Column;
            int quote = width == text.Length + 2 ? 1 : 0; // "…" or '…' around the text
            int column = span.Column + quote + index;
            return new SourceSpan(span.File, span.Line, column, span.Line, column + 1);
        }
        bool isBlock = !oneLine && text.Contains('\n');
        int line = span.Line + (isBlock ? 1 : 0) + newlines;
        return new SourceSpan(span.File, line, span.Column, line, span.Column + 1 + (index - lineStart));
    }
}
