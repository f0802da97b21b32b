using System.Globalization;
using System.Text;

namespace Dcsc.Diagnostics.Formats;

/// <summary>
/// A Markdown summary for a pull-request comment or a job summary (<c>$GITHUB_STEP_SUMMARY</c>):
/// counts, then one table row per finding with its location, severity, rule (linked to its page) and message.
/// </summary>
public static class MarkdownFormatter
{
    /// <summary>Rows shown before the table is cut (a GitHub comment holds at most 65,536 characters).</summary>
    public const int MaxRows = 200;

    public static string Format(IReadOnlyList<Diagnostic> diagnostics, ArtifactPaths paths, int files, int suppressed = 0)
    {
        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        int infos = diagnostics.Count - errors - warnings;
        var sb = new StringBuilder();
        sb.Append("### dcsc lint\n\n");
        if (diagnostics.Count == 0)
            sb.Append(CultureInfo.InvariantCulture, $"No problems found in {files} file(s).");
        else
        {
            sb.Append(errors > 0 ? "❌ " : "⚠️ ");
            sb.Append(CultureInfo.InvariantCulture, $"**{errors} error(s), {warnings} warning(s)");
            if (infos > 0) sb.Append(CultureInfo.InvariantCulture, $", {infos} note(s)");
            sb.Append(CultureInfo.InvariantCulture, $"** in {files} file(s).");
        }
        if (suppressed > 0) sb.Append(CultureInfo.InvariantCulture, $" {suppressed} known finding(s) suppressed by the baseline.");
        sb.Append('\n');
        if (diagnostics.Count == 0) return sb.ToString();

        sb.Append("\n| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n");
        foreach (var d in diagnostics.Take(MaxRows))
        {
            var where = paths.Display(d.Span.File);
            if (d.Span.HasPosition) where += $":{d.Span.Line}:{d.Span.Column}";
            sb.Append("| ").Append(MarkdownText.Code(where)).Append(" | ").Append(DiagnosticFormatter.SeverityName(d.Severity))
              .Append(" | [").Append(d.Id).Append("](").Append(d.HelpUri).Append(") | ")
              .Append(Cell(d.Message)).Append(" |\n");
        }
        if (diagnostics.Count > MaxRows)
            sb.Append(CultureInfo.InvariantCulture, $"\n… and {diagnostics.Count - MaxRows} more; see the full report (`--format sarif` or `text`).\n");
        return sb.ToString();
    }

    /// <summary>Text for a table cell: one line, all Markdown syntax escaped (<see cref="MarkdownText.Escape"/>).</summary>
    public static string Cell(string s) => MarkdownText.Escape(s);
}
