using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dcsc.Layout;

// The PS3.2 template section tree as data (Layout/Data/template.json, embedded). See Layout/Data/README.md.
// Setters, not init: the generated reader (TemplateJson) sets init-only properties the JSON leaves out to null,
// where these defaults (empty lists, numbered, colspan 1) must hold.

public sealed class TemplateDocument
{
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("sections")] public List<TemplateSection> Sections { get; set; } = new();
}

public sealed class TemplateSection
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("number")] public string Number { get; set; } = "";
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("repeat")] public string? Repeat { get; set; }
    [JsonPropertyName("never_na")] public bool NeverNa { get; set; }
    [JsonPropertyName("na_rule")] public string? NaRule { get; set; }
    /// <summary>
    /// A run-in heading of the template (DocBook <c>para_</c> id, e.g. "Extended Negotiation"): no number, no N/A of its
    /// own; its content is printed in the enclosing section under an unnumbered heading line.
    /// </summary>
    [JsonPropertyName("run_in")] public bool RunIn { get; set; }
    [JsonPropertyName("content")] public List<TemplateBlock> Content { get; set; } = new();
    [JsonPropertyName("tables")] public List<TemplateTable> Tables { get; set; } = new();
    [JsonPropertyName("children")] public List<TemplateSection> Children { get; set; } = new();
    /// <summary>On a repeat prototype: the template's example instances it was made from (their headings are not sections).</summary>
    [JsonPropertyName("folded_from")] public List<string> FoldedFrom { get; set; } = new();

    [JsonIgnore] public TemplateSection? Parent { get; internal set; }

    public override string ToString() => $"{Number} {Title} [{Key}]";
}

public sealed class TemplateBlock
{
    [JsonPropertyName("p")] public string? Paragraph { get; set; }
    [JsonPropertyName("list")] public List<string>? List { get; set; }
    /// <summary>Nesting level of each list item (0 = top); absent when the list is flat (tools/extract_template.py).</summary>
    [JsonPropertyName("levels")] public List<int>? Levels { get; set; }
    [JsonPropertyName("table")] public string? Table { get; set; }
    [JsonPropertyName("figure")] public string? Figure { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("condition")] public string? Condition { get; set; }
    [JsonPropertyName("note")] public bool Note { get; set; }
}

public sealed class TemplateTable
{
    [JsonPropertyName("ref")] public string Ref { get; set; } = "";
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("numbered")] public bool Numbered { get; set; } = true;
    [JsonPropertyName("repeat")] public string? Repeat { get; set; }
    [JsonPropertyName("condition")] public string? Condition { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
    /// <summary>The template allows removing this table, with the text that introduces it, when it does not apply.</summary>
    [JsonPropertyName("optional")] public bool Optional { get; set; }
    [JsonPropertyName("columns")] public List<TemplateColumn> Columns { get; set; } = new();
    [JsonPropertyName("header_rows")] public List<List<TemplateHeaderCell>> HeaderRows { get; set; } = new();
    [JsonPropertyName("row_groups")] public List<string> RowGroups { get; set; } = new();
    [JsonPropertyName("example_rows")] public List<List<string>> ExampleRows { get; set; } = new();
    /// <summary>
    /// Section 6 / Annex C configuration tables: the parts the template draws, "Local Configuration Parameters - …" then
    /// "Remote Configuration Parameters - …", each a title row and its own header row (PS3.2 template, Table 6-2 ff.).
    /// </summary>
    [JsonPropertyName("parts")] public List<TemplateTablePart> Parts { get; set; } = new();
}

/// <summary>A part of a configuration table: <c>local</c> or <c>remote</c>, its title row and its header row.</summary>
public sealed class TemplateTablePart
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("header")] public List<string> Header { get; set; } = new();
}

public sealed class TemplateColumn
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("title")] public string Title { get; set; } = "";
}

public sealed class TemplateHeaderCell
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("colspan")] public int Colspan { get; set; } = 1;
    [JsonPropertyName("rowspan")] public int Rowspan { get; set; } = 1;
}

/// <summary>Terms and abbreviations of the template (Sections 3.4/3.5), extracted from the seed.</summary>
public sealed class TemplateTerms
{
    [JsonPropertyName("dicom_terms")] public List<TermRow> DicomTerms { get; set; } = new();
    [JsonPropertyName("abbreviations")] public List<AbbreviationRow> Abbreviations { get; set; } = new();

    public sealed class TermRow
    {
        [JsonPropertyName("term")] public string Term { get; set; } = "";
        [JsonPropertyName("definition")] public string Definition { get; set; } = "";
    }

    public sealed class AbbreviationRow
    {
        [JsonPropertyName("abbreviation")] public string Abbreviation { get; set; } = "";
        [JsonPropertyName("meaning")] public string Meaning { get; set; } = "";
    }
}

