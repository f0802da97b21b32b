using System.Text;
using System.Text.Json;

namespace Dcsc.Diagnostics;

/// <summary>Writes diagnostics as compiler-style text or as JSON (docs/diagnostics.md).</summary>
public static class DiagnosticFormatter
{
    public static string Text(IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics) sb.Append(d).Append('\n');
        return sb.ToString();
    }

    public static string Summary(IReadOnlyList<Diagnostic> diagnostics, int files)
    {
        int e = diagnostics.Count(d => d.Severity == Severity.Error), w = diagnostics.Count(d => d.Severity == Severity.Warning);
        return $"{files} file(s) checked: {e} error(s), {w} warning(s)";
    }

    public static string Json(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", SeverityName(d.Severity));
                w.WriteString("message", d.Message);
                w.WriteString("file", d.Span.File);
                w.WriteNumber("line", d.Span.Line);
                w.WriteNumber("column", d.Span.Column);
                w.WriteNumber("endLine", d.Span.EndLine);
                w.WriteNumber("endColumn", d.Span.EndColumn);
                w.WriteString("helpUri", d.HelpUri);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            w.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    public static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "off",
    };
}
