using System.Text;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using Dcsc.Render.Md;
using Dcsc.Tool;

namespace Dcsc.Pipeline;

public sealed record BuildOptions
{
    /// <summary>Output formats: md, html, docx, pdf; json (the normalized statement), wadl (DICOMweb capabilities).</summary>
    public IReadOnlyList<string> Formats { get; init; } = new[] { "md" };
    /// <summary>Folder with Markdown templates (<c>&lt;name&gt;.sbn</c>) that replace the built-in ones; see docs/layout.md.</summary>
    public string? TemplatesDirectory { get; init; }
    public LayoutOptions Layout { get; init; } = new();
    /// <summary>A .docx whose styles the DOCX output uses (as pandoc's --reference-doc); see docs/docx-styles.md.</summary>
    public byte[]? ReferenceDocx { get; init; }
    /// <summary>Where the reference document came from, for diagnostics.</summary>
    public string? ReferenceDocxPath { get; init; }
    /// <summary>The PDF engine's command (default <c>weasyprint</c> on PATH); see docs/pdf.md.</summary>
    public string PdfEngine { get; init; } = Dcsc.Render.Pdf.PdfRenderer.DefaultEngine;
    /// <summary>Heading levels the DOCX and printed (HTML, PDF) tables of contents list, 1–6 (<c>--toc-levels</c>).</summary>
    public int TocLevels { get; init; } = 3;
}

/// <summary>One output file's content; written as &lt;statement name&gt;.&lt;Extension&gt; (md, html, docx, pdf, figure-4-1.svg).</summary>
public sealed record BuildOutput(string Extension, byte[] Content);

/// <summary>Diagnostics of a build and, when there were no errors, the outputs.</summary>
/// <summary>Files lists the statement and every file it includes (what <c>dcsc build --watch</c> watches).</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<BuildOutput>? Outputs, string? Markdown, IReadOnlyList<string> Files);

/// <summary>Check → Layout → Markdown (→ HTML, DOCX). Nothing is produced when any stage reports an error.</summary>
public static class Build
{
    public static BuildResult Run(string path, BuildOptions? options = null) => Continue(Compilation.Check(path), options ?? new BuildOptions());

    public static BuildResult RunText(string displayPath, string yaml, BuildOptions? options = null) =>
        Continue(Compilation.CheckText(displayPath, yaml), options ?? new BuildOptions());

    private static BuildResult Continue(CheckResult check, BuildOptions options)
    {
        var diagnostics = new List<Diagnostic>(check.Diagnostics.Sorted());
        var files = check.Source?.Files ?? new[] { check.Path };
        if (check.HasErrors || check.Statement is null) return new BuildResult(diagnostics, null, null, files);
        try
        {
            return Render(check, options, diagnostics, files);
        }
        catch (FormatException e)
        {
            // Author Markdown that the renderers refuse (docs/limits.md): nested too deeply, or too costly to parse.
            diagnostics.Add(DiagnosticCatalogue.MarkdownCannotBeRendered(SourceSpan.None(check.Path), "a Markdown text of the statement cannot be rendered: " + e.Message));
            return new BuildResult(diagnostics, null, null, files);
        }
    }

    private static BuildResult Render(CheckResult check, BuildOptions options, List<Diagnostic> diagnostics, IReadOnlyList<string> files)
    {
        LaidOutDocument document;
        // Generated figures are files next to <name>.md (the CLI writes <name>.<extension>): <name>.figure-4-1.svg.
        var layoutOptions = options.Layout with { FigureFilePrefix = FigureFilePrefix(check.Path) };
        using (StageTimer.Time("layout")) document = StatementLayout.Layout(check.Statement!, layoutOptions);
        IReadOnlyList<Dcsc.Figures.GeneratedFigure> figures;
        using (StageTimer.Time("figures")) figures = DrawFigures(check.Statement!, document);
        bool docx = options.Formats.Contains("docx");
        // The DOCX pictures (PNG) are painted on a second core while the Markdown and HTML are written.
        if (docx) PaintInBackground(figures);
        diagnostics.AddRange(check.Configured(document.Diagnostics));
        MarkdownResult md;
        using (StageTimer.Time("markdown")) md = MarkdownRenderer.Render(document, options.TemplatesDirectory);
        diagnostics.AddRange(md.Diagnostics);
        if (!md.Success || diagnostics.Any(d => d.Severity == Severity.Error)) return new BuildResult(diagnostics, null, null, files);
        // Control and bidirectional characters of author (or template) text never reach a document (docs/limits.md).
        var markdown = Dcsc.Source.UntrustedText.ForDocument(md.Markdown!);
        var outputs = new List<BuildOutput>();
        bool html = options.Formats.Contains("html") || options.Formats.Contains("pdf");
        // HTML (and PDF, printed from it) and DOCX read one parse of the Markdown.
        Dcsc.Render.DcscDocument? parsed = null;
        if (html || docx) using (StageTimer.Time("parse markdown")) parsed = Dcsc.Render.DcscDocument.Parse(markdown);
        string RenderHtml() => Dcsc.Render.Html.HtmlRenderer.Render(parsed!, new Dcsc.Render.Html.HtmlOptions { TocLevels = options.TocLevels, Figures = figures });
        // HTML and DOCX are independent renderings of the same Markdown and the two largest stages: with both asked
        // for, the HTML is written on a second core while the DOCX is written here (docs/performance.md).
        var htmlTask = docx && html ? Task.Run(RenderHtml) : null;
        string? page = null;
        string Html() => page ??= htmlTask is null ? RenderHtml() : htmlTask.GetAwaiter().GetResult();
        foreach (var f in options.Formats)
        {
            using var timer = StageTimer.Time(f);
            outputs.Add(f switch
            {
                "md" => new BuildOutput("md", new UTF8Encoding(false).GetBytes(markdown)),
                "html" => new BuildOutput("html", new UTF8Encoding(false).GetBytes(Html())),
                "docx" => Docx(parsed!, options, figures, diagnostics),
                "pdf" => Pdf(Html(), document, check.Path, options, diagnostics),
                "json" => new BuildOutput("json", Dcsc.Export.StatementJson.Write(check.Statement!)),
                "wadl" => Wadl(check, diagnostics),
                _ => throw new ArgumentException($"unknown output format {f}", nameof(options)),
            });
        }
        // The Markdown references the figures as SVG files beside it.
        if (options.Formats.Contains("md"))
            foreach (var fig in figures)
                outputs.Add(new BuildOutput(fig.FileName[layoutOptions.FigureFilePrefix.Length..], new UTF8Encoding(false).GetBytes(fig.Svg)));
        if (diagnostics.Any(d => d.Severity == Severity.Error)) return new BuildResult(diagnostics, null, null, files);
        return new BuildResult(diagnostics, outputs, markdown, files);
    }

