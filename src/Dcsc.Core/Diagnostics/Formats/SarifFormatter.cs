using System.Text;
using System.Text.Json;
using Dcsc.Tool;

namespace Dcsc.Diagnostics.Formats;

/// <summary>
/// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for code-scanning tools such as GitHub's
/// <c>upload-sarif</c>: one run, the catalogue entries used as rules, one result per diagnostic.
/// Locations are repository-relative with <c>uriBaseId</c> <c>%SRCROOT%</c>; the output is deterministic.
/// </summary>
public static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/dcsc-project/dcsc";
    public const string SrcRoot = "%SRCROOT%";

    public static string Format(IReadOnlyList<Diagnostic> diagnostics, ArtifactPaths paths)
    {
        var ruleIds = diagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        var ruleIndex = ruleIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "dcsc");
            w.WriteString("fullName", "dcsc, the DICOM Conformance Statement compiler");
            w.WriteString("version", ToolInfo.Version);
            w.WriteString("semanticVersion", ToolInfo.Version);
            w.WriteString("informationUri", InformationUri);
            w.WriteStartArray("rules");
            foreach (var id in ruleIds)
            {
                var known = DiagnosticCatalogue.Contains(id) ? DiagnosticCatalogue.Get(id) : null;
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", known?.Title ?? id);
                w.WriteEndObject();
                w.WriteString("helpUri", DiagnosticCatalogue.HelpUri(id));
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(known?.DefaultSeverity ?? Severity.Warning));
                w.WriteEndObject();
                if (known is not null)
                {
                    w.WriteStartObject("properties");
                    w.WriteString("category", known.Category);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject(); // driver
            w.WriteEndObject(); // tool

            w.WriteStartArray("results");
            var fingerprints = new FingerprintSource();
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                w.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                var rel = paths.Relative(d.Span.File);
                if (rel is not null)
                {
                    w.WriteString("uri", Uri.EscapeDataString(rel).Replace("%2F", "/"));
                    w.WriteString("uriBaseId", SrcRoot);
                }
                else w.WriteString("uri", string.IsNullOrEmpty(d.Span.File) ? "unknown" : ArtifactPaths.FileUri(d.Span.File));
                w.WriteEndObject();
                if (d.Span.HasPosition)
                {
                    var s = d.Span;
                    int endLine = Math.Max(s.EndLine, s.Line);
                    int endColumn = endLine == s.Line ? Math.Max(s.EndColumn, s.Column + 1) : Math.Max(s.EndColumn, 1);
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", s.Line);
                    w.WriteNumber("startColumn", Math.Max(s.Column, 1));
                    w.WriteNumber("endLine", endLine);
                    w.WriteNumber("endColumn", endColumn);
                    w.WriteEndObject();
                }
                w.WriteEndObject(); // physicalLocation
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString("dcsc/v1", fingerprints.Of(d));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteEndObject(); // run
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    public static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };
}
