using Dcsc.Config;
using Dcsc.Diagnostics;
using Dcsc.Model;
using Dcsc.Rules;
using Dcsc.Schema;
using Dcsc.Source;
using Dcsc.Tool;

namespace Dcsc.Pipeline;

/// <summary>The result of the checking stages for one statement file.</summary>
public sealed record CheckResult(string Path, Statement? Statement, LoadedSource? Source, DiagnosticBag Diagnostics)
{
    public bool HasErrors => Diagnostics.HasErrors;

    /// <summary>The rule options the check ran with (null when the Rules stage was skipped).</summary>
    public RuleOptions? Rules { get; init; }

    /// <summary>What <see cref="CheckOptions.BesideRules"/> reports, still running or done (null when it did not start).
    /// Its failure, if any, surfaces only when the result is asked for.</summary>
    public Task<IReadOnlyList<Diagnostic>>? LaterStage { get; init; }

    /// <summary>Diagnostics of a later stage (the layout warnings) with the severities dcsc.yaml sets for their ids.</summary>
    public IEnumerable<Diagnostic> Configured(IEnumerable<Diagnostic> later)
    {
        foreach (var d in later)
        {
            if (Rules is null || !Rules.Severities.TryGetValue(d.Id, out var severity)) { yield return d; continue; }
            if (severity != Severity.Off) yield return d with { Severity = severity };
        }
    }
}

/// <summary>How <see cref="Compilation.Check"/> configures the Rules stage.</summary>
/// <param name="ConfigPath">A dcsc.yaml given explicitly (<c>--config</c>); else it is looked for next to the statement.</param>
/// <param name="WarningsAsErrors">Report rule warnings as errors (<c>--warnings-as-errors</c>).</param>
/// <param name="DiscoverConfig">Look for dcsc.yaml from the statement's folder up to the repository root.</param>
/// <param name="Rules">Explicit rule options; when given, no configuration file is read.</param>
/// <param name="SkipRules">Stop after the Model stage (commands that only need a bound statement: match, diff).</param>
/// <param name="BesideRules">A later stage's checks of the bound statement (lint's layout diagnostics), run beside the
/// Rules stage; its result is kept in <see cref="CheckResult.LaterStage"/>.</param>
public sealed record CheckOptions(string? ConfigPath = null, bool WarningsAsErrors = false, bool DiscoverConfig = true, RuleOptions? Rules = null,
    bool SkipRules = false, Func<Statement, IReadOnlyList<Diagnostic>>? BesideRules = null)
{
    public static readonly CheckOptions Default = new();

    /// <summary>Source, Schema and Model only: what <c>dcsc match</c> and <c>dcsc diff</c> need.</summary>
    public static readonly CheckOptions ModelOnly = new(DiscoverConfig: false, SkipRules: true);
}

/// <summary>
/// Runs the front of the pipeline in order — Source, Schema, Model, Rules — stopping at the first of the first three
/// stages with errors, because later stages need what earlier ones guarantee.
/// </summary>
public static class Compilation
{
    public static CheckResult Check(string path, LoaderLimits? limits = null, string? projectRoot = null, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        Warmup.Start();
        var bag = new DiagnosticBag();
        var ruleOptions = options.SkipRules ? null : ResolveRuleOptions(path, options, bag);
        LoadedSource? source;
        using (StageTimer.Time("load")) source = StatementFamily.Load(path, projectRoot, bag, limits);
        var result = Continue(path, source, bag, ruleOptions, options.BesideRules);
        if (source is { Bases.Count: > 0 })
        {
            // A fact inherited from a base is reported at the base's line, with the `extends:` that brought it in.
            bag.Map(d => source.Bases.TryGetValue(d.Span.File, out var via) && !d.Message.Contains("reached through `extends:`", StringComparison.Ordinal)
                ? d with { Message = $"{d.Message} (in base `{d.Span.File}`, reached through `extends:` at {via})" }
                : d);
        }
        return result;
    }

