using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using System.Text.RegularExpressions;

namespace Dcsc.Rules;

/// <summary>
/// PS3.2 conventions (PS3.2 Annex N template conventions; Section 1 of the template): no leftover template text,
/// support stated as "Y"/"N", ranges written "[low … high]". DCS0502–DCS0504 (DCS0501 belongs to the layout).
/// </summary>
public sealed partial class ConventionRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.LeftoverTemplateText, Descriptors.SupportValueNotYOrN, Descriptors.RangeNotBracketed };

    /// <summary>Free-text table columns that state support (the schema types the other support columns as Y/N already).</summary>
    internal static readonly HashSet<string> SupportColumns = new(StringComparer.Ordinal)
    {
        "file_set_creator_file_set_updater", "file_set_reader", "matching_key", "return_key", "uri_origin_server", "uri_user_agent",
        "implicit_vr_little_endian", "explicit_vr_little_endian", "jpeg_baseline_process_1",
        "jpeg_lossless_non_hierarchical_first_order_prediction_process_14", "configurable_message",
    };

    /// <summary>Fields and columns that state a value or a range of values.</summary>
    internal static readonly HashSet<string> ValueKeys = new(StringComparer.Ordinal)
    {
        "value", "values", "supported_values", "default_value", "default", "new_value", "value_constraints", "restrictions",
        "requested_value", "supported_value", "value_n_create", "value_n_set",
    };

    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "wbr",
        // Markup that is never a template placeholder (escaped as text in every output).
        "script", "style", "iframe", "object", "embed", "svg", "math", "video", "audio", "source", "form", "input", "button",
        "textarea", "select", "option", "link", "meta", "base", "body", "head", "html", "title", "template", "noscript", "frame", "frameset",
    };

    [GeneratedRegex(@"<<[^<>\n]{1,80}>>")] private static partial Regex ChoiceRx();
    [GeneratedRegex(@"(?<!<)<(?![<\s/])([A-Za-z][^<>\n]{0,80})>(?!>)")] private static partial Regex AngleRx();
    [GeneratedRegex(@"(?<![\]!\\\w])\[([A-Z][^\[\]\n]{2,200})\](?![(\[:])")] private static partial Regex BracketRx();
    [GeneratedRegex(@"```.*?```|`[^`\n]*`", RegexOptions.Singleline)] private static partial Regex CodeRx();
    [GeneratedRegex(@"^(RFC|IHE|ISO|IEC|PS ?3|DICOM|NEMA|IEEE|HL7|IETF|BCP)\b")] private static partial Regex CitationRx();
    [GeneratedRegex(@"^\[\s*-?\d+(?:[.,]\d+)?\s*…\s*-?\d+(?:[.,]\d+)?\s*\]$")] private static partial Regex GoodRangeRx();
    [GeneratedRegex(@"^\s*[\[(]?\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|–|—|\.\.\.?|…|to)\s*(-?\d+(?:[.,]\d+)?)\s*[\])]?\s*$|^\s*(-?\d+(?:[.,]\d+)?)\s*(?:<=?|>=?|≤|≥)\s*[A-Za-z]\w*\s*(?:<=?|>=?|≤|≥)\s*(-?\d+(?:[.,]\d+)?)\s*$")] private static partial Regex AnyRangeRx();

    public void Check(RuleContext ctx)
    {
        foreach (var field in ctx.TextFields)
        {
            if (field.Key == "path" || field.Text.Length == 0) continue;
            if (ctx.IsOn(Descriptors.LeftoverTemplateText)) Placeholders(ctx, field);
            if (field.Column is { } col && SupportColumns.Contains(col))
            {
                var v = field.Text.Trim();
                if (v is not ("Y" or "N" or "") && !v.Equals("N/A", StringComparison.OrdinalIgnoreCase))
                    ctx.Report(DiagnosticCatalogue.SupportValueNotYOrN(field.Span, $"support value \"{v}\" ({col}) is not \"Y\" or \"N\"; PS3.2 tables state support as Y or N{Suggest(v)}"));
            }
            if (ValueKeys.Contains(field.Key) && field.Text.Length < 48 && field.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                var v = field.Text.Trim();
                if (!GoodRangeRx().IsMatch(v) && AnyRangeRx().Match(v) is { Success: true } m)
                {
                    // The inequality forms ("1 >= x <= 200", "1 <= x <= 200") give their bounds in groups 3 and 4.
                    var (low, high) = m.Groups[1].Success ? (m.Groups[1].Value, m.Groups[2].Value) : (m.Groups[3].Value, m.Groups[4].Value);
                    ctx.Report(DiagnosticCatalogue.RangeNotBracketed(field.Span, $"range \"{v}\" should be written \"[{low} … {high}]\" (PS3.2 convention: ranges are [low … high])"));
                }
            }
        }
    }

    private static string Suggest(string v) => v.ToLowerInvariant() switch
    {
        "yes" or "true" or "x" or "✓" or "supported" => " (write Y)",
        "no" or "false" or "not supported" or "-" => " (write N)",
        _ => "",
    };

    private static void Placeholders(RuleContext ctx, TextFields.Field field)
    {
        var text = field.Text;
        if (text.AsSpan().IndexOfAny('<', '[') < 0) return;
        if (text.Contains('`')) text = CodeRx().Replace(text, "");
        foreach (System.Text.RegularExpressions.Match m in ChoiceRx().Matches(text))
        {
            ctx.Report(DiagnosticCatalogue.LeftoverTemplateText(field.Span, $"template choice {m.Value} is still in the text ({field.Key}); keep the option that applies and remove the markers (PS3.2 template conventions)"));
            return;
        }
        foreach (System.Text.RegularExpressions.Match m in AngleRx().Matches(text))
        {
            if (Embedded(text, m.Index, m.Index + m.Length)) continue; // a format pattern: EMERG-<date>-<n>, https://<host>/dicomweb
            var inner = m.Groups[1].Value;
            var first = new string(inner.TakeWhile(char.IsLetterOrDigit).ToArray());
            if (inner.Contains('=') || inner.Contains('@') || inner.Contains(':') || inner.EndsWith('/') || HtmlTags.Contains(first) && (first.Length == inner.Length || inner[first.Length] == ' ')) continue;
            ctx.Report(DiagnosticCatalogue.LeftoverTemplateText(field.Span, $"template placeholder {m.Value} is still in the text ({field.Key}); replace it with the product's value (PS3.2 template conventions)"));
            return;
        }
        foreach (System.Text.RegularExpressions.Match m in BracketRx().Matches(text))
        {
            if (!AtSentenceStart(text, m.Index)) continue; // "Process 14 [Selection Value 1]" is part of a name
            var inner = m.Groups[1].Value;
            if (!inner.Contains(' ') || inner.Contains('…') || inner.Contains("..") || CitationRx().IsMatch(inner)) continue;
            ctx.Report(DiagnosticCatalogue.LeftoverTemplateText(field.Span, $"template instruction {Shorten(m.Value)} is still in the text ({field.Key}); follow it and remove it (PS3.2 template conventions: text in [brackets] is guidance to the author)"));
            return;
        }
    }

    private static bool Embedded(string text, int start, int end)
    {
        static bool Joins(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '/' or ':' or '.' or '=' or '>' or '<';
        return (start > 0 && Joins(text[start - 1])) || (end < text.Length && Joins(text[end]) && text[end] != '.');
    }

    /// <summary>Template instructions stand alone: at the start of the text, of a line, or after a sentence.</summary>
    private static bool AtSentenceStart(string text, int index)
    {
        int i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        return i < 0 || text[i] is '\n' or '.' or ':' or '!' or '?' or '*' or '-' or '(' or '|';
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…]";
}
