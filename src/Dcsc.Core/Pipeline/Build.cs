using System.Text;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using Dcsc.Render.Md;

namespace Dcsc.Pipeline;

public sealed record BuildOptions
{
    /// <summary>Output formats: md, html, docx.</summary>
    public IReadOnlyList<string> Formats { get; init; } = new[] { "md" };
    /// <summary>Folder with Markdown template overrides (<c>&lt;name&gt;.hbs</c>).</summary>
    public string? TemplatesDirectory { get; init; }
    public LayoutOptions Layout { get; init; } = new();
}

/// <summary>One output file's content (extension without dot: md, html, docx).</summary>
public sealed record BuildOutput(string Extension, byte[] Content);

/// <summary>Diagnostics of a build and, when there were no errors, the outputs.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<BuildOutput>? Outputs, string? Markdown);

/// <summary>Check → Layout → Markdown (→ HTML, DOCX). Nothing is produced when any stage reports an error.</summary>
public static class Build
{
    public static BuildResult Run(string path, BuildOptions? options = null) => Continue(Compilation.Check(path), options ?? new BuildOptions());

    public static BuildResult RunText(string displayPath, string yaml, BuildOptions? options = null) =>
        Continue(Compilation.CheckText(displayPath, yaml), options ?? new BuildOptions());

    private static BuildResult Continue(CheckResult check, BuildOptions options)
    {
        var diagnostics = new List<Diagnostic>(check.Diagnostics.Sorted());
        if (check.HasErrors || check.Statement is null) return new BuildResult(diagnostics, null, null);
        var document = StatementLayout.Layout(check.Statement, options.Layout);
        diagnostics.AddRange(document.Diagnostics);
        var md = MarkdownRenderer.Render(document, options.TemplatesDirectory);
        diagnostics.AddRange(md.Diagnostics);
        if (!md.Success || diagnostics.Any(d => d.Severity == Severity.Error)) return new BuildResult(diagnostics, null, null);
        var markdown = md.Markdown!;
        var outputs = new List<BuildOutput>();
        foreach (var f in options.Formats)
        {
            outputs.Add(f switch
            {
                "md" => new BuildOutput("md", new UTF8Encoding(false).GetBytes(markdown)),
                "html" => new BuildOutput("html", new UTF8Encoding(false).GetBytes(Dcsc.Render.Html.HtmlRenderer.Render(markdown))),
                "docx" => new BuildOutput("docx", Dcsc.Render.Docx.DocxRenderer.Render(markdown)),
                _ => throw new ArgumentException($"unknown output format {f}", nameof(options)),
            });
        }
        return new BuildResult(diagnostics, outputs, markdown);
    }
}
