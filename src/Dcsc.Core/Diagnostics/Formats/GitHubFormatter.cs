using System.Text;

namespace Dcsc.Diagnostics.Formats;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>): the runner turns each line
/// into an annotation on the pull request's changed lines. Escaping follows the Actions toolkit
/// (<c>%</c>, CR, LF in the message; additionally <c>:</c> and <c>,</c> in properties).
/// </summary>
public static class GitHubFormatter
{
    public static string Format(IReadOnlyList<Diagnostic> diagnostics, ArtifactPaths paths)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var props = new List<string>();
            if (!string.IsNullOrEmpty(d.Span.File)) props.Add("file=" + EscapeProperty(paths.Display(d.Span.File)));
            if (d.Span.HasPosition)
            {
                props.Add($"line={d.Span.Line}");
                props.Add($"col={d.Span.Column}");
                props.Add($"endLine={Math.Max(d.Span.EndLine, d.Span.Line)}");
                props.Add($"endColumn={Math.Max(d.Span.EndColumn, 1)}");
            }
            props.Add("title=" + EscapeProperty(d.Id));
            sb.Append("::").Append(command).Append(' ').Append(string.Join(",", props))
              .Append("::").Append(EscapeData(d.Message)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The toolkit's escaping, after control, bidirectional and other unsafe characters (ANSI escape sequences, U+0085,
    /// U+2028, U+202E) are made visible escapes by <see cref="Dcsc.Source.UntrustedText.ForLog"/>: one line, nothing the
    /// log viewer interprets.
    /// </summary>
    public static string EscapeData(string s) => Dcsc.Source.UntrustedText.ForLog(s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    public static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
