using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;
using Dcsc.Tool;

namespace Dcsc.Rules;

/// <summary>
/// The Rules stage: runs every rule over a bound statement and returns its diagnostics (sorted by the caller).
/// </summary>
public static class RuleRunner
{
    /// <summary>All rules, in id order of their first id.</summary>
    public static IReadOnlyList<IRule> All { get; } = new IRule[]
    {
        new UidRules(),
        new AttributeRules(),
        new ConsistencyRules(),
        new NetworkRules(),
        new ProtocolRules(),
        new ConventionRules(),
        new Ps34Rules(),
        new AuthorTableRules(),
        new NarrativeRules(),
        new CharacterRules(),
        new IdentityRules(),
        new ReviewRules(),
        new SecurityRules(),
        new WebRules(),
        new CompletenessRules(),
    };

    /// <summary>Every diagnostic id the rules can report.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.SelectMany(r => r.Ids).Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Diagnostic> Run(Statement statement, RuleOptions? options = null)
    {
        options ??= RuleOptions.Default;
        var sink = new List<Diagnostic>();
        var dictionary = EffectiveDictionary(statement, options, sink);
        var context = new RuleContext(statement, dictionary, options, sink);
        foreach (var rule in All)
        {
            if (!rule.Ids.Any(context.IsOn)) continue;
            using (StageTimer.Time(StageTimer.Enabled ? $"rules: {rule.GetType().Name}" : ""))
                rule.Check(context);
        }
        return sink;
    }

    /// <summary>
    /// The standard dictionary with the statement's own entries (<c>dictionary.uids</c>, <c>dictionary.attributes</c>).
    /// Entries that cannot be added (malformed UID or tag) are reported and left out.
    /// </summary>
    internal static DicomDictionary EffectiveDictionary(Statement statement, RuleOptions options, List<Diagnostic> sink)
    {
        var report = new RuleContext(statement, DicomDictionary.Standard, options, sink);
        return StatementDictionary.Of(statement.Dictionary, a =>
            report.Report(DiagnosticCatalogue.TagMalformed(a.Location.Of("tag"), $"tag \"{a.Tag}\" in `dictionary.attributes` is malformed; write (gggg,eeee) with 4 hex digits each, x for a repeating digit (PS3.5 §7.1)")));
    }
}
