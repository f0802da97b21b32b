using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Match;
using Dcsc.Pipeline;

namespace Dcsc.Cli;

/// <summary><c>dcsc match a.yaml b.yaml</c>: can these two products communicate, and to what extent (docs/match.md).</summary>
internal static class MatchCommand
{
    /// <summary><c>dcsc match product.yaml --requirements site.yaml</c>: both files checked first (all stages; the site file by its schema).</summary>
    private static int CheckRequirements(string product, string site, string fmt, TextWriter stdout, TextWriter stderr)
    {
        var check = Compilation.Check(product, options: CheckOptions.Default);
        var bag = new DiagnosticBag();
        var requirements = SiteRequirements.Load(site, bag);
        var all = check.Diagnostics.Sorted().Concat(bag.Sorted()).ToList();
        if (check.HasErrors || check.Statement is null || requirements is null || bag.HasErrors)
        {
            stdout.Write(fmt == "json" ? DiagnosticFormatter.Json(all) : DiagnosticFormatter.Text(all));
            stderr.WriteLine(DiagnosticFormatter.Summary(all, 2));
            stderr.WriteLine("dcsc: match needs a statement and a requirements file without errors; fix them first.");
            return CommandLine.InputErrors;
        }
        var report = RequirementsCheck.Run(check.Statement, requirements);
        stdout.Write(fmt switch
        {
            "json" => RequirementsFormatter.Json(report),
            "markdown" => RequirementsFormatter.Markdown(report),
            _ => RequirementsFormatter.Text(report),
        });
        return report.Fails ? CommandLine.InputErrors : CommandLine.Ok;
    }

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var a = new Argument<string>("a") { Description = "Statement of the first product (YAML)." };
        var b = new Argument<string?>("b") { Description = "Statement of the second product (YAML); not with --requirements.", Arity = ArgumentArity.ZeroOrOne };
        var requirements = new Option<string?>("--requirements")
        {
            Description = "Check the one product against a site's requirements (YAML, schema/dcsc-requirements-1.schema.json) instead of a second product: " +
                          "met / not met / not stated per requirement. Exit 1 when a required one is not met.",
            HelpName = "site.yaml",
        };
        var format = new Option<string>("--format") { Description = "Output format: text (default), markdown (a report to attach to a review) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var require = new Option<string[]>("--require")
        {
            Description = "Limit the verdict (exit code) to this service; repeatable. Other services are still reported. " +
                          "One of: " + string.Join(", ", MatchServices.Requirable) + ".",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        require.AcceptOnlyFromAmong(MatchServices.Requirable.ToArray());
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Which verdict exits 1: incompatible (default) or gaps (compatible with gaps, or incompatible).",
            DefaultValueFactory = _ => "incompatible",
        };
        failOn.AcceptOnlyFromAmong("incompatible", "gaps");
        var cmd = new Command("match",
            "Compare two statements and report, service by service and in both directions, whether and how far the products can communicate:\n" +
            "DIMSE SOP Classes (roles, transfer syntaxes, negotiation, query keys, PDU sizes, character sets), DICOMweb, media and security.\n" +
            "Verdict: compatible; compatible with gaps (named object types or services are refused, the rest works);\n" +
            "incompatible (no common transport, nothing exchanged works, or a --require service fails). See docs/match.md.\n" +
            "With --requirements site.yaml (one statement): each site requirement met, not met or not stated, with citations.\n" +
            "Exit codes: 0 compatible or compatible with gaps, 1 incompatible (with --fail-on gaps: also compatible with gaps)\n" +
            "or errors in an input (any stage, rules included), 2 usage error, 3 internal error.")
        { a, b, format, require, failOn, requirements };
        cmd.SetAction(p =>
        {
            var fmt = p.GetValue(format);
            if (p.GetValue(requirements) is { } site)
            {
                if (p.GetValue(b) is not null)
                {
                    stderr.WriteLine("dcsc: match takes one statement with --requirements, two without it.");
                    return CommandLine.UsageError;
                }
                return CheckRequirements(p.GetValue(a)!, site, fmt!, stdout, stderr);
            }
            if (p.GetValue(b) is null)
            {
                stderr.WriteLine("dcsc: match needs two statements (or one and --requirements site.yaml). Run 'dcsc match --help' for usage.");
                return CommandLine.UsageError;
            }
            if (CommandLine.CheckPair(p.GetValue(a)!, p.GetValue(b)!, "match", fmt == "json", stdout, stderr, CheckOptions.Default) is not { } pair)
                return CommandLine.InputErrors;
            var (sa, sb) = pair;
            var report = Matcher.Match(sa, sb, p.GetValue(require));
            stdout.Write(fmt switch
            {
                "json" => MatchFormatter.Json(report),
                "markdown" => MatchFormatter.Markdown(report),
                _ => MatchFormatter.Text(report),
            });
            bool fails = report.Verdict == MatchVerdict.Incompatible
                || (p.GetValue(failOn) == "gaps" && report.Verdict == MatchVerdict.CompatibleWithGaps);
            return fails ? CommandLine.InputErrors : CommandLine.Ok;
        });
        return cmd;
    }
}