    /// <summary>Paints the PNG of every figure part on the thread pool; the DOCX renderer waits for any it reaches first.</summary>
    private static void PaintInBackground(IReadOnlyList<Dcsc.Figures.GeneratedFigure> figures)
    {
        if (figures.Count == 0) return;
        Task.Run(() =>
        {
            foreach (var part in figures.SelectMany(f => f.Parts))
            {
                // A painting that fails fails again, with the same exception, where the DOCX renderer asks for it.
                try { _ = part.Png; }
                catch (Exception) { return; }
            }
        });
    }

    /// <summary>"ct-modality." for ct-modality.yaml: generated figure files are named after the statement.</summary>
    private static string FigureFilePrefix(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrEmpty(name) ? "" : name + ".";
    }

    /// <summary>The Figures stage: draws every figure the layout placed without an author image (Figures 1-1, 4-1).</summary>
    private static IReadOnlyList<Dcsc.Figures.GeneratedFigure> DrawFigures(Dcsc.Model.Statement statement, LaidOutDocument document)
    {
        var drawn = new List<Dcsc.Figures.GeneratedFigure>();
        foreach (var f in document.AllSections().SelectMany(x => x.Blocks).OfType<FigureBlock>())
            if (f.GeneratedRef is { } r && drawn.All(d => d.FileName != f.Source))
                drawn.Add(Dcsc.Figures.StatementFigures.Draw(statement, r, f.Source, $"Figure {f.Number} {f.Title}"));
        return drawn;
    }

    /// <summary>The PS3.18 capabilities document of a DICOMweb origin server; a statement without one is DCS9007 (nothing is written).</summary>
    private static BuildOutput Wadl(CheckResult check, List<Diagnostic> diagnostics)
    {
        if (Dcsc.Export.Wadl.HasOriginServer(check.Statement!)) return new BuildOutput("wadl", Dcsc.Export.Wadl.Write(check.Statement!));
        diagnostics.Add(DiagnosticCatalogue.NoOriginServer(check.Statement!.Location.Of("dicomweb"),
            "the statement declares no DICOMweb origin server (no `dicomweb.transactions` entry with `origin_server: true`, no `dicomweb.additions`): there is no capabilities document to write"));
        return new BuildOutput("wadl", Array.Empty<byte>());
    }

    /// <summary>The HTML printed by the PDF engine; a missing or failing engine is DCS9006 (nothing is written).</summary>
    private static BuildOutput Pdf(string html, LaidOutDocument document, string path, BuildOptions options, List<Diagnostic> diagnostics)
    {
        var epoch = options.Layout.SourceDateEpoch ?? (options.Layout.ReadEnvironment ? Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") : null);
        try
        {
            return new BuildOutput("pdf", Dcsc.Render.Pdf.PdfRenderer.Render(html, new Dcsc.Render.Pdf.PdfOptions
            {
                Engine = options.PdfEngine,
                SourceDateEpoch = Dcsc.Render.Pdf.PdfRenderer.SourceDateEpoch(epoch, document.Cover.Date),
            }));
        }
        catch (Dcsc.Render.Pdf.PdfEngineException e)
        {
            diagnostics.Add(DiagnosticCatalogue.PdfEngineFails(SourceSpan.None(path), e.Message));
            return new BuildOutput("pdf", Array.Empty<byte>());
        }
    }

    private static BuildOutput Docx(Dcsc.Render.DcscDocument parsed, BuildOptions options, IReadOnlyList<Dcsc.Figures.GeneratedFigure> figures, List<Diagnostic> diagnostics)
    {
        try
        {
            return new BuildOutput("docx", Dcsc.Render.Docx.DocxRenderer.Render(parsed,
                new Dcsc.Render.Docx.DocxOptions { ReferenceDocx = options.ReferenceDocx, TocLevels = options.TocLevels, Figures = figures }));
        }
        // A plain FormatException is refused author Markdown (DCS9005, reported by Continue), not the reference document.
        catch (Exception e) when (options.ReferenceDocx is not null && e is not OutOfMemoryException && e.GetType() != typeof(FormatException))
        {
            // A damaged or foreign reference document must not crash the build.
            var file = options.ReferenceDocxPath ?? "reference.docx";
            diagnostics.Add(DiagnosticCatalogue.ReferenceDocumentUnusable(SourceSpan.None(file), $"the reference document `{file}` cannot be used for its styles: {e.Message}"));
            return new BuildOutput("docx", Array.Empty<byte>());
        }
    }
}
