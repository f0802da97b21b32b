using System.Text.RegularExpressions;
using Dcsc.Layout;

namespace Dcsc.Import;

/// <summary>
/// A heading of the source placed in the PS3.2 template tree: the template section it is (null for an added
/// section), the repeated thing it stands for (AE, activity, IOD, SR template, finding site, mapping), and the blocks
/// under it up to the next heading.
/// </summary>
public sealed class MappedSection
{
    public required string Title { get; init; }
    public string? Number { get; init; }
    public required int Line { get; init; }
    public TemplateSection? Template { get; init; }
    public bool Na { get; set; }
    public string? How { get; init; }
    public string? Ae { get; init; }
    public string? Activity { get; init; }
    public string? Iod { get; init; }
    public string? SrTemplate { get; init; }
    public string? FindingSite { get; init; }
    public string? Mapping { get; init; }
    public MappedSection? Parent { get; init; }
    public List<Block> Blocks { get; } = new();
    public List<MappedSection> Children { get; } = new();
    public string Key => Template?.Key ?? "";

    /// <summary>The instance value a repeat prototype stands for (AE name for "ae", …).</summary>
    public string? InstanceOf(string? repeat) => repeat switch
    {
        "ae" => Ae, "activity" => Activity, "iod" => Iod, "sr_template" => SrTemplate, "finding_site" => FindingSite, "mapping" => Mapping, _ => null,
    };
}

/// <summary>
/// Maps headings to template sections by number and tolerant title, for the current PS3.2 template and for the older
/// PS3.2 Annex A layout (1 Overview … 4 Networking with 4.1 Implementation Model / 4.2 AE Specifications …,
/// 5 Media Interchange, 6 Support of Character Sets, 7 Security, 8 Annexes).
/// </summary>
public static partial class SectionMapper
{
    public static MappedSection Map(SourceDocument doc)
    {
        var root = new MappedSection { Title = "", Line = 0, How = "document" };
        var stack = new List<(int Level, MappedSection Node)> { (0, root) };
        var current = root;
        var title = DocumentTitle(doc.Blocks);
        foreach (var b in doc.Blocks)
        {
            // The document's title heading is cover text; the headings under it are the statement's chapters.
            if (ReferenceEquals(b, title)) { root.Blocks.Add(new TextBlock(ReaderText.EscapeMarkdown(title.Text), title.Line)); continue; }
            if (b is TextBlock tb && RunIn(stack[^1].Node, tb) is { } runIn)
            {
                // A run-in heading of the template ("Extended Negotiation", "Role Negotiation", …): printed as a bold
                // paragraph inside its section; what follows up to the next one or the next heading is its content.
                var owner = stack[^1].Node;
                var runNode = new MappedSection
                {
                    Title = runIn.Title, Line = tb.Line, Template = runIn, How = "run-in heading", Parent = owner,
                    Ae = owner.Ae, Activity = owner.Activity, Iod = owner.Iod, SrTemplate = owner.SrTemplate, FindingSite = owner.FindingSite, Mapping = owner.Mapping,
                };
                owner.Children.Add(runNode);
                current = runNode;
                continue;
            }
            if (b is not HeadingBlock h) { current.Blocks.Add(b); continue; }
            while (stack.Count > 1 && stack[^1].Level >= h.Level) stack.RemoveAt(stack.Count - 1);
            var parent = stack[^1].Node;
            var node = Place(h, parent);
            parent.Children.Add(node);
            stack.Add((h.Level, node));
            current = node;
        }
        return root;
    }

    /// <summary>
    /// The first heading when it is the only one at the top level and others follow below it ("# Product — DICOM
    /// Conformance Statement" over "## Overview", "## Networking", …): a title, not a chapter. Numbered headings are chapters.
    /// </summary>
    private static HeadingBlock? DocumentTitle(IReadOnlyList<Block> blocks)
    {
        var headings = blocks.OfType<HeadingBlock>().ToList();
        if (headings.Count < 2) return null;
        var top = headings.Min(h => h.Level);
        var first = headings[0];
        if (first.Level != top || headings.Count(h => h.Level == top) != 1 || Parse(first.Text).Number is not null) return null;
        return first;
    }

