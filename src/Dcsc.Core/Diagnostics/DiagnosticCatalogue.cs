namespace Dcsc.Diagnostics;

/// <summary>A diagnostic id with its default severity and one-line title (the page docs/rules/&lt;id&gt;.md explains it).</summary>
public sealed record DiagnosticDescriptor(string Id, Severity DefaultSeverity, string Title, string Category);

/// <summary>
/// The one catalogue of every diagnostic id dcsc can emit. Ranges:
/// DCS0001-0049 source files and YAML, DCS0050-0099 schema, DCS0100-0199 UIDs, DCS0200-0299 attributes,
/// DCS0300-0399 consistency, DCS0400-0499 protocol facts, DCS0500-0599 PS3.2 conventions,
/// DCS1000-1999 PS3.4 conformance requirements, DCS9000-9999 build and tool errors.
/// </summary>
public static partial class DiagnosticCatalogue
{
    public const string HelpBase = "https://github.com/dcsc-project/dcsc/blob/main/docs/rules/";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new(StringComparer.Ordinal);

    static DiagnosticCatalogue()
    {
        foreach (var d in SourceAndSchema) ById.Add(d.Id, d);
        foreach (var d in Extra()) ById.Add(d.Id, d);
    }

    public static IReadOnlyCollection<DiagnosticDescriptor> All => ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    public static DiagnosticDescriptor Get(string id) =>
        ById.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"diagnostic id {id} is not in the catalogue");

    public static bool Contains(string id) => ById.ContainsKey(id);

    public static string HelpUri(string id) => HelpBase + id + ".md";

    // Source stage (loader) and schema stage.
    private static readonly DiagnosticDescriptor[] SourceAndSchema =
    {
        new("DCS0001", Severity.Error, "File cannot be read", "source"),
        new("DCS0002", Severity.Error, "YAML syntax error", "source"),
        new("DCS0003", Severity.Error, "File is not valid text (encoding, NUL bytes or binary)", "source"),
        new("DCS0004", Severity.Error, "Alias expansion limit exceeded", "source"),
        new("DCS0005", Severity.Error, "Nesting depth limit exceeded", "source"),
        new("DCS0006", Severity.Error, "File is larger than the size limit", "source"),
        new("DCS0007", Severity.Error, "Duplicate key", "source"),
        new("DCS0008", Severity.Error, "Include cannot be resolved", "source"),
        new("DCS0009", Severity.Error, "Include escapes the project root", "source"),
        new("DCS0010", Severity.Error, "Include cycle", "source"),
        new("DCS0011", Severity.Error, "Empty statement", "source"),
        new("DCS0012", Severity.Error, "More than one YAML document in a file", "source"),
        new("DCS0013", Severity.Error, "Unsupported YAML tag", "source"),
        new("DCS0050", Severity.Error, "Value has the wrong type", "schema"),
        new("DCS0051", Severity.Error, "Unknown key", "schema"),
        new("DCS0052", Severity.Error, "Required key is missing", "schema"),
        new("DCS0053", Severity.Error, "Value is not one of the allowed values", "schema"),
        new("DCS0054", Severity.Error, "Value does not have the required form", "schema"),
        new("DCS0055", Severity.Error, "Value is out of range", "schema"),
        new("DCS0056", Severity.Error, "List or text has the wrong length", "schema"),
        new("DCS0057", Severity.Error, "Value is not valid against the schema", "schema"),
        new("DCS0058", Severity.Error, "Duplicate list item", "schema"),
    };
}
