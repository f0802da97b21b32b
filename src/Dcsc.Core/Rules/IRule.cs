using Dcsc.Diagnostics;

namespace Dcsc.Rules;

/// <summary>
/// One lint rule (or a tight family of rules) of the Rules stage. A rule reads the typed <see cref="Model.Statement"/>
/// through <see cref="RuleContext"/> and reports findings with ids from the <see cref="DiagnosticCatalogue"/>.
/// Rules never format output and never look at YAML.
/// </summary>
public interface IRule
{
    /// <summary>The diagnostic ids this rule can report (each has a descriptor in the catalogue and a page in docs/rules/).</summary>
    IReadOnlyList<DiagnosticDescriptor> Ids { get; }

    void Check(RuleContext ctx);
}