    private static TemplateSection? RunIn(MappedSection owner, TextBlock b)
    {
        if (owner.Template is null || b.Markdown.Length > 120 || b.Markdown.Contains('\n')) return null;
        var text = Normalize(Regex.Replace(b.Markdown, @"[*_\\]", ""));
        return owner.Template.Children.FirstOrDefault(c => c.RunIn && Normalize(c.Title) == text);
    }

    [GeneratedRegex(@"^(?:(?:Annex|Appendix)\s+)?(?<num>(?:\d{1,2}|[A-H])(?:\.\d{1,3})*)\.?\s+(?<title>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"\s*(?:[-–—:]\s*N/?A|\(N/?A\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NaSuffix();

    /// <summary>"5.2.1 Title - N/A" → ("5.2.1", "Title", true).</summary>
    public static (string? Number, string Title, bool Na) Parse(string heading)
    {
        var text = ReaderText.Squash(heading);
        var na = NaSuffix().IsMatch(text);
        if (na) text = NaSuffix().Replace(text, "");
        var m = NumberedHeading().Match(text);
        // A single capital letter followed by lower-case words is a title ("A Study…"), not an annex number.
        if (m.Success && !(m.Groups["num"].Value.Length == 1 && char.IsLetter(m.Groups["num"].Value[0]) && !heading.TrimStart().StartsWith("Annex", StringComparison.OrdinalIgnoreCase)
                           && !m.Groups["title"].Value.Split(' ')[0].All(c => !char.IsLetter(c) || char.IsUpper(c)) && !IsAnnexTitle(m.Groups["title"].Value)))
            return (m.Groups["num"].Value, m.Groups["title"].Value.Trim(), na);
        return (null, text, na);
    }

    private static bool IsAnnexTitle(string t) => Regex.IsMatch(t, @"^(IOD|SR|Structured|Conformance|Coded|Code|Attribute|Mapping|Security|Specialized|Private|Grayscale|Standard)", RegexOptions.IgnoreCase);

    private static MappedSection Place(HeadingBlock h, MappedSection parent)
    {
        var (number, title, na) = Parse(h.Text);
        var norm = Normalize(title);
        MappedSection Make(TemplateSection? t, string how, string? instance = null)
        {
            string? Inst(string repeat, string? inherited) => t?.Repeat == repeat ? instance : inherited;
            return new MappedSection
            {
                Title = title, Number = number, Line = h.Line, Template = t, Na = na, How = how, Parent = parent,
                Ae = Inst("ae", parent.Ae), Activity = Inst("activity", parent.Activity), Iod = Inst("iod", parent.Iod),
                SrTemplate = Inst("sr_template", parent.SrTemplate), FindingSite = Inst("finding_site", parent.FindingSite), Mapping = Inst("mapping", parent.Mapping),
            };
        }

        // A fixed section appears once under its parent: one already taken by an earlier heading is no candidate.
        var taken = parent.Children.Where(c => c.Template is { Repeat: null }).Select(c => c.Template!).ToHashSet();
        var candidates = (parent.Template is { } pt ? pt.Children : parent.How == "document" ? TemplateData.Template.Sections : new List<TemplateSection>())
            .Where(c => !taken.Contains(c)).ToList();
        if (parent.Template is null && parent.How != "document") return Make(null, "added");

        // 1. same title as a fixed section of the parent (wording normalised)
        foreach (var c in candidates.Where(c => c.Repeat is null))
            if (Normalize(Substitute(c.Title, parent)) == norm) return Make(c, "title");
        // 2. a repeated section ({ae} Application Entity, Real-World Activity {activity}, an IOD under Annex A, …)
        foreach (var c in candidates.Where(c => c.Repeat is not null))
            if (Instance(c, title, parent) is { } name) return Make(c, "title", name);
        // 3. the older Annex A layout and common vendor wordings
        if (Alias(norm, parent) is { } alias)
        {
            var t = TemplateData.Walk(TemplateData.Template.Sections).FirstOrDefault(s => s.Key == alias.Key);
            if (t is not null) return Make(t, "older layout", alias.Instance ?? (t.Repeat is null ? null : title));
        }
        // 4. same number (last component) and a similar title
        if (number is not null)
        {
            var last = number.Split('.')[^1];
            var byNumber = candidates.Where(c => c.Repeat is null && c.Number.Split('.')[^1] == last && Similarity(Normalize(Substitute(c.Title, parent)), norm) >= 0.34).ToList();
            if (byNumber.Count == 1) return Make(byNumber[0], "number");
        }
        // 5. the most similar title among the parent's sections
        var best = candidates.Where(c => c.Repeat is null).Select(c => (c, s: Similarity(Normalize(Substitute(c.Title, parent)), norm))).OrderByDescending(x => x.s).FirstOrDefault();
        if (best.c is not null && best.s >= 0.6) return Make(best.c, "similar title");
        // 6. a unique section of that title anywhere in the template (documents that order sections differently)
        var anywhere = TemplateData.Walk(TemplateData.Template.Sections).Where(s => s.Repeat is null && !s.Title.Contains('{') && Normalize(s.Title) == norm).ToList();
        if (anywhere.Count == 1 && InstanceContextFits(anywhere[0], parent)) return Make(anywhere[0], "title elsewhere");
        return Make(null, "added");
    }

    private static bool InstanceContextFits(TemplateSection t, MappedSection parent)
    {
        // A section inside a repeated subtree needs its instance (an AE's "Association Acceptance" needs the AE).
        for (var p = t.Parent; p is not null; p = p.Parent)
            if (p.Repeat is { } r && parent.InstanceOf(r) is null) return false;
        return true;
    }

    private static string Substitute(string title, MappedSection parent) =>
        Regex.Replace(title, @"\{(ae|activity|iod|template|finding_site|mapping)\}", m => m.Groups[1].Value switch
        {
            "ae" => parent.Ae ?? "{ae}", "activity" => parent.Activity ?? "{activity}", "iod" => parent.Iod ?? "{iod}",
            "template" => parent.SrTemplate ?? "{template}", "finding_site" => parent.FindingSite ?? "{finding_site}", _ => parent.Mapping ?? "{mapping}",
        });

    /// <summary>The instance name when <paramref name="title"/> fits the repeated section <paramref name="c"/>.</summary>
    private static string? Instance(TemplateSection c, string title, MappedSection parent)
    {
        string? M(string pattern) => Regex.Match(title, pattern, RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        switch (c.Key)
        {
            case "impl_functional_definition_ae_1": return M(@"^Functional Definition of (?:the )?(.+?)(?: Application Entity| AE)?$");
            case "netcomm_ae1_ae": return M(@"^(.+?) (?:Application Entity|AE)(?: Specification)?$") ?? M(@"^(?:Application Entity|AE) (.+)$");
            case "netcomm_real_world_activity_activity_1" or "netcomm_real_world_activity_activity_2":
                return M(@"^Real[- ]World Activity\s*[-–—:]?\s*(.+)$") ?? M(@"^Activity\s*[-–—:]\s*(.+)$");
            case "annex_a_iod":
                // Any other heading directly under A (not one of A's fixed sections, checked before) is one IOD.
                return title.Contains("IOD", StringComparison.Ordinal) || title.Contains("Information Object", StringComparison.OrdinalIgnoreCase) ? title : null;
            case "annex_b_sr_template": return title;
            case "annex_b_sr_template_finding_site": return title;
            case "annex_d_mapping": return M(@"^(Mapping .+)$");
            default:
            {
                // {iod} Specific Modules and the like: the fixed part of the title after the token.
                var fixedPart = Regex.Replace(c.Title, @"\{[a-z_]+\}\s*", "").Trim();
                return fixedPart.Length > 0 && title.EndsWith(fixedPart, StringComparison.OrdinalIgnoreCase) ? title[..^fixedPart.Length].Trim() : null;
            }
        }
    }

    public static string Normalize(string title)
    {
        var t = title.ToLowerInvariant().Replace("&", " and ").Replace("real-world", "real world").Replace("–", "-");
        t = Regex.Replace(t, @"[^a-z0-9{}_]+", " ");
        t = Regex.Replace(t, @"\b(the|a|an)\b", " ");
        return Regex.Replace(t, @"\s+", " ").Trim();
    }

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal) { "of", "and", "for", "to", "in", "on", "as", "sop", "class", "classes" };

    public static double Similarity(string a, string b)
    {
        var x = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Stop.Contains(w)).ToHashSet();
        var y = b.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Stop.Contains(w)).ToHashSet();
        if (x.Count == 0 || y.Count == 0) return 0;
        return 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    /// <summary>
    /// Titles of the older PS3.2 Annex A layout (and frequent vendor wordings) → template keys. The instance (AE,
    /// activity) of a repeated section comes from the title; the parent decides where an ambiguous title belongs.
    /// </summary>
    private static (string Key, string? Instance)? Alias(string norm, MappedSection parent)
    {
        string? M(string pattern) => Regex.Match(norm, pattern) is { Success: true } m ? m.Groups[1].Value : null;
        var inAe = parent.Ae is not null;
        switch (norm)
        {
            case "introduction": return ("introduction", null);
            case "revision history" or "document history" or "revision record": return ("intro_revision_history", null);
            case "audience" or "intended audience": return ("intro_audience", null);
            case "remarks" or "important remarks" or "scope": return ("intro_remarks", null);
            case "terms and definitions" or "definitions" or "definitions terms and abbreviations" or "glossary": return ("intro_terms_definitions", null);
            case "abbreviations" or "acronyms and abbreviations" or "abbreviations and acronyms": return ("intro_abbreviations", null);
            case "references": return ("intro_references", null);
            case "networking" or "network": return ("network_media_communication", null);
            case "implementation model": return ("implementation_model", null);
            case "application data flow" or "application data flow diagram": return ("impl_ae_data_flow", null);
            case "functional definition of application entities" or "functional definitions of aes" or "functional definition of aes": return ("impl_ae_data_flow", null);
            case "sequencing of real world activities": return inAe ? ("netcomm_sequencing_real_world_activities_ae1", null) : ("impl_ae_data_flow", null);
            case "ae specifications" or "application entity specifications" or "application entity specification": return ("netcomm_specifications", null);
            case "association policies" or "association establishment policies": return inAe ? ("netcomm_assoc_parameters_ae1", null) : ("netcomm_general", null);
            case "general": return inAe ? ("netcomm_assoc_parameters_ae1", null) : ("netcomm_general", null);
            case "number of associations" or "asynchronous nature" or "implementation identifying information" or "number of associations and asynchronous nature":
                return inAe ? ("netcomm_assoc_parameters_ae1", null) : ("netcomm_general_assoc_parameters", null);
            case "association initiation policy" or "association initiation": return inAe ? ("netcomm_assoc_initiation", null) : null;
            case "association acceptance policy" or "association acceptance": return inAe ? ("netcomm_assoc_acceptance", null) : null;
            case "network interfaces" or "physical network interface" or "physical network interfaces": return ("security_external_network_requirements", null);
            case "configuration": return ("configuration", null);
            case "ae title presentation address mapping" or "ae title and presentation address mapping" or "local ae titles" or "remote ae titles"
                or "local ae titles and presentation addresses" or "remote ae title presentation address mapping":
                return ("config_general_config_parameters", null);
            case "parameters" or "configurable parameters": return ("config_general_config_parameters", null);
            case "media interchange" or "media storage": return ("services_media_services", null);
            case "support of character sets" or "support of extended character sets" or "character sets" or "specific character sets": return ("services_charset", null);
            case "security" or "security profiles": return ("security", null);
            case "annexes" or "appendices" or "annex": return ("annexes", null);
            case "iod contents" or "created sop instances" or "created sop instance s" or "iod content": return ("annex_a_iods", null);
            case "data dictionary of private attributes" or "private attributes": return ("annex_a_common_private_modules", null);
            case "coded terminology and templates" or "code set usage": return ("annex_d_code_set_usage", null);
            case "supported dicom sop classes" or "sop classes" or "supported sop classes" or "presentation context table" or "presentation contexts":
                return inAe ? ("netcomm_assoc_initiation", null) : ("overview_content_transfer", null);
            case "conformance statement overview" or "overview": return ("overview", null);
            case "table of contents" or "contents": return ("table_of_contents", null);
        }
        if (inAe && M(@"^(?:activity|real world activity) (.+)$") is { } act)
        {
            var inAcceptance = parent.Template?.Key == "netcomm_assoc_acceptance";
            return (inAcceptance ? "netcomm_real_world_activity_activity_2" : "netcomm_real_world_activity_activity_1", null);
        }
        return null;
    }
}
