using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Match;

/// <summary>Whether the product's statement meets a requirement: it does, it does not, or it says nothing about it.</summary>
public enum RequirementStatus { Met, NotMet, NotStated }

/// <summary>One requirement's result: a sentence, and the place in the product's source it rests on.</summary>
public sealed record RequirementResult(Requirement Requirement, string Subject, RequirementStatus Status, string Message, SourceSpan Citation);

/// <summary>The product checked against a site's requirements.</summary>
public sealed record RequirementsReport(MatchSide Product, SiteRequirements Site, IReadOnlyList<RequirementResult> Results)
{
    public int Count(RequirementStatus s) => Results.Count(r => r.Status == s);

    /// <summary>True when a required (not merely desired) requirement is not met.</summary>
    public bool Fails => Results.Any(r => r.Requirement.Required && r.Status == RequirementStatus.NotMet);
}

/// <summary>
/// Checks one product against site requirements (issue 18 point 2): requirement by requirement, met / not met / not
/// stated, with a citation into the product's source. "Not stated" is kept for facts a statement may leave out
/// (query keys without key tables, Transfer Syntaxes a SOP Class does not name, no character sets or security
/// section at all); a SOP Class, role, service or transaction a statement does not list is not supported (PS3.2
/// asks a statement to list them all), so it is "not met".
/// </summary>
public static class RequirementsCheck
{
    public static RequirementsReport Run(Statement product, SiteRequirements site)
    {
        var p = new Party(product, true, product.Product.Name);
        var results = site.Items.Select(r => r.Kind switch
        {
            RequirementKind.Service => Service(p, r),
            RequirementKind.SopClass => SopClass(p, r),
            RequirementKind.TransferSyntax => TransferSyntax(p, r),
            RequirementKind.QueryKey => QueryKey(p, r),
            RequirementKind.SecurityProfile => SecurityProfile(p, r),
            RequirementKind.CharacterSet => CharacterSet(p, r),
            _ => DicomWeb(p, r),
        }).ToList();
        return new RequirementsReport(new MatchSide(product.Path, product.Product.Name, product.Product.Version), site, results);
    }

    private static RequirementResult Result(Requirement r, string subject, RequirementStatus status, string message, SourceSpan at) => new(r, subject, status, message, at);

    private static bool InRole(SopClass s, string role) => role switch
    {
        "scu" => s.IsScu,
        "scp" => s.IsScp,
        "user_agent" => s.UserAgent,
        "origin_server" => s.OriginServer,
        "fsc" => s.Fsc,
        "fsu" => s.Fsu,
        _ => s.Fsr,
    };

    private static string RoleText(string role) => role switch
    {
        "scu" => "SCU", "scp" => "SCP", "user_agent" => "DICOMweb user agent", "origin_server" => "DICOMweb origin server",
        "fsc" => "FSC", "fsu" => "FSU", "fsr" => "FSR", _ => role,
    };

    private static string RoleKey(string role) => role is "user_agent" or "origin_server" or "fsc" or "fsu" or "fsr" or "scu" or "scp" ? role : "scu";

    private static RequirementResult Service(Party p, Requirement r)
    {
        var service = r.Get("service");
        var role = r.Get("role");
        var subject = $"{MatchServices.Title(service)} as {RoleText(role)}";
        var hits = p.Sops.Values.Where(s => InRole(s, role) && Matcher.ServiceOf(p.Family(s.Uid)) == service).OrderBy(s => s.Uid, UidComparer.Instance).ToList();
        if (p.Sops.Count == 0) return NoSopClasses(p, r, subject);
        return hits.Count > 0
            ? Result(r, subject, RequirementStatus.Met, $"{p.Name} supports {hits.Count} {MatchServices.Title(service)} SOP Class{(hits.Count == 1 ? "" : "es")} as {RoleText(role)}: {Text.And(hits.Select(s => p.SopName(s.Uid)), 4)}.", hits[0].Location.Of(role))
            : Result(r, subject, RequirementStatus.NotMet, $"{p.Name} supports no {MatchServices.Title(service)} SOP Class as {RoleText(role)}.", p.Root("sop_classes"));
    }

