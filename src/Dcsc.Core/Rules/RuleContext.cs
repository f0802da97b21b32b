using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Rules;

/// <summary>What a rule sees: the statement, the effective dictionary (standard + the statement's extras),
/// precomputed facts, and <see cref="Report"/>, which applies the configured severities.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _diagnostics;
    private Facts? _facts;
    private List<TextFields.Field>? _textFields;

    internal RuleContext(Statement statement, DicomDictionary dictionary, RuleOptions options, List<Diagnostic> sink)
    {
        Statement = statement;
        Dictionary = dictionary;
        Options = options;
        _diagnostics = sink;
    }

    public Statement Statement { get; }

    /// <summary>The standard dictionary with the statement's <c>dictionary.uids</c> and <c>dictionary.attributes</c>.</summary>
    public DicomDictionary Dictionary { get; }

    public RuleOptions Options { get; }

    /// <summary>Lookups built once per run (SOP Classes by UID, AEs by name, services claimed, …).</summary>
    internal Facts Facts => _facts ??= new Facts(Statement, Dictionary);

    /// <summary>Every text value of the statement with its span, walked once per run for the rules that read text.</summary>
    internal IReadOnlyList<TextFields.Field> TextFields => _textFields ??= Rules.TextFields.All(Statement);

    /// <summary>Reports a finding with the configured severity (nothing when the rule is off).</summary>
    public void Report(Diagnostic finding)
    {
        var severity = Options.SeverityOf(finding.Id);
        if (severity == Severity.Off) return;
        _diagnostics.Add(severity == finding.Severity ? finding : finding with { Severity = severity });
    }

    /// <summary>True when the rule would report anything (lets costly rules skip work when off).</summary>
    public bool IsOn(string id) => Options.SeverityOf(id) != Severity.Off;

    /// <inheritdoc cref="IsOn(string)"/>
    public bool IsOn(DiagnosticDescriptor rule) => IsOn(rule.Id);
}
