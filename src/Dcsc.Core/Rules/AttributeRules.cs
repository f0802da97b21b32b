using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Rules;

/// <summary>
/// Attributes wherever a tag appears (IOD module attributes, coded values, mapping rows, every template table row
/// with a <c>tag</c> column): well-formed tag, known public tag, name matching the tag, VR and VM as in the
/// dictionary, private attributes with their Private Creator. DCS0201–DCS0206 (and DCS0405 for VRs that do not exist).
/// </summary>
public sealed partial class AttributeRules : IRule
{
    [System.Text.RegularExpressions.GeneratedRegex(@"-[A-Za-z]")] private static partial System.Text.RegularExpressions.Regex HyphenWordRx();

    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.TagMalformed, Descriptors.UnknownPublicTag, Descriptors.AttributeNameMismatch, Descriptors.VrMismatch, Descriptors.VmMismatch, Descriptors.PrivateTagWithoutCreator, Descriptors.VrDoesNotExist,
        Descriptors.PublicNameWithOtherTag, Descriptors.AttributeNameVariant, Descriptors.TagWithoutParentheses };

    /// <summary>One place where the statement names an attribute.</summary>
    internal readonly record struct TagUse(string Tag, SourceSpan TagSpan, string? Name, SourceSpan NameSpan,
        string? Vr, SourceSpan VrSpan, string? Vm, SourceSpan VmSpan, string? PrivateCreator, string Place);

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        var creators = PrivateCreatorPatterns(s);
        Dictionary<string, AttributeEntry>? repeating = null;
        foreach (var use in Uses(s))
        {
            var text = use.Tag.Trim();
            AttributeEntry? entry;
            bool isPrivate;
            bool isCreatorElement = false;
            uint? value = null;
            if (DicomTag.TryParse(text, out var tag))
            {
                entry = ctx.Dictionary.FindAttribute(tag);
                isPrivate = tag.IsPrivate;
                isCreatorElement = tag.IsPrivateCreator;
                value = tag.Value;
            }
            else if (DicomDictionary.TryNormalizePattern(text, out var pattern) && pattern.Contains('x'))
            {
                repeating ??= ctx.Dictionary.Attributes.Where(a => a.IsRepeating).GroupBy(a => a.Tag).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                entry = repeating.GetValueOrDefault(pattern);
                int g3 = DicomDictionary.HexValue(pattern[3]);
                isPrivate = g3 >= 0 && (g3 & 1) == 1;
            }
            else
            {
                ctx.Report(DiagnosticCatalogue.TagMalformed(use.TagSpan, $"tag \"{use.Tag}\" ({use.Place}) is malformed; write (gggg,eeee) with 4 hexadecimal digits each (PS3.5 §7.1)"));
                continue;
            }

            CheckVrExists(ctx, use, out bool vrValid);
            if (ctx.IsOn(Descriptors.TagWithoutParentheses) && !text.StartsWith('(') && text.Contains(','))
                ctx.Report(DiagnosticCatalogue.TagWithoutParentheses(use.TagSpan,
                    $"tag {text} ({use.Place}) is written without parentheses; the output writes {Display(text)} (PS3.5 §7.1)"));

            // A public attribute's name with a private (odd-group) tag is a wrong tag, not a private attribute.
            if (isPrivate && use.Name is { } privateName && !string.IsNullOrWhiteSpace(privateName)
                && ctx.Facts.AttributeByName(privateName) is { Retired: false } publicEntry
                && Names.Same(privateName.TrimStart('>', ' ', '\t'), publicEntry.Name))
            {
                ctx.Report(DiagnosticCatalogue.PublicNameWithOtherTag(use.TagSpan,
                    $"\"{privateName.Trim()}\" is the public attribute {publicEntry.DisplayTag}, not {Display(text)} ({use.Place}); a private tag needs its own name"));
                continue;
            }

            if (isPrivate)
            {
                if (!isCreatorElement && string.IsNullOrWhiteSpace(use.PrivateCreator) && !(value is { } v && creators.Any(c => c.Matches(v))))
                    ctx.Report(DiagnosticCatalogue.PrivateTagWithoutCreator(use.TagSpan,
                        $"private attribute {Display(text)} ({use.Place}) has no Private Creator: give the module a `private_creator` " +
                        "or declare the attribute with its `private_creator` in `dictionary.attributes` (PS3.5 §7.8.1)"));
                if (entry is null) continue; // private attributes need not be in any dictionary
            }
            else if (entry is null)
            {
                ctx.Report(DiagnosticCatalogue.UnknownPublicTag(use.TagSpan,
                    $"tag {Display(text)} ({use.Place}) is not in dictionary edition {ctx.Dictionary.Edition}; check the tag, or declare it in `dictionary.attributes`"));
                continue;
            }

            if (use.Name is { } name && !string.IsNullOrWhiteSpace(name))
            {
                if (!NameMatches(name, entry))
                {
                    var other = ctx.Facts.AttributeByName(name) is { } o && o.Tag != entry.Tag ? $" (\"{o.Name}\" is {o.DisplayTag})" : "";
                    ctx.Report(DiagnosticCatalogue.AttributeNameMismatch(use.NameSpan, $"tag {entry.DisplayTag} is \"{entry.Name}\"{(entry.Keyword.Length > 0 ? $" ({entry.Keyword})" : "")}, not \"{name.Trim()}\"{other}"));
                }
                else if (IsVariant(name, entry))
                    ctx.Report(DiagnosticCatalogue.AttributeNameVariant(use.NameSpan,
                        $"\"{name.Trim().TrimStart('>', ' ', '\t')}\" is written \"{entry.Name}\" in PS3.6 ({entry.DisplayTag}); use the dictionary name"));
            }

            if (vrValid && use.Vr is { } vr && !string.IsNullOrWhiteSpace(vr) && entry.Vrs.All(DicomDictionary.IsValidVr))
            {
                var stated = SplitVr(vr);
                if (stated.Any(x => !entry.Vrs.Contains(x)))
                    ctx.Report(DiagnosticCatalogue.VrMismatch(use.VrSpan, $"{entry.DisplayTag} {entry.Name} has VR {entry.Vr}, not {vr.Trim()} (PS3.6)"));
            }

            if (use.Vm is { } vm && !string.IsNullOrWhiteSpace(vm) && entry.Vm.Length > 0 && NormVm(vm) != NormVm(entry.Vm))
                ctx.Report(DiagnosticCatalogue.VmMismatch(use.VmSpan, $"{entry.DisplayTag} {entry.Name} has VM {entry.Vm}, not {vm.Trim()} (PS3.6)"));
        }

        foreach (var a in s.Dictionary.Attributes)
            CheckVrExists(ctx, new TagUse(a.Tag, a.Location.Of("tag"), a.Name, default, a.Vr, a.Location.Of("vr"), a.Vm, default, a.PrivateCreator, "dictionary.attributes"), out _);
    }

    private static void CheckVrExists(RuleContext ctx, TagUse use, out bool valid)
    {
        valid = true;
        if (use.Vr is not { } vr || string.IsNullOrWhiteSpace(vr)) return;
        foreach (var x in SplitVr(vr))
        {
            if (DicomDictionary.IsValidVr(x)) continue;
            valid = false;
            ctx.Report(DiagnosticCatalogue.VrDoesNotExist(use.VrSpan, $"VR \"{x}\" ({use.Place}, {Display(use.Tag)}) does not exist; the VRs are those of PS3.5 Table 6.2-1 (e.g. {Suggest(x)})"));
        }
    }

    private static string Suggest(string vr)
    {
        var up = vr.Trim().ToUpperInvariant();
        return DicomDictionary.StandardVrs.Contains(up) ? $"\"{up}\" in upper case" : "CS, LO, PN, SQ, UI, US";
    }

    internal static IReadOnlyList<string> SplitVr(string vr) =>
        vr.Split(new[] { " or ", "/", ",", "|" }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NormVm(string vm) => new string(vm.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    private static string Display(string tag) => DicomTag.TryParse(tag, out var t) ? t.ToString() : tag.Trim();

    /// <summary>True when <paramref name="given"/> matches the entry only once case, spaces, punctuation or the keyword
    /// spelling are ignored ("Patient Sex", "StudyInstanceUID", "Issuer of patient ID").</summary>
    internal static bool IsVariant(string given, AttributeEntry entry)
    {
        var g = given.Trim().TrimStart('>').Trim().Replace('’', '\'');
        // Editions differ in the case of a word after a hyphen ("Per-frame" / "Per-Frame"): not a variant.
        return g.Length > 0 && !string.Equals(AfterHyphenLower(g), AfterHyphenLower(entry.Name), StringComparison.Ordinal);

        static string AfterHyphenLower(string s) => HyphenWordRx().Replace(s, m => m.Value.ToLowerInvariant());
    }

    internal static bool NameMatches(string given, AttributeEntry entry)
    {
        var g = Names.Normalize(given.TrimStart('>', ' ', '\t'));
        if (g.Length == 0) return true;
        return g == Names.Normalize(entry.Name) || (entry.Keyword.Length > 0 && g == Names.Normalize(entry.Keyword));
    }

    private readonly record struct CreatorPattern(uint Mask, uint Value)
    {
        public bool Matches(uint tag) => (tag & Mask) == Value;
    }

    /// <summary>Tag patterns of <c>dictionary.attributes</c> entries that name their Private Creator.</summary>
    private static List<CreatorPattern> PrivateCreatorPatterns(Statement s)
    {
        var list = new List<CreatorPattern>();
        foreach (var a in s.Dictionary.Attributes)
        {
            if (string.IsNullOrWhiteSpace(a.PrivateCreator) || !DicomDictionary.TryNormalizePattern(a.Tag, out var p)) continue;
            uint mask = 0, value = 0;
            foreach (char c in p)
            {
                mask <<= 4; value <<= 4;
                if (c == 'x') continue;
                mask |= 0xF; value |= (uint)DicomDictionary.HexValue(c);
            }
            list.Add(new CreatorPattern(mask, value));
        }
        return list;
    }

    /// <summary>Every place the statement names an attribute by tag.</summary>
    internal static IEnumerable<TagUse> Uses(Statement s)
    {
        IEnumerable<TagUse> Modules(IEnumerable<Module> modules, string owner)
        {
            foreach (var m in modules)
                foreach (var a in m.Attributes)
                    yield return new TagUse(a.Tag, a.Location.Of("tag"), a.Name, a.Location.Of("name"), a.Vr, a.Location.Of("vr"),
                        a.Vm, a.Location.Of("vm"), m.PrivateCreator, $"{owner}, {m.Name}");
        }
        IEnumerable<TagUse> Coded(IEnumerable<CodedValue> values, string owner) =>
            values.Select(c => new TagUse(c.Tag, c.Location.Of("tag"), c.Name, c.Location.Of("name"), null, default, null, default, null, $"{owner}, coded values"));

        foreach (var iod in s.Iods)
        {
            foreach (var u in Modules(iod.Modules.Concat(iod.FunctionalGroups).Concat(iod.PrivateModules), iod.Name)) yield return u;
            foreach (var u in Coded(iod.CodedValues, iod.Name)) yield return u;
        }
        var sm = s.SharedModules;
        foreach (var u in Modules(sm.Modules.Concat(sm.FunctionalGroups).Concat(sm.PrivateModules), "shared modules")) yield return u;
        foreach (var u in Coded(sm.CodedValues, "shared modules")) yield return u;
        foreach (var m in s.Mappings)
            foreach (var r in m.Rows)
                yield return new TagUse(r.Tag, r.Location.Of("tag"), r.Name, r.Location.Of("name"), null, default, null, default, null, $"mapping \"{m.Name}\"");
        foreach (var (section, table, rows) in UidRules.AllTables(s))
        {
            foreach (var row in rows)
            {
                if (!row.Cells.TryGetValue("tag", out var tags)) continue;
                string nameCol = row.Cells.ContainsKey("attribute_name") ? "attribute_name" : "attribute_name_in_image_mpps";
                string? name = row.Cells.TryGetValue(nameCol, out var n) && n.Count == 1 ? n[0] : null;
                string? vr = row.Cells.TryGetValue("vr", out var v) && v.Count == 1 ? v[0] : null;
                string? vm = row.Cells.TryGetValue("vm", out var m) && m.Count == 1 ? m[0] : null;
                foreach (var t in tags)
                {
                    if (string.IsNullOrWhiteSpace(t)) continue;
                    yield return new TagUse(t, row.Location.Of("tag"), tags.Count == 1 ? name : null, row.Location.Of(nameCol),
                        vr, row.Location.Of("vr"), vm, row.Location.Of("vm"), null, $"table {table}");
                }
            }
        }
    }
}
