using Dcsc.Diagnostics;

namespace Dcsc.Rules;

/// <summary>How the rules report: per-id severity overrides (from dcsc.yaml) and --warnings-as-errors.</summary>
public sealed record RuleOptions
{
    public static readonly RuleOptions Default = new();

    /// <summary>Severity per rule id; <see cref="Severity.Off"/> silences a rule.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>(StringComparer.Ordinal);

    /// <summary>Report every warning of the rules as an error.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>The severity a diagnostic with this id gets: override, else the catalogue default; warnings raised when asked.</summary>
    public Severity SeverityOf(string id)
    {
        var s = Severities.TryGetValue(id, out var o) ? o : DiagnosticCatalogue.Get(id).DefaultSeverity;
        return WarningsAsErrors && s == Severity.Warning ? Severity.Error : s;
    }
}
