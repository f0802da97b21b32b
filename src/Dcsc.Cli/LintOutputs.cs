using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;

namespace Dcsc.Cli;

/// <summary>One lint report: a format and where it goes (null: standard output).</summary>
public sealed record LintOutput(string Format, string? Path);

/// <summary>
/// The output side of <c>dcsc lint</c>: report formats (each to stdout or its own file), the baseline of
/// known findings, and the exit code. Kept out of CommandLine.cs so the lint verb stays a thin parser.
/// </summary>
public static class LintOutputs
{
    public static readonly string[] Formats = { "text", "json", "sarif", "github", "markdown" };

    public static Option<string[]> FormatOption() => new("--format")
    {
        Description =
            "Report format: text (compiler style, default), json, sarif (SARIF 2.1.0), github (workflow-command\n" +
            "annotations), markdown (summary table for a pull-request comment). Repeat it for several reports;\n" +
            "FORMAT=FILE writes that report to FILE, a format without a file goes to standard output (at most one).\n" +
            "Example: --format github --format sarif=dcsc.sarif --format markdown=summary.md",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        HelpName = "FORMAT[=FILE]",
    };

    public static Option<string?> OutputOption() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output (with a single --format; same as FORMAT=FILE).",
        HelpName = "FILE",
    };

    public static Option<string?> BaselineOption() => new("--baseline")
    {
        Description = "Ignore the known findings recorded in this baseline file (JSON); only new findings are reported and count.",
        HelpName = "FILE",
    };

    public static Option<bool> UpdateBaselineOption() => new("--update-baseline")
    {
        Description = "Record all current findings in the --baseline file (created or replaced), then report against it.",
    };

    public static Option<bool> WarningsAsErrorsOption() => new("--warnings-as-errors")
    {
        Description = "Report warnings as errors (and exit 1 when there are any).",
    };

    /// <summary>The requested reports, or null after writing a usage error.</summary>
    public static IReadOnlyList<LintOutput>? Parse(string[]? formats, string? output, TextWriter stderr)
    {
        var list = new List<LintOutput>();
        foreach (var raw in (formats is { Length: > 0 } ? formats : new[] { "text" }).SelectMany(SplitList))
        {
            var eq = raw.IndexOf('=');
            var name = (eq < 0 ? raw : raw[..eq]).Trim().ToLowerInvariant();
            var path = eq < 0 ? null : raw[(eq + 1)..].Trim();
            if (!Formats.Contains(name))
            {
                stderr.WriteLine($"dcsc: unknown --format '{name}'; use one of {string.Join(", ", Formats)} (optionally FORMAT=FILE)");
                return null;
            }
            if (path is "") { stderr.WriteLine($"dcsc: --format {name}= needs a file name after '='"); return null; }
            list.Add(new LintOutput(name, path));
        }
        if (output is not null)
        {
            var toStdout = list.Where(o => o.Path is null).ToList();
            if (toStdout.Count != 1)
            {
                stderr.WriteLine("dcsc: --output applies to exactly one --format without a file; write several reports as --format FORMAT=FILE");
                return null;
            }
            list[list.IndexOf(toStdout[0])] = toStdout[0] with { Path = output };
        }
        if (list.Count(o => o.Path is null) > 1)
        {
            stderr.WriteLine("dcsc: only one report can go to standard output; give the others a file (--format FORMAT=FILE)");
            return null;
        }
        var dup = list.Where(o => o.Path is not null).GroupBy(o => Path.GetFullPath(o.Path!)).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) { stderr.WriteLine($"dcsc: two reports would be written to {dup.First().Path}"); return null; }
        return list;
    }

    /// <summary>Reports and baselines go through the one output writer (all or nothing, never through a link).</summary>
    private static void WriteFile(string path, string text) =>
        Dcsc.Output.AtomicFileWriter.WriteAll([(path, new System.Text.UTF8Encoding(false).GetBytes(text))]);

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Applies options and baseline, writes every report, and returns the exit code.</summary>
    public static int Report(IReadOnlyList<Diagnostic> diagnostics, int files, IReadOnlyList<LintOutput> outputs,
        string? baselinePath, bool updateBaseline, bool warningsAsErrors, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<Diagnostic> all = warningsAsErrors
            ? diagnostics.Select(d => d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d).ToList()
            : diagnostics;

        int suppressed = 0;
        if (updateBaseline && baselinePath is null)
        {
            stderr.WriteLine("dcsc: --update-baseline needs --baseline FILE");
            return CommandLine.UsageError;
        }
        if (baselinePath is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;
            Baseline baseline;
            if (updateBaseline)
            {
                baseline = Baseline.Create(all, folder);
                try { WriteFile(baselinePath, baseline.ToJson()); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine(DiagnosticCatalogue.OutputCannotBeWritten(SourceSpan.None("dcsc"), $"cannot write the baseline {baselinePath}: {e.Message}"));
                    return CommandLine.InputErrors;
                }
                stderr.WriteLine($"dcsc: wrote {baselinePath} with {baseline.Entries.Count} finding(s)");
            }
            else
            {
                if (!File.Exists(baselinePath))
                {
                    stderr.WriteLine($"dcsc: the baseline {baselinePath} does not exist; create it with --baseline {baselinePath} --update-baseline");
                    return CommandLine.UsageError;
                }
                try { baseline = Baseline.Load(baselinePath); }
                catch (FormatException e)
                {
                    stderr.WriteLine($"dcsc: {baselinePath}: {e.Message}");
                    return CommandLine.UsageError;
                }
            }
            (all, suppressed) = baseline.Filter(all, folder);
        }

        var paths = ArtifactPaths.FromCurrentDirectory();
        foreach (var o in outputs)
        {
            var text = o.Format switch
            {
                "json" => DiagnosticFormatter.Json(all),
                "sarif" => SarifFormatter.Format(all, paths),
                "github" => GitHubFormatter.Format(all, paths),
                "markdown" => MarkdownFormatter.Format(all, paths, files, suppressed),
                _ => DiagnosticFormatter.Text(all),
            };
            if (o.Path is null) { stdout.Write(text); continue; }
            try { WriteFile(o.Path, text); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(DiagnosticCatalogue.OutputCannotBeWritten(SourceSpan.None("dcsc"), $"cannot write {o.Path}: {e.Message}"));
                return CommandLine.InputErrors;
            }
        }

        var summary = DiagnosticFormatter.Summary(all, files);
        if (suppressed > 0) summary += $" ({suppressed} known finding(s) suppressed by the baseline)";
        stderr.WriteLine(summary);
        return all.Any(d => d.Severity == Severity.Error) ? CommandLine.InputErrors : CommandLine.Ok;
    }
}