/// <summary>The embedded template data, loaded once.</summary>
public static class TemplateData
{
    private static readonly Lazy<TemplateDocument> s_template = new(() =>
    {
        var doc = Load("Dcsc.Layout.template.json", TemplateJson.Default.TemplateDocument);
        void Link(TemplateSection s) { foreach (var c in s.Children) { c.Parent = s; Link(c); } }
        foreach (var s in doc.Sections) Link(s);
        return doc;
    });

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> s_derived = new(() =>
    {
        using var stream = Open("Dcsc.Layout.derived-tables.json");
        using var json = JsonDocument.Parse(stream);
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var p in json.RootElement.EnumerateObject())
        {
            if (p.Name.StartsWith('_')) continue;
            result[p.Name] = p.Value.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        return result;
    });

    private static readonly Lazy<TemplateTerms> s_terms = new(() => Load("Dcsc.Layout.terms.json", TemplateJson.Default.TemplateTerms));

    public static TemplateDocument Template => s_template.Value;

    /// <summary>Tables whose rows are computed from the structured declarations, by section key.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> DerivedTables => s_derived.Value;

    public static TemplateTerms Terms => s_terms.Value;

    public static bool IsDerived(string sectionKey, string tableKey) =>
        DerivedTables.TryGetValue(sectionKey, out var t) && t.Contains(tableKey);

    /// <summary>The Section 5.3 subsection of each DICOMweb service (PS3.2 Section 5.3), by section key.</summary>
    public static readonly IReadOnlyDictionary<string, string> WebServiceSections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["services_uri_ws_wado_uri"] = "URI", ["services_studies_ws"] = "Studies", ["services_worklist_ws"] = "Worklist",
        ["services_npi_ws"] = "Non-Patient Instance", ["services_notification_ws"] = "Notification", ["services_stgcmt_ws"] = "Storage Commitment",
    };

    /// <summary>The Section 7.3.3 subsection of each DICOMweb service that has status tables (the Notification service has none).</summary>
    private static readonly IReadOnlyDictionary<string, string> WebStatusSections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["URI"] = "status_uri_ws", ["Studies"] = "status_studies_ws", ["Worklist"] = "status_worklist_ws",
        ["Non-Patient Instance"] = "status_npi_ws", ["Storage Commitment"] = "status_dicom_ws_stgcmt",
    };

    /// <summary>
    /// The Section 5.3 and 7.3.3 subsections of a DICOMweb transaction in a role: the child of its service section whose
    /// title begins with the transaction, then its Origin Server / User Agent part; the service section itself when no
    /// child names the transaction; null when the service has no such section.
    /// </summary>
    public static (string? Section, string? Status) WebSections(string service, string transaction, bool originServer)
    {
        var section = WebServiceSections.FirstOrDefault(kv => kv.Value == service).Key;
        var role = originServer ? "Origin Server" : "User Agent";
        return (PickWebSection(section, transaction, role), PickWebSection(WebStatusSections.GetValueOrDefault(service), transaction, role));
    }

    private static string? PickWebSection(string? parentKey, string transaction, string role)
    {
        if (parentKey is null) return null;
        var parent = Walk(Template.Sections).FirstOrDefault(s => s.Key == parentKey);
        if (parent is null) return null;
        var tx = transaction.Trim();
        bool Starts(TemplateSection s) => tx.Length > 0 && (s.Title.StartsWith(tx + " ", StringComparison.OrdinalIgnoreCase)
            || s.Title.StartsWith(tx.Split(' ')[0] + " Transaction", StringComparison.OrdinalIgnoreCase)
            || s.Title.StartsWith(tx.Split(' ')[0] + " supported", StringComparison.OrdinalIgnoreCase));
        // Sibling sections may name the same transaction for each role ("Store Transaction as Origin Server", "… as User Agent").
        string? first = null;
        foreach (var c in parent.Children.Where(Starts))
        {
            if (c.Title.Contains(role, StringComparison.OrdinalIgnoreCase)) return c.Key;
            if (c.Children.FirstOrDefault(x => x.Title.Contains(role, StringComparison.OrdinalIgnoreCase)) is { } leaf) return leaf.Key;
            first ??= c.Key;
        }
        return first ?? parentKey;
    }

    public static IEnumerable<TemplateSection> Walk(IEnumerable<TemplateSection> sections)
    {
        foreach (var s in sections)
        {
            yield return s;
            foreach (var c in Walk(s.Children)) yield return c;
        }
    }

    private static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"embedded resource {name} is missing");

    private static T Load<T>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize(stream, type) ?? throw new InvalidOperationException($"embedded resource {name} is empty");
    }
}

/// <summary>
/// Readers generated at compile time for the template data: the reflection-based reader emits a setter per property at
/// run time, compiled by the JIT in every fresh process (~250 methods; docs/performance.md).
/// </summary>
[JsonSerializable(typeof(TemplateDocument))]
[JsonSerializable(typeof(TemplateTerms))]
internal sealed partial class TemplateJson : JsonSerializerContext
{
}
