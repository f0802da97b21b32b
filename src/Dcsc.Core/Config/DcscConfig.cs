using Dcsc.Diagnostics;
using Dcsc.Rules;
using Dcsc.Source;

namespace Dcsc.Config;

/// <summary>
/// The project configuration file <c>dcsc.yaml</c>. The Rules stage reads its <c>rules</c> mapping:
/// <code>rules: { DCS0104: off, DCS0309: error }</code> (values <c>off</c>, <c>info</c>, <c>warning</c>, <c>error</c>).
/// <c>completeness: off</c> (or info, warning, error) sets every completeness warning (DCS0320–DCS0326) at once; a rule
/// named under <c>rules</c> keeps its own severity. Unknown rule ids and bad values are DCS9003 at the config file's line
/// and column. Other top-level keys belong to other parts of dcsc and are left alone.
/// </summary>
public sealed record DcscConfig(string? Path, IReadOnlyDictionary<string, Severity> Severities)
{
    public const string FileName = "dcsc.yaml";

    public static readonly DcscConfig None = new(null, new Dictionary<string, Severity>(StringComparer.Ordinal));

    /// <summary>The rule options this configuration gives, with <paramref name="warningsAsErrors"/> from the command line.</summary>
    public RuleOptions ToRuleOptions(bool warningsAsErrors = false) => new() { Severities = Severities, WarningsAsErrors = warningsAsErrors };

    /// <summary>
    /// The configuration file for a statement: <c>dcsc.yaml</c> in the statement's folder or the nearest folder above it,
    /// up to the repository root (the folder that contains <c>.git</c>); only the statement's own folder when it is not
    /// inside a repository. Null when there is none.
    /// </summary>
    public static string? Find(string statementPath)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(statementPath));
        if (dir is null) return null;
        var start = dir;
        string? repoRoot = null;
        for (var d = dir; d is not null; d = System.IO.Path.GetDirectoryName(d))
            if (Directory.Exists(System.IO.Path.Combine(d, ".git")) || File.Exists(System.IO.Path.Combine(d, ".git")))
            {
                repoRoot = d;
                break;
            }
        for (var d = start; d is not null; d = System.IO.Path.GetDirectoryName(d))
        {
            var candidate = System.IO.Path.Combine(d, FileName);
            if (File.Exists(candidate)) return candidate;
            if (repoRoot is null || string.Equals(d, repoRoot, StringComparison.Ordinal)) break;
        }
        return null;
    }

    /// <summary>Loads a configuration file; problems go to <paramref name="bag"/> as DCS9003 (or the loader's own ids).</summary>
    public static DcscConfig Load(string path, DiagnosticBag bag)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            bag.Add(DiagnosticCatalogue.ConfigurationInvalid(SourceSpan.None(SourceLoader.DisplayPath(full)), $"configuration file {path} does not exist"));
            return new DcscConfig(full, severities);
        }
        var local = new DiagnosticBag();
        var source = new SourceLoader(local).Load(full);
        // An empty configuration file (only comments, or nothing) is valid: it sets nothing.
        foreach (var d in local.Items.Where(d => d.Id != DiagnosticCatalogue.Descriptors.EmptyStatement.Id))
            bag.Add(DiagnosticCatalogue.ConfigurationInvalid(d.Span, $"configuration file cannot be read: {d.Message}"));
        if (source?.Root is not YamlMapping root)
        {
            if (source?.Root is YamlScalar { IsNull: true } or null) return new DcscConfig(full, severities);
            bag.Add(DiagnosticCatalogue.ConfigurationInvalid(source.Root.Span, "the configuration must be a mapping of keys (e.g. `rules:`)"));
            return new DcscConfig(full, severities);
        }
        var rules = root["rules"];
        switch (rules)
        {
            case null:
            case YamlScalar { IsNull: true }:
                break;
            case YamlMapping m:
                foreach (var (key, value) in m.Entries)
                {
                    var id = key.Value.Trim();
                    if (!DiagnosticCatalogue.Contains(id))
                    {
                        bag.Add(DiagnosticCatalogue.ConfigurationInvalid(key.Span, $"unknown rule id \"{id}\" in `rules` (the rule ids are listed in docs/rules/README.md)"));
                        continue;
                    }
                    if (!RuleRunner.Ids.Contains(id) && DiagnosticCatalogue.Get(id).Category != "layout")
                    {
                        bag.Add(DiagnosticCatalogue.ConfigurationInvalid(key.Span, $"{id} is not a lint rule and cannot be configured (only the Rules stage ids DCS0100-DCS1999 and the layout warnings DCS0501-DCS0506 can)"));
                        continue;
                    }
                    var sev = ParseSeverity(value);
                    if (sev is null)
                        bag.Add(DiagnosticCatalogue.ConfigurationInvalid(value.Span, $"severity \"{(value as YamlScalar)?.Value ?? value.KindName}\" for {id} is not one of off, info, warning, error"));
                    else
                        severities[id] = sev.Value;
                }
                break;
            default:
                bag.Add(DiagnosticCatalogue.ConfigurationInvalid(rules.Span, $"`rules` must be a mapping of rule ids to off, info, warning or error; found {rules.KindName}"));
                break;
        }
        if (root["completeness"] is { } completeness and not YamlScalar { IsNull: true })
        {
            if (ParseSeverity(completeness) is not { } all)
                bag.Add(DiagnosticCatalogue.ConfigurationInvalid(completeness.Span, $"`completeness` must be one of off, info, warning, error; found {(completeness as YamlScalar)?.Value ?? completeness.KindName}"));
            else
                foreach (var d in DiagnosticCatalogue.All.Where(d => d.Category == DiagnosticCatalogue.CompletenessCategory))
                    severities.TryAdd(d.Id, all);
        }
        return new DcscConfig(full, severities);
    }

    private static Severity? ParseSeverity(YamlNode value) => (value is YamlScalar sv ? sv.Value.Trim().ToLowerInvariant() : "") switch
    {
        "off" or "false" or "none" => Severity.Off,
        "info" or "note" => Severity.Info,
        "warning" or "warn" => Severity.Warning,
        "error" => Severity.Error,
        _ => null,
    };
}
