using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;
using Dcsc.Diff;
using Dcsc.Pipeline;

namespace Dcsc.Cli;

/// <summary><c>dcsc diff old new</c>: what changed in conformance between two statements.</summary>
public static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var oldFile = new Argument<string>("old") { Description = "The earlier statement (e.g. the last release's)." };
        var newFile = new Argument<string>("new") { Description = "The later statement." };
        var format = new Option<string>("--format") { Description = "Output: text (file(line,col): change, default), markdown (PR comment, release notes) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 1 when the statements differ (like git diff --exit-code); without it differences exit 0." };
        var revision = new Option<bool>("--revision-entry") { Description = "Print a row for the new statement's revision_history: (YAML) that summarises the changes, instead of the diff." };
        var date = new Option<string?>("--date") { Description = "Date of the revision entry, YYYY-MM-DD (default: product.date of the new statement, else SOURCE_DATE_EPOCH, else today).", HelpName = "YYYY-MM-DD" };
        var cmd = new Command("diff",
            "Compare two statements by meaning: Application Entities, SOP Classes and roles per AE, Transfer Syntax Sets,\n" +
            "DICOMweb transactions and media types, query keys, IODs and attributes, security profiles, character sets.\n" +
            "Formatting and order of declaration do not count. Each change names the file(line,col) it rests on.\n" +
            "Exit codes: 0 no differences (or differences without --exit-code), 1 differences with --exit-code or\n" +
            "errors in either statement, 2 usage error, 3 internal error.")
        { oldFile, newFile, format, exitCode, revision, date };
        cmd.SetAction(p =>
        {
            if (CommandLine.CheckPair(p.GetValue(oldFile)!, p.GetValue(newFile)!, "diff", p.GetValue(format) == "json", stdout, stderr) is not { } pair)
                return CommandLine.InputErrors;
            var (oldStatement, newStatement) = pair;
            var changes = StatementDiff.Compare(oldStatement, newStatement);
            if (p.GetValue(revision))
            {
                var d = p.GetValue(date) ?? newStatement.Product.Date ?? DefaultDate();
                if (!System.Text.RegularExpressions.Regex.IsMatch(d, @"^\d{4}-\d{2}-\d{2}$"))
                {
                    stderr.WriteLine($"dcsc: --date must be YYYY-MM-DD; found '{d}'");
                    return CommandLine.UsageError;
                }
                stdout.Write(DiffFormatter.RevisionEntry(newStatement, changes, d));
            }
            else
            {
                switch (p.GetValue(format))
                {
                    case "json": stdout.Write(DiffFormatter.Json(changes, oldStatement.Path, newStatement.Path)); break;
                    case "markdown": stdout.Write(DiffFormatter.Markdown(changes, oldStatement.Path, newStatement.Path, ArtifactPaths.FromCurrentDirectory())); break;
                    default: stdout.Write(DiffFormatter.Text(changes)); stderr.WriteLine(DiffFormatter.Summary(changes)); break;
                }
            }
            return changes.Count > 0 && p.GetValue(exitCode) ? CommandLine.InputErrors : CommandLine.Ok;
        });
        return cmd;
    }

    private static string DefaultDate()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var when = long.TryParse(epoch, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : DateTimeOffset.UtcNow;
        return when.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
