using System.Globalization;
using System.Text;
using System.Text.Json;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;

namespace Dcsc.Match;

/// <summary>Writes a <see cref="MatchReport"/> as text (terminal), Markdown (a report to attach to a review) or JSON (docs/match.md).</summary>
public static class MatchFormatter
{
    public const string JsonFormatId = "dcsc-match/1";

    public static string LevelName(MatchLevel level) => level switch
    {
        MatchLevel.Compatible => "compatible",
        MatchLevel.Warning => "warning",
        _ => "incompatible",
    };

    public static string FlowName(MatchFlow flow) => flow switch
    {
        MatchFlow.AToB => "a-to-b",
        MatchFlow.BToA => "b-to-a",
        _ => "both",
    };

    private static string FlowArrow(MatchFlow flow) => flow switch
    {
        MatchFlow.AToB => "A → B",
        MatchFlow.BToA => "B → A",
        _ => "A ↔ B",
    };

    /// <summary><c>file:line</c>, or the file alone when the place is unknown.</summary>
    public static string Where(SourceSpan s) => s.HasPosition ? $"{s.File}:{s.Line}" : s.File;

    private static string Counts(MatchReport r, string? service = null) =>
        $"{r.Count(MatchLevel.Incompatible, service)} incompatible, {r.Count(MatchLevel.Warning, service)} warning(s), {r.Count(MatchLevel.Compatible, service)} compatible";

    private static string Scope(MatchReport r) => r.Required.Count == 0 ? "all services" : string.Join(", ", r.Required);

    // ------------------------------------------------------------------------------------------------ text

    public static string Text(MatchReport r)
    {
        var sb = new StringBuilder();
        sb.Append(Diagnostic.OneLine($"A: {r.A.Product} {r.A.Version} ({r.A.Path})")).Append('\n');
        sb.Append(Diagnostic.OneLine($"B: {r.B.Product} {r.B.Version} ({r.B.Path})")).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"Verdict: {LevelName(r.Verdict).ToUpperInvariant()} ({Counts(r)}; verdict over {Scope(r)})\n");
        foreach (var service in r.Services)
        {
            sb.Append('\n');
            var counted = r.Counts(service) ? "" : " (not in the verdict)";
            sb.Append(CultureInfo.InvariantCulture, $"{MatchServices.Title(service)} [{service}]: {LevelName(r.ServiceVerdict(service))}{counted}\n");
            foreach (var f in r.Findings.Where(f => f.Service == service))
            {
                sb.Append(Diagnostic.OneLine($"  {LevelName(f.Level),-12} {FlowArrow(f.Flow)}  {f.Message}")).Append('\n');
                sb.Append(Diagnostic.OneLine($"  {"",-12} {"",5}  A: {Where(f.A)}  B: {Where(f.B)}")).Append('\n');
            }
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------------------------------------ Markdown

    public static string Markdown(MatchReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# DICOM connectivity: {Md(r.A.Product)} {Md(r.A.Version)} and {Md(r.B.Product)} {Md(r.B.Version)}\n\n");
        sb.Append("Compared by `dcsc match` from the two products' DICOM Conformance Statements (PS3.2): what one side initiates ");
        sb.Append("(SCU, user agent, file-set creator) against what the other accepts (SCP, origin server, file-set reader), in both directions.\n\n");
        sb.Append("| | Product | Version | Statement |\n| --- | --- | --- | --- |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| A | {Md(r.A.Product)} | {Md(r.A.Version)} | {MarkdownText.Code(r.A.Path)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| B | {Md(r.B.Product)} | {Md(r.B.Version)} | {MarkdownText.Code(r.B.Path)} |\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Verdict: {LevelName(r.Verdict)}.** {Counts(r)} finding(s) in {Md(Scope(r))}.\n\n");

        sb.Append("## Summary\n\n");
        sb.Append("| Service | Verdict | Incompatible | Warnings | Compatible | In verdict |\n| --- | --- | ---: | ---: | ---: | --- |\n");
        foreach (var s in r.Services)
            sb.Append(CultureInfo.InvariantCulture, $"| [{Md(MatchServices.Title(s))}](#{Anchor(s)}) | {LevelName(r.ServiceVerdict(s))} | {r.Count(MatchLevel.Incompatible, s)} | " +
                      $"{r.Count(MatchLevel.Warning, s)} | {r.Count(MatchLevel.Compatible, s)} | {(r.Counts(s) ? "Y" : "N")} |\n");
        sb.Append('\n');

        foreach (var s in r.Services)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a id=\"{Anchor(s)}\"></a>\n\n## {Md(MatchServices.Title(s))}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Verdict: **{LevelName(r.ServiceVerdict(s))}** ({Counts(r, s)}).\n\n");
            sb.Append("| Level | Direction | Subject | Finding | A | B |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var f in r.Findings.Where(f => f.Service == s))
            {
                var subject = f.SubjectUid is null ? Md(f.Subject) : $"{Md(f.Subject)} ({Md(f.SubjectUid)})";
                sb.Append(CultureInfo.InvariantCulture, $"| {LevelName(f.Level)} | {FlowArrow(f.Flow)} | {subject} | {Md(f.Message)} | {Md(Where(f.A))} | {Md(Where(f.B))} |\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Anchor(string service) => "match-" + service;

    /// <summary>Author text for the report: all Markdown syntax escaped, one line (see <see cref="MarkdownText"/>).</summary>
    private static string Md(string s) => MarkdownText.Escape(s);

    // ------------------------------------------------------------------------------------------------ JSON

    public static string Json(MatchReport r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", JsonFormatId);
            Side(w, "a", r.A);
            Side(w, "b", r.B);
            w.WriteString("verdict", LevelName(r.Verdict));
            w.WriteStartArray("required");
            foreach (var s in r.Required) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("incompatible", r.Count(MatchLevel.Incompatible));
            w.WriteNumber("warning", r.Count(MatchLevel.Warning));
            w.WriteNumber("compatible", r.Count(MatchLevel.Compatible));
            w.WriteEndObject();
            w.WriteStartArray("services");
            foreach (var s in r.Services)
            {
                w.WriteStartObject();
                w.WriteString("service", s);
                w.WriteString("title", MatchServices.Title(s));
                w.WriteString("verdict", LevelName(r.ServiceVerdict(s)));
                w.WriteBoolean("inVerdict", r.Counts(s));
                w.WriteStartArray("findings");
                foreach (var f in r.Findings.Where(f => f.Service == s))
                {
                    w.WriteStartObject();
                    w.WriteString("level", LevelName(f.Level));
                    w.WriteString("flow", FlowName(f.Flow));
                    w.WriteString("subject", f.Subject);
                    if (f.SubjectUid is null) w.WriteNull("uid"); else w.WriteString("uid", f.SubjectUid);
                    w.WriteString("message", f.Message);
                    Place(w, "a", f.A);
                    Place(w, "b", f.B);
                    w.WriteStartArray("common");
                    foreach (var c in f.Common) w.WriteStringValue(c);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void Side(Utf8JsonWriter w, string name, MatchSide s)
    {
        w.WriteStartObject(name);
        w.WriteString("path", s.Path);
        w.WriteString("product", s.Product);
        w.WriteString("version", s.Version);
        w.WriteEndObject();
    }

    private static void Place(Utf8JsonWriter w, string name, SourceSpan s)
    {
        w.WriteStartObject(name);
        w.WriteString("file", s.File);
        w.WriteNumber("line", s.Line);
        w.WriteNumber("column", s.Column);
        w.WriteEndObject();
    }
}