    /// <summary>
    /// Source, Schema and Model stages over YAML text that is not on disk (tests, editors, fixtures). The Rules stage
    /// runs only when <paramref name="rules"/> is given (see <see cref="LintText"/>); files always go through it
    /// (<see cref="Check"/>).
    /// </summary>
    public static CheckResult CheckText(string displayPath, string yaml, LoaderLimits? limits = null, RuleOptions? rules = null,
        Func<Statement, IReadOnlyList<Diagnostic>>? besideRules = null)
    {
        var bag = new DiagnosticBag();
        var source = new SourceLoader(bag, limits).LoadText(displayPath, yaml);
        return Continue(displayPath, source, bag, rules, besideRules);
    }

    /// <summary>All checking stages, the Rules stage included, over YAML text (default rule severities unless given).</summary>
    public static CheckResult LintText(string displayPath, string yaml, RuleOptions? rules = null, LoaderLimits? limits = null,
        Func<Statement, IReadOnlyList<Diagnostic>>? besideRules = null) =>
        CheckText(displayPath, yaml, limits, rules ?? RuleOptions.Default, besideRules);

    /// <summary>The rule options for a statement: explicit ones, else dcsc.yaml (given or found) and the CLI flags.</summary>
    public static RuleOptions ResolveRuleOptions(string statementPath, CheckOptions options, DiagnosticBag bag)
    {
        if (options.Rules is { } explicitRules)
            return options.WarningsAsErrors ? explicitRules with { WarningsAsErrors = true } : explicitRules;
        var configPath = options.ConfigPath ?? (options.DiscoverConfig ? DcscConfig.Find(statementPath) : null);
        var config = configPath is null ? DcscConfig.None : DcscConfig.Load(configPath, bag);
        return config.ToRuleOptions(options.WarningsAsErrors);
    }

    private static CheckResult Continue(string path, LoadedSource? source, DiagnosticBag bag, RuleOptions? rules,
        Func<Statement, IReadOnlyList<Diagnostic>>? besideRules)
    {
        // Configuration errors (DCS9003) do not stop the check; source errors do.
        if (source is null || bag.Items.Any(d => d.Severity == Severity.Error && d.Id != DiagnosticCatalogue.Descriptors.ConfigurationInvalid.Id)) return new CheckResult(path, null, source, bag);
        if (source.Root is not YamlMapping)
        {
            bag.Add(DiagnosticCatalogue.WrongType(source.Root.Span, $"the statement must be a mapping of keys (`product:`, `sop_classes:`, …); found {source.Root.KindName}"));
            return new CheckResult(path, null, source, bag);
        }
        // The Model and Rules stages need the schema's verdict only to keep their result, not to start: they run beside
        // validation (two cores halve a cold lint of a large statement, docs/performance.md) and are thrown away when
        // the statement is not valid, so diagnostics are exactly those of running the stages one after another.
        var modelAndRules = Task.Run(() =>
        {
            Statement bound;
            using (StageTimer.Time("model")) bound = ModelBinder.Bind(source);
            var later = besideRules is null || rules is null ? null : Task.Run(() => besideRules(bound));
            IReadOnlyList<Diagnostic> ruleDiagnostics = Array.Empty<Diagnostic>();
            if (rules is not null)
                using (StageTimer.Time("rules")) ruleDiagnostics = RuleRunner.Run(bound, rules);
            return (bound, ruleDiagnostics, later);
        });
        bool valid;
        using (StageTimer.Time("schema")) valid = SchemaValidator.Validate(source, bag);
        if (!valid)
        {
            // What the stages do with input the schema refuses is never looked at, a failure included.
            _ = modelAndRules.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return new CheckResult(source.Path, null, source, bag);
        }
        var (statement, ruleDiagnostics, laterStage) = modelAndRules.GetAwaiter().GetResult();
        bag.AddRange(ruleDiagnostics);
        return new CheckResult(source.Path, statement, source, bag) { Rules = rules, LaterStage = laterStage };
    }
}
