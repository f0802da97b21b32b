using System.Globalization;
using System.Text;
using System.Text.Json;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;

namespace Dcsc.Match;

/// <summary>Writes a <see cref="RequirementsReport"/> as text, Markdown (for a tender evaluation) or JSON (docs/match.md).</summary>
public static class RequirementsFormatter
{
    public const string JsonFormatId = "dcsc-requirements-report/1";

    public static string StatusName(RequirementStatus s) => s switch
    {
        RequirementStatus.Met => "met",
        RequirementStatus.NotMet => "not met",
        _ => "not stated",
    };

    public static string KindName(RequirementKind k) => k switch
    {
        RequirementKind.Service => "services",
        RequirementKind.SopClass => "sop_classes",
        RequirementKind.TransferSyntax => "transfer_syntaxes",
        RequirementKind.QueryKey => "query_keys",
        RequirementKind.SecurityProfile => "security_profiles",
        RequirementKind.CharacterSet => "character_sets",
        _ => "dicomweb",
    };

    private static string KindTitle(RequirementKind k) => k switch
    {
        RequirementKind.Service => "Services and roles",
        RequirementKind.SopClass => "SOP Classes",
        RequirementKind.TransferSyntax => "Transfer Syntaxes",
        RequirementKind.QueryKey => "Query keys",
        RequirementKind.SecurityProfile => "Security profiles",
        RequirementKind.CharacterSet => "Character sets",
        _ => "DICOMweb transactions",
    };

    private static string Counts(RequirementsReport r) =>
        $"{r.Count(RequirementStatus.Met)} met, {r.Count(RequirementStatus.NotMet)} not met, {r.Count(RequirementStatus.NotStated)} not stated";

    private static string Verdict(RequirementsReport r) => r.Fails ? "NOT MET" : r.Count(RequirementStatus.NotStated) > 0 ? "MET WHERE STATED" : "MET";

    public static string Text(RequirementsReport r)
    {
        var sb = new StringBuilder();
        sb.Append(Diagnostic.OneLine($"Product: {r.Product.Product} {r.Product.Version} ({r.Product.Path})")).Append('\n');
        sb.Append(Diagnostic.OneLine($"Requirements: {r.Site.Title}{(r.Site.Site is null ? "" : " — " + r.Site.Site)} ({r.Site.Path})")).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"Result: {Verdict(r)} ({Counts(r)})\n");
        foreach (var g in r.Results.GroupBy(x => x.Requirement.Kind))
        {
            sb.Append('\n').Append(KindTitle(g.Key)).Append('\n');
            foreach (var x in g)
            {
                sb.Append(Diagnostic.OneLine($"  {StatusName(x.Status),-10} {x.Subject}{(x.Requirement.Required ? "" : " (desired)")}: {x.Message}")).Append('\n');
                sb.Append(Diagnostic.OneLine($"  {"",-10} product: {MatchFormatter.Where(x.Citation)}  requirement: {MatchFormatter.Where(x.Requirement.At)}")).Append('\n');
            }
        }
        return sb.ToString();
    }

    public static string Markdown(RequirementsReport r)
    {
        static string Md(string s) => MarkdownText.Escape(s);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {Md(r.Site.Title)}: {Md(r.Product.Product)} {Md(r.Product.Version)}\n\n");
        sb.Append("Checked by `dcsc match --requirements` against the product's DICOM Conformance Statement (PS3.2). ");
        sb.Append("*Met*: the statement declares it; *not met*: the statement declares the area but not this; *not stated*: the statement says nothing about it (ask the vendor).\n\n");
        sb.Append("| | |\n| --- | --- |\n");
        if (r.Site.Site is not null) sb.Append(CultureInfo.InvariantCulture, $"| Site | {Md(r.Site.Site)} |\n");
        if (r.Site.Version is not null) sb.Append(CultureInfo.InvariantCulture, $"| Requirements version | {Md(r.Site.Version)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| Requirements | {MarkdownText.Code(r.Site.Path)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| Product statement | {MarkdownText.Code(r.Product.Path)} |\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Result: {Verdict(r).ToLowerInvariant()}.** {Counts(r)}.\n\n");
        foreach (var g in r.Results.GroupBy(x => x.Requirement.Kind))
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {KindTitle(g.Key)}\n\n");
            sb.Append("| Requirement | Status | Finding | Product source | Note |\n| --- | --- | --- | --- | --- |\n");
            foreach (var x in g)
                sb.Append(CultureInfo.InvariantCulture, $"| {Md(x.Subject)}{(x.Requirement.Required ? "" : " (desired)")} | {StatusName(x.Status)} | {Md(x.Message)} | {Md(MatchFormatter.Where(x.Citation))} | {Md(x.Requirement.Note ?? "")} |\n");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Json(RequirementsReport r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", JsonFormatId);
            w.WriteStartObject("product");
            w.WriteString("path", r.Product.Path);
            w.WriteString("product", r.Product.Product);
            w.WriteString("version", r.Product.Version);
            w.WriteEndObject();
            w.WriteStartObject("requirements");
            w.WriteString("path", r.Site.Path);
            w.WriteString("title", r.Site.Title);
            if (r.Site.Site is null) w.WriteNull("site"); else w.WriteString("site", r.Site.Site);
            w.WriteEndObject();
            w.WriteBoolean("fails", r.Fails);
            w.WriteStartObject("summary");
            w.WriteNumber("met", r.Count(RequirementStatus.Met));
            w.WriteNumber("notMet", r.Count(RequirementStatus.NotMet));
            w.WriteNumber("notStated", r.Count(RequirementStatus.NotStated));
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var x in r.Results)
            {
                w.WriteStartObject();
                w.WriteString("kind", KindName(x.Requirement.Kind));
                w.WriteStartObject("requirement");
                foreach (var (k, v) in x.Requirement.Values) w.WriteString(k, v);
                w.WriteEndObject();
                w.WriteBoolean("required", x.Requirement.Required);
                w.WriteString("subject", x.Subject);
                w.WriteString("status", StatusName(x.Status).Replace(' ', '-'));
                w.WriteString("message", x.Message);
                Place(w, "product", x.Citation);
                Place(w, "at", x.Requirement.At);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
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
