using System.Reflection;

namespace Dcsc.Diagnostics;

/// <summary>A diagnostic id with its default severity and one-line title (the page docs/rules/&lt;id&gt;.md explains it).</summary>
public sealed record DiagnosticDescriptor(string Id, Severity DefaultSeverity, string Title, string Category)
{
    /// <summary>The finding at <paramref name="span"/> with the default severity (the Rules stage applies dcsc.yaml).</summary>
    internal Diagnostic At(SourceSpan span, string message) => new(Id, DefaultSeverity, message, span);
}

/// <summary>
/// The one catalogue of every diagnostic id dcsc can emit, in the manner of Bicep's DiagnosticBuilder: one typed method
/// per id (e.g. <c>DiagnosticCatalogue.DuplicateKey(span, message)</c>) and its descriptor (id, default severity, title,
/// category) in <see cref="Descriptors"/>. Code never writes <c>new Diagnostic(...)</c> or an id as a string.
/// The files are split by stage: DiagnosticCatalogue.Source.cs, .Schema.cs, .Rules.cs, .Rules.Ps34.cs, .Layout.cs,
/// .Build.cs. Ranges: DCS0001-0049 source files and YAML, DCS0050-0099 schema, DCS0100-0199 UIDs, DCS0200-0299
/// attributes, DCS0300-0399 consistency, DCS0400-0499 protocol facts, DCS0500-0599 PS3.2 conventions and layout,
/// DCS1000-1999 PS3.4 conformance requirements, DCS9000-9999 build and tool errors.
///
/// To add an id: (1) in the file of the stage that reports it, add a descriptor line
/// <c>public static readonly DiagnosticDescriptor Name = new("DCSnnnn", Severity.X, "Title", "category");</c> to
/// <see cref="Descriptors"/> (keep the <c>new("…", Severity.…, "…", "…")</c> form on one line: tools/gen_rule_docs.py
/// reads it) and the method <c>public static Diagnostic Name(SourceSpan at, string message) =&gt; Descriptors.Name.At(at, message);</c>;
/// (2) report it with <c>bag.Add(DiagnosticCatalogue.Name(span, message))</c> (rules: <c>ctx.Report(...)</c>, and list
/// <c>Descriptors.Name</c> in the rule's <c>Ids</c>); (3) add its page to tools/gen_rule_docs.py (a failing and a
/// passing example) and run it; CONTRIBUTING.md has the whole recipe. The per-id lines repeat one shape on purpose
/// (CONTRIBUTING.md, "Repeated code").
/// </summary>
public static partial class DiagnosticCatalogue
{
    public const string HelpBase = "https://github.com/dcsc-project/dcsc/blob/main/docs/rules/";

    private static readonly Lazy<Dictionary<string, DiagnosticDescriptor>> ById = new(() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToDictionary(d => d.Id, StringComparer.Ordinal));

    public static IReadOnlyCollection<DiagnosticDescriptor> All => ById.Value.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    public static DiagnosticDescriptor Get(string id) =>
        ById.Value.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"diagnostic id {id} is not in the catalogue");

    public static bool Contains(string id) => ById.Value.ContainsKey(id);

    public static string HelpUri(string id) => HelpBase + id + ".md";
}
