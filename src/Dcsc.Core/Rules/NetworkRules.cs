using System.Globalization;
using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Rules;

/// <summary>
/// Network declarations of issue 12: AEs that share an AE Title must agree (DCS0308), Transfer Syntax policies fit
/// their role (DCS0316), exclusions from "every Storage SOP Class" name one (DCS0317), and the completeness warnings
/// (DCS0320–DCS0324): a fact the product has but the statement leaves open is reported, while the output says "not
/// stated" instead of "N/A".
/// </summary>
public sealed class NetworkRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.SharedAeTitleConflict, Descriptors.TransferSyntaxPolicyMisfit, Descriptors.EveryStorageExclusionUnknown, Descriptors.ActivityLeavesNoTransferSyntax,
        Descriptors.AcceptorWithoutPort, Descriptors.CharacterSetsNotStated, Descriptors.ActivityWithoutSopClass, Descriptors.FactNotDocumented, Descriptors.AeTitleNotStated,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        SharedAeTitles(ctx, s);
        Policies(ctx, s);
        if (s.EveryStorage is { } every)
        {
            var expanded = ModelBinder.EveryStorageUids(every with { Exclude = Array.Empty<string>() }, ctx.Dictionary).Select(u => u.Uid).ToHashSet(StringComparer.Ordinal);
            foreach (var uid in every.Exclude.Where(u => !expanded.Contains(u)))
                ctx.Report(EveryStorageExclusionUnknown(every.Location.Of("exclude"),
                    $"`every_storage_sop_class.exclude` names {uid}{(ctx.Dictionary.FindUid(uid) is { } e ? $" \"{e.Name}\"" : "")}, which is not among the Storage SOP Classes it expands to (dictionary {ctx.Dictionary.Edition})"));
        }
        Completeness(ctx, s);
    }

    // ------------------------------------------------------------------ DCS0308

    private static void SharedAeTitles(RuleContext ctx, Statement s)
    {
        foreach (var group in s.ApplicationEntities.Where(a => !string.IsNullOrWhiteSpace(a.AeTitle)).GroupBy(a => a.AeTitle!.Trim(), StringComparer.Ordinal))
        {
            var aes = group.ToList();
            if (aes.Count < 2) continue;
            var first = aes[0];
            foreach (var other in aes.Skip(1))
            {
                void Differ(string what, string key, string? a, string? b)
                {
                    if (a is null || b is null || a == b) return;
                    ctx.Report(SharedAeTitleConflict(other.Association?.Location.Of(key) ?? other.Location.Of("association"),
                        $"{other.Name} and {first.Name} share AE Title \"{group.Key}\" but state different {what} ({b} and {a}); one AE Title negotiates one value"));
                }
                Differ("ports", "port", Port(s, first), Port(s, other));
                Differ("maximum PDU lengths", "max_pdu_length", N(first.Association?.MaxPduLength), N(other.Association?.MaxPduLength));
                Differ("Implementation Class UIDs", "implementation_class_uid", first.Association?.ImplementationClassUid, other.Association?.ImplementationClassUid);
                Differ("Implementation Version Names", "implementation_version_name", first.Association?.ImplementationVersionName, other.Association?.ImplementationVersionName);
                // The same SOP Class accepted by both: the association acceptor behind the title cannot answer in two ways.
                foreach (var sc in s.SopClasses.Where(x => x.Scp.Contains(first.Name) && x.Scp.Contains(other.Name)))
                {
                    var a = TransferSyntaxResolution.ForAe(sc, first, ActivityRole.Acceptor);
                    var b = TransferSyntaxResolution.ForAe(sc, other, ActivityRole.Acceptor);
                    if (a.Policy == b.Policy && a.SetCodes.SequenceEqual(b.SetCodes)) continue;
                    ctx.Report(SharedAeTitleConflict(other.Location.Of("name"),
                        $"{other.Name} and {first.Name} share AE Title \"{group.Key}\" and both accept {sc.Name} ({sc.Uid}), with different Transfer Syntaxes ({Describe(b)} and {Describe(a)})"));
                }
            }
        }
    }

    private static string? Port(Statement s, ApplicationEntity ae) => N(ae.Association?.Port ?? s.Association?.Port);

    private static string? N(long? v) => v?.ToString(CultureInfo.InvariantCulture);

    private static string Describe(EffectiveTransferSyntaxes e) =>
        (e.SetCodes.Count == 0 ? "no set" : "sets " + string.Join(", ", e.SetCodes)) + (e.Open ? ", policy " + TransferSyntaxResolution.PolicyLabel(e.Policy) : "");

    // ------------------------------------------------------------------ DCS0316

    private static void Policies(RuleContext ctx, Statement s)
    {
        foreach (var ae in s.ApplicationEntities)
            foreach (var a in ae.Activities.Where(a => a.Role == ActivityRole.Initiator && a.TransferSyntaxPolicy == TransferSyntaxPolicy.Any))
                ctx.Report(TransferSyntaxPolicyMisfit(a.Location.Of("transfer_syntax_policy"),
                    $"`transfer_syntax_policy: any` of initiator activity \"{a.Name}\" of {ae.Name} says nothing about what it proposes: `any` is an acceptor's policy; write `as_received` (proposes each instance in the Transfer Syntax it was received in) or list `transfer_syntax_sets`"));
        foreach (var sc in s.SopClasses.Where(x => !x.Expanded && x.TransferSyntaxPolicy == TransferSyntaxPolicy.Any && !x.IsScp && !x.OriginServer))
            ctx.Report(TransferSyntaxPolicyMisfit(sc.Location.Of("transfer_syntax_policy"),
                $"{sc.Name} has `transfer_syntax_policy: any` but no acceptor role (`scp` or origin server): `any` describes what an acceptor accepts"));
        // DCS0318: an activity that narrows (or replaces with an empty intersection) must leave each SOP Class a syntax.
        var byUid = s.SopClasses.GroupBy(x => x.Uid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var ae in s.ApplicationEntities)
            foreach (var a in ae.Activities.Where(a => a.TransferSyntaxSets.Count > 0))
            {
                var left = a.SopClasses.Where(byUid.ContainsKey).Select(u => byUid[u])
                    .Where(sc => TransferSyntaxResolution.ForActivity(sc, a) is { SetCodes.Count: 0, Open: false }).ToList();
                if (left.Count > 0)
                    ctx.Report(ActivityLeavesNoTransferSyntax(a.Location.Of("transfer_syntax_sets"),
                        $"activity \"{a.Name}\" of {ae.Name} {(a.NarrowTransferSyntaxSets ? "narrows" : "sets")} the Transfer Syntax Sets to {string.Join(", ", a.TransferSyntaxSets)}, which leaves {string.Join("; ", left.Take(5).Select(x => $"{x.Name} ({x.Uid})"))}{(left.Count > 5 ? $" and {left.Count - 5} more" : "")} without a Transfer Syntax (their sets: {string.Join(", ", left[0].TransferSyntaxSets)})"));
            }
        if (s.EveryStorage is { TransferSyntaxPolicy: TransferSyntaxPolicy.Any, Scp.Count: 0 } e)
            ctx.Report(TransferSyntaxPolicyMisfit(e.Location.Of("transfer_syntax_policy"),
                "`every_storage_sop_class` has `transfer_syntax_policy: any` but no `scp`: `any` describes what an acceptor accepts"));
    }

    // ------------------------------------------------------------------ DCS0320–DCS0324 (completeness)

    private static void Completeness(RuleContext ctx, Statement s)
    {
        bool dimse = s.SopClasses.Any(x => x.IsScu || x.IsScp);
        foreach (var ae in s.ApplicationEntities)
        {
            bool accepts = ae.Activities.Any(a => a.Role == ActivityRole.Acceptor) || s.SopClasses.Any(x => x.Scp.Contains(ae.Name));
            if (accepts && ae.Association?.Port is null && s.Association?.Port is null)
                ctx.Report(AcceptorWithoutPort(ae.Location.Of("name"),
                    $"{ae.Name} accepts associations but the statement states no port: add `association.port` to the AE (or the general `association`); the statement prints no port rather than N/A"));
            bool hasRole = s.SopClasses.Any(x => x.Scu.Contains(ae.Name) || x.Scp.Contains(ae.Name));
            if (hasRole && string.IsNullOrWhiteSpace(ae.AeTitle))
                ctx.Report(AeTitleNotStated(ae.Location.Of("name"), $"{ae.Name} has DIMSE roles but states no `ae_title`: remote systems need it to be configured"));
            foreach (var a in ae.Activities.Where(a => a.SopClasses.Count == 0))
                ctx.Report(ActivityWithoutSopClass(a.Location.Of("name"),
                    $"activity \"{a.Name}\" of {ae.Name} has no SOP Class: it lists none and no SOP Class lists {ae.Name} as `{(a.Role == ActivityRole.Acceptor ? "scp" : "scu")}`"));
        }
        if (s.CharacterSets.Count == 0 && (dimse || s.DicomWeb.Transactions.Count > 0)
            && !(s.Sections.TryGetValue("services_charset", out var cs) && (cs.Na || !string.IsNullOrWhiteSpace(cs.Text))))
            ctx.Report(CharacterSetsNotStated(s.Location.Of("product"),
                $"{s.Product.Name} exchanges DICOM data but the statement states no Specific Character Set: add `character_sets` (at least the default repertoire, ISO_IR 6); Sections 1.7 and 5.7 say it is not stated"));
        foreach (var (label, role) in Roles(s.Dimse))
            foreach (var field in role.NotDocumented.Order(StringComparer.Ordinal))
                ctx.Report(FactNotDocumented(role.Location.Of(field),
                    $"`dimse.{label}.{field}` is answered \"not documented\": the statement says so instead of stating it (PS3.4 B.4.3.2 asks for it)"));
    }

    private static IEnumerable<(string Label, ServiceRole Role)> Roles(Dimse d)
    {
        if (d.Storage.Scp is { } p) yield return ("storage.scp", p);
        if (d.Storage.Scu is { } u) yield return ("storage.scu", u);
    }
}
