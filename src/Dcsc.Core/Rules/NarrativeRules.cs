using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// Attributes quoted in narrative Markdown ("Lossy Image Compression (0028,2110)") are checked like those of the
/// tables: the name before the tag must be the tag's (PS3.6 Table 6-1). DCS0603.
/// </summary>
public sealed partial class NarrativeRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.NarrativeAttributeMismatch };

    /// <summary>Keys that hold structured values (checked by AttributeRules), not prose.</summary>
    private static readonly HashSet<string> StructuredKeys = new(StringComparer.Ordinal) { "tag", "name", "keyword", "uid", "vr", "vm" };

    [GeneratedRegex(@"\((?<g>[0-9A-Fa-f]{4}),\s?(?<e>[0-9A-Fa-f]{4})\)")] private static partial Regex TagRx();
    [GeneratedRegex(@"[A-Za-z0-9'’\-/]+")] private static partial Regex WordRx();

    public void Check(RuleContext ctx)
    {
        foreach (var field in ctx.TextFields)
        {
            if (StructuredKeys.Contains(field.Key) || field.Text.Length < 11 || field.Text.IndexOf('(') < 0) continue;
            foreach (System.Text.RegularExpressions.Match m in TagRx().Matches(field.Text))
                CheckQuote(ctx, field, m);
        }
    }

    private static void CheckQuote(RuleContext ctx, TextFields.Field field, System.Text.RegularExpressions.Match m)
    {
        if (!DicomTag.TryParse(m.Value, out var tag)) return;
        var entry = ctx.Dictionary.FindAttribute(tag);
        int lineStart = field.Text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
        var before = field.Text[lineStart..m.Index];
        var words = WordRx().Matches(before).Select(w => w.Value).TakeLast(8).ToArray();
        if (words.Length == 0) return;

        // The longest run of words just before the tag that names an attribute is the quoted name.
        AttributeEntry? named = null;
        string quoted = "";
        for (int k = Math.Min(words.Length, 8); k >= 1; k--)
        {
            var candidate = string.Join(' ', words[^k..]);
            if (entry is not null && AttributeRules.NameMatches(candidate, entry)) return; // the right name
            if (named is null && ctx.Facts.AttributeByName(candidate) is { } other) { named = other; quoted = candidate; }
        }
        var at = TextFields.PositionOf(field, m.Index);
        if (named is not null && (entry is null || named.Tag != entry.Tag))
            ctx.Report(NarrativeAttributeMismatch(at,
                $"\"{quoted}\" is {named.DisplayTag}, not {tag}" + (entry is not null ? $" ({tag} is \"{entry.Name}\")" : "") + " (PS3.6)"));
        else if (entry is null && !tag.IsPrivate)
            ctx.Report(NarrativeAttributeMismatch(at, $"{tag} quoted in the text is not in dictionary edition {ctx.Dictionary.Edition}; check the tag"));
    }
}
