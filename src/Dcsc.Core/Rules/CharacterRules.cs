using System.Globalization;
using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// Invisible and direction-changing characters (zero-width spaces and joiners, non-breaking spaces, soft hyphens,
/// bidi controls such as U+202E and other Unicode format characters). In a UID, tag, AE Title, keyword, name, code or
/// query parameter they make two values that look the same compare different (an AE Title that never matches, a
/// UID no peer knows): DCS0605, an error. In narrative, bidi controls can make text read differently from what it
/// says; the outputs show them escaped (Source/UntrustedText), and lint warns: DCS0617.
/// </summary>
public sealed class CharacterRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.InvisibleCharacter, Descriptors.InvisibleCharacterInNarrative };

    /// <summary>Keys whose values are prose (Markdown): there only bidi controls and zero-width characters are
    /// reported, since a non-breaking space is ordinary typography.</summary>
    private static readonly HashSet<string> ProseKeys = new(StringComparer.Ordinal)
    {
        "text", "description", "comment", "comments", "note", "remarks", "audience", "change", "definition", "meaning",
        "condition", "purpose", "value", "details", "explanation", "behavior", "behaviour",
    };

    public void Check(RuleContext ctx)
    {
        foreach (var field in ctx.TextFields)
        {
            var text = field.Text;
            bool prose = ProseKeys.Contains(field.Column ?? field.Key);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80) continue;
                if (Describe(c, prose) is not { } what) continue;
                var at = TextFields.PositionOf(field, i);
                ctx.Report(prose
                    ? InvisibleCharacterInNarrative(at, $"{what} U+{(int)c:X4} in {Place(field)} \"{Visible(text)}\"; delete it (it changes how the text reads, not what it says)")
                    : InvisibleCharacter(at, $"{what} U+{(int)c:X4} in {Place(field)} \"{Visible(text)}\"; delete it (it cannot be seen, but it makes the value differ)"));
                break; // one finding per value
            }
        }
    }

    private static string Place(TextFields.Field f) => f.Column is { } col ? $"table column `{col}`" : $"`{f.Key}`";

    /// <summary>The kind of invisible character, or null for an ordinary one.</summary>
    internal static string? Describe(char c, bool prose)
    {
        switch (c)
        {
            case '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069'
                or '\u200E' or '\u200F' or '\u061C':
                return "bidirectional control character";
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                return "zero-width character";
        }
        if (prose) return null;
        if (c == '\u00AD') return "soft hyphen";
        if (c is '\u00A0' or '\u2007' or '\u202F' or '\u3000' || (c >= '\u2000' && c <= '\u200A')) return "non-breaking or special space";
        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? "invisible format character" : null;
    }

    /// <summary>The value with invisible characters shown as ⟨U+XXXX⟩, so the message itself is readable.</summary>
    internal static string Visible(string text)
    {
        if (text.Length > 60) text = text[..60] + "…";
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (c >= 0x80 && Describe(c, prose: false) is not null) sb.Append(CultureInfo.InvariantCulture, $"⟨U+{(int)c:X4}⟩");
            else if (c == '\n') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
