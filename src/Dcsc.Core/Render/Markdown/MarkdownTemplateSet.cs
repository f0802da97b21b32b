using System.Reflection;
using System.Text;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using Scriban;
using Scriban.Parsing;

namespace Dcsc.Render.Md;

/// <summary>A parsed template, where it came from, and the name of the variable that holds its value.</summary>
internal sealed record LoadedTemplate(string Name, Template Template, string File, string Variable, bool BuiltIn);

/// <summary>
/// The Markdown templates of one build: the embedded ones (<c>templates/markdown/*.sbn</c>), each replaceable by a
/// file of the same name in the <c>--templates</c> folder, which may also add <c>section.&lt;key&gt;</c> and
/// <c>table.&lt;key&gt;</c> templates for one section or table of the PS3.2 template, and partials of its own.
/// Template files are untrusted input (docs/limits.md): regular files directly in the folder, bounded in size and number.
/// </summary>
internal sealed class MarkdownTemplateSet
{
    /// <summary>The embedded templates, by name (file <c>&lt;name&gt;.sbn</c>), and the variable each one gets.</summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltInVariables = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        // section families: one section each (heading and blocks; subsections are rendered after it)
        ["section"] = "section", ["overview"] = "section", ["introduction"] = "section", ["revision-history"] = "section",
        // the cover and the blocks of a section
        ["cover"] = "cover", ["table"] = "table", ["figure"] = "figure", ["na"] = "section",
        // primitives
        ["heading"] = "section", ["paragraph"] = "paragraph", ["list"] = "list", ["inlines"] = "inlines", ["author"] = "author", ["toc"] = "toc",
    };

    public static IEnumerable<string> BuiltInNames => BuiltInVariables.Keys;

    /// <summary>File name endings of a template (Scriban's two conventions).</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".sbn", ".scriban" };

    /// <summary>Size of one template file.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Template files in one folder.</summary>
    public const int MaxFiles = 500;

    private const string ResourcePrefix = "Dcsc.Templates.markdown.";

    private readonly Dictionary<string, LoadedTemplate> _templates;

    private MarkdownTemplateSet(Dictionary<string, LoadedTemplate> templates) => _templates = templates;

    public bool Has(string name) => _templates.ContainsKey(name);

    public bool TryGet(string name, out LoadedTemplate template) => _templates.TryGetValue(name, out template!);

    /// <summary>The template is the embedded one (not replaced from the templates folder).</summary>
    public bool IsBuiltIn(string name) => _templates.TryGetValue(name, out var t) && t.BuiltIn;

    /// <summary>
    /// The template that renders a section: <c>section.&lt;key&gt;</c> if the folder has one, else the template of its
    /// family — Section 1 <c>overview</c>, 3.1 <c>revision-history</c>, the rest of Section 3 <c>introduction</c> — else <c>section</c>.
    /// </summary>
    public string SectionTemplate(LaidOutSection section)
    {
        if (_templates.ContainsKey("section." + section.Key)) return "section." + section.Key;
        var key = section.Key;
        if (key == "intro_revision_history") return "revision-history";
        if (key == "introduction" || key.StartsWith("intro_", StringComparison.Ordinal)) return "introduction";
        if (key == "overview" || key.StartsWith("overview_", StringComparison.Ordinal)) return "overview";
        return "section";
    }

    /// <summary>The embedded text of a built-in template.</summary>
    public static string DefaultText(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".sbn")
            ?? throw new InvalidOperationException($"embedded template {name}.sbn is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The embedded templates with those of <paramref name="directory"/> in their place, or null with DCS9002 diagnostics.</summary>
    public static MarkdownTemplateSet? Load(string? directory, List<Diagnostic> diagnostics)
    {
        var sources = new SortedDictionary<string, (string Text, string File, bool BuiltIn)>(StringComparer.Ordinal);
        foreach (var name in BuiltInNames) sources[name] = (DefaultText(name), $"templates/markdown/{name}.sbn (embedded)", true);
        if (directory is not null && !ReadFolder(directory, sources, diagnostics)) return null;

        var templates = new Dictionary<string, LoadedTemplate>(StringComparer.Ordinal);
        foreach (var (name, (text, file, builtIn)) in sources)
        {
            var template = Template.Parse(text.Replace("\r\n", "\n"), file);
            if (template.HasErrors)
            {
                foreach (var m in template.Messages.Where(m => m.Type == ParserMessageType.Error).Take(5))
                    diagnostics.Add(DiagnosticCatalogue.TemplateFails(Span(file, m.Span), $"template {Path.GetFileName(file.Replace(" (embedded)", ""))} cannot be parsed: {m.Message}"));
                continue;
            }
            templates[name] = new LoadedTemplate(name, template, file, VariableOf(name), builtIn);
        }
        return diagnostics.Any(d => d.Severity == Severity.Error) ? null : new MarkdownTemplateSet(templates);
    }

    /// <summary>The variable a template's value is bound to: its kind (<c>section</c>, <c>table</c>, …), <c>model</c> for a partial of the folder's own.</summary>
    private static string VariableOf(string name)
    {
        if (BuiltInVariables.TryGetValue(name, out var v)) return v;
        if (name.StartsWith("section.", StringComparison.Ordinal)) return "section";
        if (name.StartsWith("table.", StringComparison.Ordinal)) return "table";
        return "model";
    }

    /// <summary>A Scriban position (0-based) as a dcsc span (1-based line and column).</summary>
    public static Diagnostics.SourceSpan Span(string file, Scriban.Parsing.SourceSpan span) =>
        new(file, span.Start.Line + 1, span.Start.Column + 1, span.End.Line + 1, span.End.Column + 2);

    // ------------------------------------------------------------------ the templates folder

    private static bool ReadFolder(string directory, SortedDictionary<string, (string Text, string File, bool BuiltIn)> sources, List<Diagnostic> diagnostics)
    {
        void Error(string file, string message) => diagnostics.Add(DiagnosticCatalogue.TemplateFails(Diagnostics.SourceSpan.None(file), message));

        if (!Directory.Exists(directory))
        {
            Error(directory, $"template folder {directory} does not exist");
            return false;
        }
        var folder = Path.GetFullPath(directory);
        var entries = Directory.EnumerateFileSystemEntries(folder).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var templateFiles = entries.Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal))).ToList();
        var handlebars = entries.Where(f => f.EndsWith(".hbs", StringComparison.Ordinal)).ToList();
        if (handlebars.Count > 0)
        {
            Error(handlebars[0], $"template folder {directory} has Handlebars templates ({string.Join(", ", handlebars.Take(5).Select(Path.GetFileName))}{(handlebars.Count > 5 ? ", …" : "")}); "
                + "dcsc templates are Scriban now (.sbn). Port each file: {{x}} becomes {{ x }} (escaped as before), {{{x}}} becomes {{ x }} for the fields that were safe raw (docs/layout.md lists them), "
                + "{{#if x}}…{{/if}} becomes {{ if x }}…{{ end }}, {{#each xs}}…{{this}}…{{/each}} becomes {{ for x in xs }}…{{ x }}…{{ end }}, {{> inlines inlines}} becomes {{ include 'inlines' paragraph.inlines }}; "
                + "the built-in .sbn files in templates/markdown/ are the starting point. See docs/layout.md, \"Templates\"");
            return false;
        }
        if (templateFiles.Count > MaxFiles)
        {
            Error(folder, $"template folder {directory} has {templateFiles.Count} template files; the limit is {MaxFiles}");
            return false;
        }
        var keys = TemplateKeys.Value;
        foreach (var file in templateFiles)
        {
            var fileName = Path.GetFileName(file);
            var name = fileName[..fileName.LastIndexOf('.')];
            if (sources.TryGetValue(name, out var existing) && !existing.BuiltIn)
            {
                Error(file, $"template {name} is given twice: {Path.GetFileName(existing.File)} and {fileName}");
                continue;
            }
            if (name.StartsWith("section.", StringComparison.Ordinal) && !keys.Sections.Contains(name["section.".Length..]))
            {
                Error(file, $"template {fileName} names no section of the PS3.2 template (section.<key>, e.g. section.intro_revision_history; the keys are in docs/coverage.md)");
                continue;
            }
            if (name.StartsWith("table.", StringComparison.Ordinal) && !keys.Tables.Contains(name["table.".Length..]))
            {
                Error(file, $"template {fileName} names no table of the PS3.2 template (table.<key>, e.g. table.storage_sop_classes; the keys are in docs/coverage.md)");
                continue;
            }
            var text = TemplateFile.Read(folder, file, MaxFileBytes, out var problem);
            if (text is null) { Error(file, $"template {fileName} is refused: {problem}"); continue; }
            sources[name] = (text, file, false);
        }
        return !diagnostics.Any(d => d.Severity == Severity.Error);
    }

    private static readonly Lazy<(HashSet<string> Sections, HashSet<string> Tables)> TemplateKeys = new(() =>
    {
        var sections = new HashSet<string>(StringComparer.Ordinal);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in TemplateData.Walk(TemplateData.Template.Sections))
        {
            sections.Add(s.Key);
            foreach (var t in s.Tables) tables.Add(t.Key);
        }
        return (sections, tables);
    });
}
