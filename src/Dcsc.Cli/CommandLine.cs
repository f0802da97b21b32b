using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Pipeline;
using Dcsc.Schema;
using Dcsc.Tool;

namespace Dcsc.Cli;

/// <summary>The dcsc command line: verbs parse arguments and call the pipeline stages, nothing more.</summary>
public static class CommandLine
{
    public const int Ok = 0, InputErrors = 1, UsageError = 2, InternalError = 3;

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = BuildRoot(stdout, stderr);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) stderr.WriteLine($"dcsc: {e.Message}");
                stderr.WriteLine("Run 'dcsc --help' for usage.");
                return UsageError;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // Bad input never gets here (stages report diagnostics); this is a bug in dcsc.
            stderr.WriteLine($"dcsc: internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in dcsc; please report it with the input that caused it.");
            if (Environment.GetEnvironmentVariable("DCSC_DEBUG") == "1") stderr.WriteLine(e);
            return InternalError;
        }
    }

    private static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "dcsc — the DICOM Conformance Statement compiler.\n" +
            "Compiles one YAML source into a DICOM PS3.2 Conformance Statement (Markdown, HTML, DOCX)\n" +
            "and lints it against a JSON schema, the DICOM data dictionary and the rules of PS3.2/PS3.4.");
        foreach (var o in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(o);
        var version = new Option<bool>("--version") { Description = "Print the dcsc version, the PS3.2 template edition and the dictionary edition." };
        root.Options.Add(version);
        root.SetAction(p =>
        {
            if (p.GetValue(version))
            {
                stdout.WriteLine($"dcsc {ToolInfo.Version}");
                stdout.WriteLine($"template: {ToolInfo.TemplateEdition}");
                stdout.WriteLine($"source format: {ToolInfo.SourceFormatVersion}");
                stdout.WriteLine($"dictionary: {DictionaryEdition()}");
                return Ok;
            }
            stderr.WriteLine("dcsc: a command is required (lint, build, schema). Run 'dcsc --help' for usage.");
            return UsageError;
        });

        root.Subcommands.Add(LintCommand(stdout, stderr));
        root.Subcommands.Add(BuildCommand(stdout, stderr));
        root.Subcommands.Add(SchemaCommand(stdout));
        root.Subcommands.Add(MatchCommand.Build(stdout, stderr));
        root.Subcommands.Add(DiffCommand.Create(stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Create(stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>
    /// The front of the pipeline for the commands that compare two statements (diff, match): both bound, or their
    /// diagnostics printed (text or JSON) and null returned. <paramref name="options"/>: the stages to run (default:
    /// up to the Model stage; match runs the Rules stage too, so a statement with rule errors is refused).
    /// </summary>
    internal static (Dcsc.Model.Statement A, Dcsc.Model.Statement B)? CheckPair(string a, string b, string command, bool json, TextWriter stdout, TextWriter stderr,
        CheckOptions? options = null)
    {
        var ra = Compilation.Check(a, options: options ?? CheckOptions.ModelOnly);
        var rb = Compilation.Check(b, options: options ?? CheckOptions.ModelOnly);
        if (ra.Statement is not null && rb.Statement is not null && !ra.HasErrors && !rb.HasErrors) return (ra.Statement, rb.Statement);
        var all = ra.Diagnostics.Sorted().Concat(rb.Diagnostics.Sorted()).ToList();
        stdout.Write(json ? DiagnosticFormatter.Json(all) : DiagnosticFormatter.Text(all));
        stderr.WriteLine(DiagnosticFormatter.Summary(all, 2));
        stderr.WriteLine($"dcsc: {command} needs two statements without errors; fix them first (dcsc lint).");
        return null;
    }

    internal static string DictionaryEdition() => Dcsc.Dictionary.DicomDictionary.Standard.Edition;

    private static Command LintCommand(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "Statement files (YAML) to check.", Arity = ArgumentArity.OneOrMore };
        var format = LintOutputs.FormatOption();
        var output = LintOutputs.OutputOption();
        var baseline = LintOutputs.BaselineOption();
        var updateBaseline = LintOutputs.UpdateBaselineOption();
        var warningsAsErrors = LintOutputs.WarningsAsErrorsOption();
        var config = new Option<string?>("--config") { Description = "Configuration file (dcsc.yaml) with rule severities; default: dcsc.yaml in the statement's folder or above it, up to the repository root." };
        var cmd = new Command("lint",
            "Check statements against the schema, the DICOM dictionary and the PS3.2/PS3.4 rules.\n" +
            "Prints diagnostics as path(line,col): severity DCSnnnn: message.\n" +
            "Rule severities come from dcsc.yaml (`rules: { DCS0104: off | warning | error }`, see docs/rules/README.md).\n" +
            "Reports go to standard output or, with --format FORMAT=FILE, to files (see docs/ci.md).\n" +
            "Exit codes: 0 no errors, 1 errors in the input, 2 usage error, 3 internal error.")
        { files, format, output, baseline, updateBaseline, warningsAsErrors, config };
        cmd.SetAction(p =>
        {
            var outputs = LintOutputs.Parse(p.GetValue(format), p.GetValue(output), stderr);
            if (outputs is null) return UsageError;
            var all = new List<Diagnostic>();
            var seen = new HashSet<Diagnostic>();
            var paths = p.GetValue(files)!;
            var options = new CheckOptions(p.GetValue(config), p.GetValue(warningsAsErrors));
            foreach (var path in paths)
                foreach (var d in Dcsc.Pipeline.Lint.Run(path, options))
                    if (seen.Add(d)) all.Add(d); // a configuration shared by several files reports its problems once
            return LintOutputs.Report(all, paths.Length, outputs, p.GetValue(baseline), p.GetValue(updateBaseline),
                p.GetValue(warningsAsErrors), stdout, stderr);
        });
        return cmd;
    }

    private static readonly string[] BuildFormats = { "md", "html", "docx", "pdf", "json", "wadl" };

    private static Command BuildCommand(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("statement") { Description = "The statement file (YAML)." };
        var output = new Option<string>("--output", "-o") { Description = "Output folder (default: out).", DefaultValueFactory = _ => "out" };
        var format = new Option<string>("--format") { Description = "Comma-separated output formats: md, html, docx, pdf (default: md); json, the normalized statement for other tools, and wadl, the PS3.18 capabilities document of a DICOMweb origin server (docs/machine-readable.md). pdf needs WeasyPrint (Debian package weasyprint; docs/pdf.md).", DefaultValueFactory = _ => "md" };
        var templates = new Option<string?>("--templates") { Description = "Folder with Scriban templates (<name>.sbn) that replace the built-in Markdown templates of the same name, or add section.<key>.sbn / table.<key>.sbn for one section or table (docs/layout.md)." };
        var na = new Option<string>("--na") { Description = "N/A sections: collapse (drop the N/A subsections of an N/A section, default) or keep.", DefaultValueFactory = _ => "collapse" };
        na.AcceptOnlyFromAmong("keep", "collapse");
        var referenceDoc = new Option<string?>("--reference-doc") { Description = "A .docx whose styles (fonts, colours, heading and table styles) the DOCX output uses, as pandoc does (docs/docx-styles.md)." };
        var tocLevels = new Option<int>("--toc-levels") { Description = "Heading levels the DOCX and printed (PDF) table of contents list, 1-6 (default: 3).", DefaultValueFactory = _ => 3 };
        tocLevels.AcceptOnlyFromAmong("1", "2", "3", "4", "5", "6");
        var watch = new Option<bool>("--watch") { Description = "Rebuild whenever the statement or a file it includes changes; Ctrl+C stops." };
        var cmd = new Command("build",
            "Compile a statement into a PS3.2 Conformance Statement: <output>/<statement name>.md (and .html, .docx, .pdf;\n" +
            ".json, the normalized statement; .wadl, the DICOMweb capabilities document).\n" +
            "Nothing is written when the statement has errors; earlier outputs stay as they were.\n" +
            "Exit codes: 0 built, 1 errors in the input (or templates), 2 usage error, 3 internal error.")
        { file, output, format, templates, na, referenceDoc, tocLevels, watch };
        cmd.SetAction(p =>
        {
            var formats = (p.GetValue(format) ?? "md").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.ToLowerInvariant()).Distinct().ToList();
            var unknown = formats.Where(f => !BuildFormats.Contains(f)).ToList();
            if (formats.Count == 0 || unknown.Count > 0)
            {
                stderr.WriteLine($"dcsc: unknown output format '{string.Join(",", unknown)}'; use md, html, docx, pdf, json and/or wadl (e.g. --format md,html).");
                return UsageError;
            }
            byte[]? reference = null;
            var referencePath = p.GetValue(referenceDoc);
            if (referencePath is not null)
            {
                var read = Dcsc.Source.BoundedFile.Read(referencePath, Dcsc.Render.Docx.ReferenceDocument.MaxPackageBytes);
                if (!read.Ok)
                {
                    stdout.WriteLine(DiagnosticCatalogue.ReferenceDocumentUnusable(SourceSpan.None(referencePath), "the reference document cannot be read: " + read.Message));
                    stderr.WriteLine("dcsc: nothing was written.");
                    return InputErrors;
                }
                reference = read.Bytes;
            }
            var path = p.GetValue(file)!;
            var options = new Dcsc.Pipeline.BuildOptions
            {
                Formats = formats, TemplatesDirectory = p.GetValue(templates), ReferenceDocx = reference, ReferenceDocxPath = referencePath,
                TocLevels = p.GetValue(tocLevels),
                Layout = new Dcsc.Layout.LayoutOptions { KeepNaSubsections = p.GetValue(na) == "keep" },
            };
            var outDir = p.GetValue(output) ?? "out";
            var (code, files) = BuildOnce(path, outDir, options, stdout, stderr);
            if (!p.GetValue(watch)) return code;
            return new Watch(log: stderr).RunUntilCancelled(files, () => BuildOnce(path, outDir, options, stdout, stderr).Files);
        });
        return cmd;
    }

    /// <summary>One build: diagnostics to stdout, outputs written atomically (all or none).</summary>
    private static (int Code, IReadOnlyList<string> Files) BuildOnce(string path, string outDir, Dcsc.Pipeline.BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
        var result = Dcsc.Pipeline.Build.Run(path, options);
        var diagnostics = result.Diagnostics;
        stdout.Write(DiagnosticFormatter.Text(diagnostics));
        if (result.Outputs is null)
        {
            stderr.WriteLine(DiagnosticFormatter.Summary(diagnostics, 1));
            stderr.WriteLine("dcsc: nothing was written.");
            return (InputErrors, result.Files);
        }
        var name = Path.GetFileNameWithoutExtension(path);
        var files = result.Outputs.Select(o => (Path.Combine(outDir, name + "." + o.Extension), o.Content)).ToList();
        try
        {
            using (StageTimer.Time("write")) Dcsc.Output.AtomicFileWriter.WriteAll(files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine(DiagnosticCatalogue.OutputCannotBeWritten(SourceSpan.None(outDir), $"output cannot be written: {e.Message}"));
            return (InputErrors, result.Files);
        }
        foreach (var (f, _) in files) stderr.WriteLine($"dcsc: wrote {f}");
        return (Ok, result.Files);
    }

    private static Command SchemaCommand(TextWriter stdout)
    {
        var cmd = new Command("schema", "Print the JSON schema of the statement source format (for editor completion; see docs/source-format.md).");
        cmd.SetAction(_ => { stdout.Write(SchemaValidator.SchemaText); return Ok; });
        return cmd;
    }
}
