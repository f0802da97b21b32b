using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dcsc.Layout;

// The PS3.2 template section tree as data (Layout/Data/template.json, embedded). See Layout/Data/README.md.

public sealed class TemplateDocument
{
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("sections")] public List<TemplateSection> Sections { get; init; } = new();
}

public sealed class TemplateSection
{
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("number")] public string Number { get; init; } = "";
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("repeat")] public string? Repeat { get; init; }
    [JsonPropertyName("never_na")] public bool NeverNa { get; init; }
    [JsonPropertyName("na_rule")] public string? NaRule { get; init; }
    /// <summary>
    /// A run-in heading of the template (DocBook <c>para_</c> id, e.g. "Extended Negotiation"): no number, no N/A of its
    /// own; its content is printed in the enclosing section under an unnumbered heading line.
    /// </summary>
    [JsonPropertyName("run_in")] public bool RunIn { get; init; }
    [JsonPropertyName("content")] public List<TemplateBlock> Content { get; init; } = new();
    [JsonPropertyName("tables")] public List<TemplateTable> Tables { get; init; } = new();
    [JsonPropertyName("children")] public List<TemplateSection> Children { get; init; } = new();
    /// <summary>On a repeat prototype: the template's example instances it was made from (their headings are not sections).</summary>
    [JsonPropertyName("folded_from")] public List<string> FoldedFrom { get; init; } = new();

    [JsonIgnore] public TemplateSection? Parent { get; internal set; }

    public override string ToString() => $"{Number} {Title} [{Key}]";
}

public sealed class TemplateBlock
{
    [JsonPropertyName("p")] public string? Paragraph { get; init; }
    [JsonPropertyName("list")] public List<string>? List { get; init; }
    /// <summary>Nesting level of each list item (0 = top); absent when the list is flat (tools/extract_template.py).</summary>
    [JsonPropertyName("levels")] public List<int>? Levels { get; init; }
    [JsonPropertyName("table")] public string? Table { get; init; }
    [JsonPropertyName("figure")] public string? Figure { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("condition")] public string? Condition { get; init; }
    [JsonPropertyName("note")] public bool Note { get; init; }
}

public sealed class TemplateTable
{
    [JsonPropertyName("ref")] public string Ref { get; init; } = "";
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("numbered")] public bool Numbered { get; init; } = true;
    [JsonPropertyName("repeat")] public string? Repeat { get; init; }
    [JsonPropertyName("condition")] public string? Condition { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }
    /// <summary>The template allows removing this table, with the text that introduces it, when it does not apply.</summary>
    [JsonPropertyName("optional")] public bool Optional { get; init; }
    [JsonPropertyName("columns")] public List<TemplateColumn> Columns { get; init; } = new();
    [JsonPropertyName("header_rows")] public List<List<TemplateHeaderCell>> HeaderRows { get; init; } = new();
    [JsonPropertyName("row_groups")] public List<string> RowGroups { get; init; } = new();
    [JsonPropertyName("example_rows")] public List<List<string>> ExampleRows { get; init; } = new();
    /// <summary>
    /// Section 6 / Annex C configuration tables: the parts the template draws, "Local Configuration Parameters - …" then
    /// "Remote Configuration Parameters - …", each a title row and its own header row (PS3.2 template, Table 6-2 ff.).
    /// </summary>
    [JsonPropertyName("parts")] public List<TemplateTablePart> Parts { get; init; } = new();
}

/// <summary>A part of a configuration table: <c>local</c> or <c>remote</c>, its title row and its header row.</summary>
public sealed class TemplateTablePart
{
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("header")] public List<string> Header { get; init; } = new();
}

public sealed class TemplateColumn
{
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("title")] public string Title { get; init; } = "";
}

public sealed class TemplateHeaderCell
{
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("colspan")] public int Colspan { get; init; } = 1;
    [JsonPropertyName("rowspan")] public int Rowspan { get; init; } = 1;
}

/// <summary>Terms and abbreviations of the template (Sections 3.4/3.5), extracted from the seed.</summary>
public sealed class TemplateTerms
{
    [JsonPropertyName("dicom_terms")] public List<TermRow> DicomTerms { get; init; } = new();
    [JsonPropertyName("abbreviations")] public List<AbbreviationRow> Abbreviations { get; init; } = new();

    public sealed class TermRow
    {
        [JsonPropertyName("term")] public string Term { get; init; } = "";
        [JsonPropertyName("definition")] public string Definition { get; init; } = "";
    }

    public sealed class AbbreviationRow
    {
        [JsonPropertyName("abbreviation")] public string Abbreviation { get; init; } = "";
        [JsonPropertyName("meaning")] public string Meaning { get; init; } = "";
    }
}

/// <summary>The embedded template data, loaded once.</summary>
public static class TemplateData
{
    private static readonly Lazy<TemplateDocument> s_template = new(() =>
    {
        var doc = Load<TemplateDocument>("Dcsc.Layout.template.json");
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

    private static readonly Lazy<TemplateTerms> s_terms = new(() => Load<TemplateTerms>("Dcsc.Layout.terms.json"));

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

    private static T Load<T>(string name)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize<T>(stream) ?? throw new InvalidOperationException($"embedded resource {name} is empty");
    }
}
