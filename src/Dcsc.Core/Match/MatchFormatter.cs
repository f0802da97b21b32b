using System.Globalization;
using System.Text;
using System.Text.Json;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;

namespace Dcsc.Match;

/// <summary>Writes a <see cref="MatchReport"/> as text (terminal), Markdown (a report to attach to a review) or JSON (docs/match.md).</summary>
public static class MatchFormatter
{
    public const string JsonFormatId = "dcsc-match/2";

    public static string LevelName(MatchLevel level) => level switch
    {
        MatchLevel.Compatible => "compatible",
        MatchLevel.Warning => "warning",
        _ => "incompatible",
    };

    /// <summary>The verdict as JSON and docs name it: compatible, compatible-with-gaps, incompatible.</summary>
    public static string VerdictName(MatchVerdict v) => v switch
    {
        MatchVerdict.Compatible => "compatible",
        MatchVerdict.CompatibleWithGaps => "compatible-with-gaps",
        _ => "incompatible",
    };

    private static string VerdictText(MatchVerdict v) => VerdictName(v).Replace('-', ' ');

    /// <summary>"A → B compatible with gaps; B → A compatible": the verdict of a service in each direction it has findings.</summary>
    private static string FlowVerdicts(MatchReport r, string service) =>
        string.Join("; ", r.Flows(service).Select(f => $"{FlowArrow(f)} {VerdictText(r.ServiceVerdict(service, f))}" +
            (r.Findings.Any(x => x.Service == service && x.Level == MatchLevel.Warning && (x.Flow == f || x.Flow == MatchFlow.Both || f == MatchFlow.Both)) ? " (warnings)" : "")));

    /// <summary>What a gap is about: "Storage: CT Performed Procedure Protocol Storage (1.2.840.10008.5.1.4.1.1.200.2)".</summary>
    private static string GapSubject(MatchFinding f) =>
        $"{MatchServices.Title(f.Service)}: {f.Subject}{(f.SubjectUid is null ? "" : $" ({f.SubjectUid})")}" +
        (f.Items.Count == 0 ? "" : $" — {Dcsc.Match.Text.And(f.Items.Select(i => i.Name), 6)}");

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
        sb.Append(CultureInfo.InvariantCulture, $"Verdict: {VerdictText(r.Verdict).ToUpperInvariant()} ({Counts(r)}; verdict over {Scope(r)})\n");
        if (r.Blockers.Count > 0)
        {
            sb.Append("Incompatible because:\n");
            foreach (var f in r.Blockers) sb.Append(Diagnostic.OneLine($"  {FlowArrow(f.Flow)}  {f.Message}")).Append('\n');
        }
        if (r.Gaps.Count > 0)
        {
            sb.Append("Gaps (refused; the rest works):\n");
            foreach (var f in r.Gaps) sb.Append(Diagnostic.OneLine($"  {FlowArrow(f.Flow)}  {GapSubject(f)}")).Append('\n');
        }
        foreach (var service in r.Services)
        {
            sb.Append('\n');
            var counted = r.Counts(service) ? "" : " (not in the verdict)";
            sb.Append(CultureInfo.InvariantCulture, $"{MatchServices.Title(service)} [{service}]: {FlowVerdicts(r, service)}{counted}\n");
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
        sb.Append(CultureInfo.InvariantCulture, $"**Verdict: {VerdictText(r.Verdict)}.** {Counts(r)} finding(s) in {Md(Scope(r))}.\n\n");
        if (r.Blockers.Count > 0)
        {
            sb.Append("Incompatible because:\n\n");
            foreach (var f in r.Blockers) sb.Append(CultureInfo.InvariantCulture, $"- {FlowArrow(f.Flow)}: {Md(f.Message)}\n");
            sb.Append('\n');
        }
        if (r.Gaps.Count > 0)
        {
            sb.Append("## Gaps\n\nWhat one side sends and the other refuses; everything else in the verdict's services works.\n\n");
            sb.Append("| Direction | Service | Refused | Why |\n| --- | --- | --- | --- |\n");
            foreach (var f in r.Gaps)
            {
                var subject = f.SubjectUid is null ? Md(f.Subject) : $"{Md(f.Subject)} ({Md(f.SubjectUid)})";
                sb.Append(CultureInfo.InvariantCulture, $"| {FlowArrow(f.Flow)} | {Md(MatchServices.Title(f.Service))} | {subject} | {Md(f.Message)} |\n");
            }
            sb.Append('\n');
        }

        sb.Append("## Summary\n\n");
        sb.Append("| Service | Verdict | Incompatible | Warnings | Compatible | In verdict |\n| --- | --- | ---: | ---: | ---: | --- |\n");
        foreach (var s in r.Services)
            sb.Append(CultureInfo.InvariantCulture, $"| [{Md(MatchServices.Title(s))}](#{Anchor(s)}) | {Md(FlowVerdicts(r, s))} | {r.Count(MatchLevel.Incompatible, s)} | " +
                      $"{r.Count(MatchLevel.Warning, s)} | {r.Count(MatchLevel.Compatible, s)} | {(r.Counts(s) ? "Y" : "N")} |\n");
        sb.Append('\n');

        foreach (var s in r.Services)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a id=\"{Anchor(s)}\"></a>\n\n## {Md(MatchServices.Title(s))}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Verdict: **{Md(FlowVerdicts(r, s))}** ({Counts(r, s)}).\n\n");
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
            w.WriteString("verdict", VerdictName(r.Verdict));
            w.WriteStartArray("required");
            foreach (var s in r.Required) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartArray("blockers");
            foreach (var f in r.Blockers) Brief(w, f, withMessage: true);
            w.WriteEndArray();
            w.WriteStartArray("gaps");
            foreach (var f in r.Gaps) Brief(w, f, withMessage: false);
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
                w.WriteString("verdict", VerdictName(r.ServiceVerdict(s)));
                w.WriteStartObject("flows");
                foreach (var fl in r.Flows(s)) w.WriteString(FlowName(fl), VerdictName(r.ServiceVerdict(s, fl)));
                w.WriteEndObject();
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
                    w.WriteBoolean("blocking", f.Blocking);
                    Place(w, "a", f.A);
                    Place(w, "b", f.B);
                    Items(w, "common", f.Common);
                    Items(w, "items", f.Items);
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

    /// <summary>Names with their UIDs (null when the thing has none, e.g. a media type).</summary>
    private static void Items(Utf8JsonWriter w, string name, IReadOnlyList<MatchItem> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("name", i.Name);
            if (i.Uid is null) w.WriteNull("uid"); else w.WriteString("uid", i.Uid);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A blocker or gap in the report's head: where to look, without the places.</summary>
    private static void Brief(Utf8JsonWriter w, MatchFinding f, bool withMessage)
    {
        w.WriteStartObject();
        w.WriteString("service", f.Service);
        w.WriteString("flow", FlowName(f.Flow));
        w.WriteString("subject", f.Subject);
        if (f.SubjectUid is null) w.WriteNull("uid"); else w.WriteString("uid", f.SubjectUid);
        if (withMessage) w.WriteString("message", f.Message);
        Items(w, "items", f.Items);
        w.WriteEndObject();
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
