using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Pipeline;
using Dcsc.Schema;

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
                stdout.WriteLine($"dictionary: {DictionaryEdition()}");
                return Ok;
            }
            stderr.WriteLine("dcsc: a command is required (lint, build, schema). Run 'dcsc --help' for usage.");
            return UsageError;
        });

        root.Subcommands.Add(LintCommand(stdout, stderr));
        root.Subcommands.Add(SchemaCommand(stdout));
        return root;
    }

    internal static string DictionaryEdition() => Dcsc.Dictionary.DicomDictionary.Standard.Edition;

    private static Command LintCommand(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "Statement files (YAML) to check.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format: text (compiler style, default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "Configuration file (dcsc.yaml) with rule severities; default: dcsc.yaml in the statement's folder or above it, up to the repository root." };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Report rule warnings as errors (the exit code is then 1)." };
        var cmd = new Command("lint",
            "Check statements against the schema, the DICOM dictionary and the PS3.2/PS3.4 rules.\n" +
            "Prints diagnostics as path(line,col): severity DCSnnnn: message.\n" +
            "Rule severities come from dcsc.yaml (`rules: { DCS0104: off | warning | error }`).\n" +
            "Exit codes: 0 no errors, 1 errors in the input, 2 usage error, 3 internal error.")
        { files, format, config, warningsAsErrors };
        cmd.SetAction(p =>
        {
            var all = new List<Diagnostic>();
            var seen = new HashSet<Diagnostic>();
            var paths = p.GetValue(files)!;
            var options = new CheckOptions(p.GetValue(config), p.GetValue(warningsAsErrors));
            foreach (var path in paths)
                foreach (var d in Compilation.Check(path, options: options).Diagnostics.Sorted())
                    if (seen.Add(d)) all.Add(d); // a configuration shared by several files reports its problems once
            if (p.GetValue(format) == "json") stdout.Write(DiagnosticFormatter.Json(all));
            else
            {
                stdout.Write(DiagnosticFormatter.Text(all));
                stderr.WriteLine(DiagnosticFormatter.Summary(all, paths.Length));
            }
            return all.Any(d => d.Severity == Severity.Error) ? InputErrors : Ok;
        });
        return cmd;
    }

    private static Command SchemaCommand(TextWriter stdout)
    {
        var cmd = new Command("schema", "Print the JSON schema of the statement source format (for editor completion; see docs/source-format.md).");
        cmd.SetAction(_ => { stdout.Write(SchemaValidator.SchemaText); return Ok; });
        return cmd;
    }
}