    /// <summary>A statement that lists no SOP Class at all says nothing about services, SOP Classes or their syntaxes.</summary>
    private static RequirementResult NoSopClasses(Party p, Requirement r, string subject) =>
        Result(r, subject, RequirementStatus.NotStated, $"{p.Name}'s statement lists no SOP Classes at all.", p.Root("sop_classes"));

    private static RequirementResult SopClass(Party p, Requirement r)
    {
        var uid = r.Get("uid");
        var role = r.Get("role");
        var name = r.Opt("name") ?? p.SopName(uid);
        var subject = $"{name} ({uid}) as {RoleText(role)}";
        if (p.Sops.Count == 0) return NoSopClasses(p, r, subject);
        if (!p.Sops.TryGetValue(uid, out var sc))
            return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} does not support {name}.", p.Root("sop_classes"));
        return InRole(sc, role)
            ? Result(r, subject, RequirementStatus.Met, $"{p.Name} supports {name} as {RoleText(role)}{(sc.Expanded ? " (every Storage SOP Class)" : "")}.",
                sc.Expanded && p.S.EveryStorage is { } e ? e.Location.Of(RoleKey(role)) : sc.Location.Of(RoleKey(role)))
            : Result(r, subject, RequirementStatus.NotMet, $"{p.Name} supports {name}, but not as {RoleText(role)}.", sc.Location.Span);
    }

    private static RequirementResult TransferSyntax(Party p, Requirement r)
    {
        var uid = r.Get("uid");
        var role = r.Get("role");
        var activity = role == "scu" ? ActivityRole.Initiator : ActivityRole.Acceptor;
        var tsName = r.Opt("name") ?? p.TsName(uid);
        var verb = role == "scu" ? "proposes" : "accepts";
        var classes = r.Opt("sop_class") is { } one
            ? (p.Sops.TryGetValue(one, out var sc) ? new[] { sc } : Array.Empty<SopClass>())
            : p.Sops.Values.OrderBy(s => s.Uid, UidComparer.Instance).ToArray();
        classes = classes.Where(s => role == "scu" ? s.IsScu : s.IsScp).ToArray();
        var subject = $"{tsName} ({uid}) as {RoleText(role)}" + (r.Opt("sop_class") is { } c ? $" for {p.SopName(c)}" : "");
        if (p.Sops.Count == 0) return NoSopClasses(p, r, subject);
        if (classes.Length == 0)
            return Result(r, subject, RequirementStatus.NotMet,
                r.Opt("sop_class") is { } c2 ? $"{p.Name} does not support {p.SopName(c2)} as {RoleText(role)}." : $"{p.Name} supports no SOP Class as {RoleText(role)}.",
                p.Root("sop_classes"));
        var met = new List<SopClass>();
        var silent = new List<SopClass>();
        foreach (var s in classes)
        {
            var eff = p.Effective(s, activity);
            var list = p.Syntaxes(eff.SetCodes, out bool assumed);
            if (eff.Open && role == "scp") met.Add(s);
            else if (list.Contains(uid) && !assumed) met.Add(s);
            else if (assumed && !eff.Open) silent.Add(s);
        }
        if (met.Count > 0)
        {
            var open = met.Any(s => p.Effective(s, activity).Open);
            return Result(r, subject, RequirementStatus.Met,
                $"{p.Name} {verb} {tsName} for {Text.And(met.Select(s => p.SopName(s.Uid)), 4)}{(open ? " (it accepts any Transfer Syntax proposed)" : "")}.",
                met[0].Location.Of(open ? "transfer_syntax_policy" : "transfer_syntax_sets"));
        }
        if (silent.Count == classes.Length)
            return Result(r, subject, RequirementStatus.NotStated,
                $"{p.Name} names no Transfer Syntax for {Text.And(silent.Select(s => p.SopName(s.Uid)), 4)} as {RoleText(role)}; only the Default Transfer Syntax can be assumed (PS3.5 §10.1).",
                silent[0].Location.Span);
        return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} does not {verb[..^1]} {tsName} for any {(classes.Length == 1 ? p.SopName(classes[0].Uid) : "SOP Class")} as {RoleText(role)}.",
            classes[0].Location.Of("transfer_syntax_sets"));
    }

    private static string Tag(string t) => new string(t.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();

    private static string MatchingType(string t) => t.Trim().ToUpperInvariant().Replace(' ', '_').Replace('-', '_') switch
    {
        "S" or "SV" or "SINGLE" => "SINGLE_VALUE",
        "*" or "W" => "WILDCARD",
        "U" or "RETURN" => "UNIVERSAL",
        "R" => "RANGE",
        "L" or "LIST_OF_UID" => "UID",
        "Q" or "SEQ" => "SEQUENCE",
        var x => x,
    };

    /// <summary>The template key tables (section, table) that hold a model's keys for a role (PS3.2 Section 5.2).</summary>
    private static IEnumerable<(string Section, string Table)> TemplateTables(string model, string role) => (Matcher.Norm(model), role) switch
    {
        ("study root", "scu") => new[] { ("services_scu_study_root_qr_find", "supported_c_find_attribute_matching_for_study_root_q_r_model_scu") },
        ("study root", _) => new[] { ("services_scp_study_root_qr_find", "supported_c_find_attribute_matching_for_study_root_q_r_model_scp") },
        ("modality worklist" or "worklist", "scu") => new[] { ("services_scu_mwl_find", "supported_c_find_query_parameters_for_modality_worklist_scu") },
        ("modality worklist" or "worklist", _) => new[] { ("services_scp_mwl_find", "supported_c_find_return_keys_for_modality_worklist_scp") },
        _ => Array.Empty<(string, string)>(),
    };

    private static RequirementResult QueryKey(Party p, Requirement r)
    {
        var model = r.Get("model");
        var role = r.Get("role");
        var level = r.Opt("level");
        var tag = Tag(r.Get("tag"));
        var want = r.Opt("matching") is { } m ? MatchingType(m) : null;
        var keyName = r.Opt("name") ?? r.Get("tag");
        var subject = $"{model}{(level is null ? "" : " " + level)} key {keyName}{(want is null ? "" : $" ({want} matching)")} as {RoleText(role)}";
        var side = role == "scu" ? ServiceSide.Scu : ServiceSide.Scp;
        bool worklist = Matcher.Norm(model).Contains("worklist", StringComparison.Ordinal);
        // Structured key tables (issue 12 point 5), then the template's tables.
        var tables = p.S.Details.KeyTables.Where(t => t.Side == side && (worklist ? t.Service == DimseService.Worklist : t.Service == DimseService.QrFind)
            && (worklist || t.Model is null || Matcher.Norm(t.Model) == Matcher.Norm(model))
            && (level is null || t.Level is null || string.Equals(t.Level, level, StringComparison.OrdinalIgnoreCase))).ToList();
        var keys = tables.SelectMany(t => t.Keys.Select(k => (Tag: Tag(k.BareTag), Types: (IReadOnlyList<string>)k.MatchingTypes.Select(MatchingType).ToList(), At: k.Location.Span))).ToList();
        foreach (var (section, table) in TemplateTables(model, role))
            foreach (var row in p.Rows(section, table))
            {
                var t = row.Cells.TryGetValue("tag", out var tv) && tv.Count > 0 ? Tag(tv[0]) : "";
                var types = (row.Cells.TryGetValue("matching_type", out var mv) ? mv : row.Cells.TryGetValue("matchingtype", out var mv2) ? mv2 : Array.Empty<string>())
                    .SelectMany(v => v.Split(new[] { ',', ';', '/' }, StringSplitOptions.RemoveEmptyEntries)).Select(MatchingType).ToList();
                keys.Add((t, types, row.Location.Span));
            }
        if (keys.Count == 0)
            return Result(r, subject, RequirementStatus.NotStated, $"{p.Name} documents no {model} keys as {RoleText(role)}{(level is null ? "" : $" at {level} level")}.", p.Root("dimse"));
        var hit = keys.FirstOrDefault(k => k.Tag == tag);
        if (hit.Tag is null)
            return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} does not list {keyName} among its {model} keys as {RoleText(role)}.", keys[0].At);
        if (want is null || hit.Types.Contains(want) || (want == "SINGLE_VALUE" && hit.Types.Contains("WILDCARD")))
            return Result(r, subject, RequirementStatus.Met, $"{p.Name} supports {keyName}{(hit.Types.Count > 0 ? $" with {Text.And(hit.Types)} matching" : "")}.", hit.At);
        return Result(r, subject, RequirementStatus.NotMet,
            $"{p.Name} supports {keyName} {(hit.Types.Count == 0 ? "as a return key only" : $"with {Text.And(hit.Types)} matching only")}, not {want} matching.", hit.At);
    }

    private static string NormProfile(string s)
    {
        var n = Matcher.Norm(s);
        return n.EndsWith(" profile", StringComparison.Ordinal) ? n[..^" profile".Length] : n;
    }

    private static RequirementResult SecurityProfile(Party p, Requirement r)
    {
        var name = r.Get("profile");
        var role = r.Opt("role");
        var subject = name + (role is null ? "" : $" as {role}");
        var profiles = p.S.Security.Profiles;
        var hit = profiles.FirstOrDefault(x => NormProfile(x.Profile) == NormProfile(name));
        if (hit is not null && (role is null || (role == "sender" ? hit.Sender : hit.Receiver)))
            return Result(r, subject, RequirementStatus.Met, $"{p.Name} supports the {hit.Profile}{(role is null ? "" : $" as {role}")}.", hit.Location.Of("profile"));
        if (hit is not null)
            return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} supports the {hit.Profile}, but not as {role}.", hit.Location.Of(role!));
        if (profiles.Count == 0 && !p.S.Sections.Keys.Any(k => k.StartsWith("security", StringComparison.Ordinal)))
            return Result(r, subject, RequirementStatus.NotStated, $"{p.Name}'s statement has no security profiles and no security section: it does not say.", p.Root("security"));
        return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} does not support the {name}{(profiles.Count > 0 ? $"; it supports {Text.And(profiles.Select(x => x.Profile), 4)}" : "")}.", p.Root("security"));
    }

    private static RequirementResult CharacterSet(Party p, Requirement r)
    {
        var term = r.Get("defined_term");
        static string N(string t) => string.Join(' ', t.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var sets = p.S.CharacterSets;
        var hit = sets.FirstOrDefault(c => N(c.DefinedTerm) == N(term));
        if (hit is not null)
            return Result(r, term, RequirementStatus.Met, $"{p.Name} supports {hit.DefinedTerm}{(hit.Description is null ? "" : $" ({hit.Description})")}.", hit.Location.Span);
        if (sets.Count == 0)
            return Result(r, term, RequirementStatus.NotStated, $"{p.Name}'s statement declares no Specific Character Sets.", p.Root("character_sets"));
        return Result(r, term, RequirementStatus.NotMet, $"{p.Name} does not support {term}; it supports {Text.And(sets.Select(c => c.DefinedTerm))}.", p.Root("character_sets"));
    }

    private static RequirementResult DicomWeb(Party p, Requirement r)
    {
        var role = r.Get("role");
        var probe = new WebTransaction(r.Get("service"), null, r.Get("transaction"), Array.Empty<string>(), false, false,
            Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), null, Location.Nowhere);
        var label = Matcher.WebLabel(probe);
        var subject = $"{label} as {RoleText(role)}";
        var t = p.S.DicomWeb.Transactions.FirstOrDefault(x => Matcher.Norm(x.Service) == Matcher.Norm(probe.Service)
            && Matcher.Norm(x.Transaction) == Matcher.Norm(probe.Transaction) && (role == "user_agent" ? x.UserAgent : x.OriginServer));
        if (t is null)
            return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} does not offer {label} as {RoleText(role)}.", p.Root("dicomweb"));
        var missing = r.MediaTypes.Where(m => !t.MediaTypes.Any(x => Matcher.Norm(x) == Matcher.Norm(m))).ToList();
        if (missing.Count == 0)
            return Result(r, subject, RequirementStatus.Met, $"{p.Name} supports {label} as {RoleText(role)}{(r.MediaTypes.Count > 0 ? $" with {Text.And(r.MediaTypes)}" : "")}.", t.Location.Span);
        if (t.MediaTypes.Count == 0)
            return Result(r, subject, RequirementStatus.NotStated, $"{p.Name} supports {label} as {RoleText(role)} but lists no media types.", t.Location.Span);
        return Result(r, subject, RequirementStatus.NotMet, $"{p.Name} supports {label} as {RoleText(role)}, but not the media type{(missing.Count == 1 ? "" : "s")} {Text.And(missing)}.", t.Location.Of("media_types"));
    }
}
