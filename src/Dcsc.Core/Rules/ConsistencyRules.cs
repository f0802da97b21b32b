using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Dcsc.Model;
using Family = Dcsc.Dictionary.ServiceFamily;

namespace Dcsc.Rules;

/// <summary>
/// The statement agrees with itself: every reference resolves (AEs, Transfer Syntax Sets, activity and IOD SOP
/// Classes), everything declared is used, names, titles, ports, set codes and SOP Classes are unique, created SOP
/// Classes have their IOD, web transactions state media types, and described roles are claimed. DCS0301–DCS0315.
/// </summary>
public sealed class ConsistencyRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.AeNotDeclared, Descriptors.TransferSyntaxSetNotDeclared, Descriptors.ActivitySopClassNotDeclared, Descriptors.IodSopClassNotDeclared, Descriptors.AeSupportsNoSopClass, Descriptors.TransferSyntaxSetUnused, Descriptors.DuplicateAeName, Descriptors.DuplicatePort, Descriptors.SopClassDeclaredTwice,
        Descriptors.CreatedSopClassWithoutIod, Descriptors.DicomWebWithoutMediaType, Descriptors.ActivitySopClassNotSupportedByAe, Descriptors.DuplicateTransferSyntaxSetCode, Descriptors.RoleDescribedNotClaimed,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        var f = ctx.Facts;
        string declaredAes = s.ApplicationEntities.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", s.ApplicationEntities.Select(a => a.Name));

        // DCS0301 / DCS0302: references from SOP Classes.
        var usedAes = new HashSet<string>(StringComparer.Ordinal);
        var usedSets = new HashSet<string>(StringComparer.Ordinal);
        // The "every Storage SOP Class" declaration is checked once, not once per SOP Class it expands to.
        foreach (var sc in s.SopClasses.Where(x => !x.Expanded).Concat(EveryStorageAsOne(s)))
        {
            foreach (var (list, field) in new[] { (sc.Scu, "scu"), (sc.Scp, "scp") })
                foreach (var ae in list)
                {
                    usedAes.Add(ae);
                    if (!f.AeByName.ContainsKey(ae))
                        ctx.Report(DiagnosticCatalogue.AeNotDeclared(sc.Location.Of(field), $"Application Entity \"{ae}\" ({sc.Name}, {field}) is not declared in `application_entities` ({declaredAes})"));
                }
            foreach (var code in sc.TransferSyntaxSets)
            {
                usedSets.Add(code);
                if (!f.TsSets.ContainsKey(code))
                    ctx.Report(DiagnosticCatalogue.TransferSyntaxSetNotDeclared(sc.Location.Of("transfer_syntax_sets"),
                        $"Transfer Syntax Set \"{code}\" ({sc.Name}) is not declared in `transfer_syntax_sets` ({(s.TransferSyntaxSets.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", s.TransferSyntaxSets.Select(t => t.Code)))})"));
            }
        }
        foreach (var d in s.DeIdentification)
            if (d.Ae is { } ae && !string.IsNullOrWhiteSpace(ae))
            {
                usedAes.Add(ae);
                if (!f.AeByName.ContainsKey(ae) && !ae.Equals("ALL", StringComparison.OrdinalIgnoreCase))
                    ctx.Report(DiagnosticCatalogue.AeNotDeclared(d.Location.Of("ae"), $"Application Entity \"{ae}\" (de-identification profile \"{d.Profile}\") is not declared in `application_entities` ({declaredAes})"));
            }
        foreach (var w in s.DicomWeb.Transactions)
            if (w.Ae is { } ae && !string.IsNullOrWhiteSpace(ae))
            {
                usedAes.Add(ae);
                if (!f.AeByName.ContainsKey(ae))
                    ctx.Report(DiagnosticCatalogue.AeNotDeclared(w.Location.Of("ae"), $"Application Entity \"{ae}\" (DICOMweb {w.Service} {w.Transaction}) is not declared in `application_entities` ({declaredAes})"));
            }
        foreach (var m in s.MediaProfiles)
            if (m.Ae is { } ae && !string.IsNullOrWhiteSpace(ae))
            {
                usedAes.Add(ae);
                if (!f.AeByName.ContainsKey(ae))
                    ctx.Report(DiagnosticCatalogue.AeNotDeclared(m.Location.Of("ae"), $"Application Entity \"{ae}\" (media profile {m.Profile}) is not declared in `application_entities` ({declaredAes})"));
            }
        foreach (var p in s.Security.Profiles)
        {
            if (p.SecuredAe is not { } secured) continue;
            var t = secured.Trim();
            if (t.Equals("ALL", StringComparison.OrdinalIgnoreCase)) continue;
            if (t.StartsWith("ALL EXCEPT", StringComparison.OrdinalIgnoreCase)) t = t[10..];
            foreach (var name in t.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!f.AeByName.ContainsKey(name))
                    ctx.Report(DiagnosticCatalogue.AeNotDeclared(p.Location.Of("secured_ae"), $"Application Entity \"{name}\" (secured_ae of \"{p.Profile}\") is not declared in `application_entities` ({declaredAes})"));
        }

        // DCS0302 for the sets an activity uses instead of (or to narrow) its SOP Classes' sets.
        foreach (var (ae, act) in f.Activities)
            foreach (var code in act.TransferSyntaxSets)
            {
                usedSets.Add(code);
                if (!f.TsSets.ContainsKey(code))
                    ctx.Report(DiagnosticCatalogue.TransferSyntaxSetNotDeclared(act.Location.Of("transfer_syntax_sets"),
                        $"Transfer Syntax Set \"{code}\" (activity \"{act.Name}\" of {ae.Name}) is not declared in `transfer_syntax_sets`"));
            }

        // DCS0303 / DCS0313: activities.
        foreach (var (ae, act) in f.Activities)
        {
            foreach (var uid in act.SopClasses.Concat(act.ExtendedNegotiation.Select(n => n.SopClass)).Distinct(StringComparer.Ordinal))
            {
                var span = act.SopClasses.Contains(uid) ? act.Location.Of("sop_classes") : act.ExtendedNegotiation.First(n => n.SopClass == uid).Location.Of("sop_class");
                if (!f.SopByUid.TryGetValue(uid, out var decl))
                {
                    ctx.Report(DiagnosticCatalogue.ActivitySopClassNotDeclared(span, $"SOP Class {uid} (activity \"{act.Name}\" of {ae.Name}) is not declared in `sop_classes`"));
                    continue;
                }
                if (!decl.Any(sc => sc.Scu.Contains(ae.Name) || sc.Scp.Contains(ae.Name)))
                    ctx.Report(DiagnosticCatalogue.ActivitySopClassNotSupportedByAe(span,
                        $"activity \"{act.Name}\" of {ae.Name} uses SOP Class {uid} \"{decl[0].Name}\", but that SOP Class lists {ae.Name} neither as `scu` nor as `scp`"));
            }
        }

        // DCS0304 / DCS0311: IODs.
        var iodClasses = new HashSet<string>(s.Iods.Select(i => i.SopClass), StringComparer.Ordinal);
        foreach (var iod in s.Iods)
            if (!f.SopByUid.ContainsKey(iod.SopClass))
                ctx.Report(DiagnosticCatalogue.IodSopClassNotDeclared(iod.Location.Of("sop_class"), $"SOP Class {iod.SopClass} of IOD \"{iod.Name}\" is not declared in `sop_classes`"));
        foreach (var sc in s.SopClasses)
            if (sc.Create is not null && !iodClasses.Contains(sc.Uid) && sc.Uid != "1.2.840.10008.1.3.10") // the DICOMDIR has its own Annex A.5
                ctx.Report(DiagnosticCatalogue.CreatedSopClassWithoutIod(sc.Location.Of("create"),
                    $"{sc.Name} is created (create: {sc.Create}) but `iods` has no IOD with sop_class {sc.Uid}: Annex A should list the Attributes of the created instances"));

        // DCS0305 / DCS0306: declared but never used.
        bool web = s.DicomWeb.Transactions.Count > 0;
        foreach (var ae in s.ApplicationEntities)
            if (!usedAes.Contains(ae.Name) && !(web && ae.Activities.Count == 0)) // a DICOMweb endpoint has no DIMSE SOP Classes
                ctx.Report(DiagnosticCatalogue.AeSupportsNoSopClass(ae.Location.Of("name"), $"Application Entity \"{ae.Name}\" supports no SOP Class: no `sop_classes` entry lists it as `scu` or `scp`, and no DICOMweb transaction or media profile names it"));
        foreach (var set in s.TransferSyntaxSets)
            if (!usedSets.Contains(set.Code))
                ctx.Report(DiagnosticCatalogue.TransferSyntaxSetUnused(set.Location.Of("code"), $"Transfer Syntax Set \"{set.Code}\" is not used by any SOP Class (`transfer_syntax_sets` of `sop_classes`)"));

        // DCS0307–DCS0310, DCS0314: duplicates.
        Duplicates(ctx, DiagnosticCatalogue.DuplicateAeName, s.ApplicationEntities, a => a.Name, a => a.Location.Of("name"), (a, first) => $"Application Entity name \"{a.Name}\" is declared twice (first at line {first.Location.Of("name").Line})");
        // Several functional AEs may answer on one AE Title and port (one process; DCS0308 checks that they agree):
        // a shared port is a duplicate only between different AE Titles.
        Duplicates(ctx, DiagnosticCatalogue.DuplicatePort, s.ApplicationEntities.Where(a => a.Association?.Port is not null)
                .GroupBy(a => (a.AeTitle ?? a.Name).Trim() + "\n" + a.Association!.Port).Select(g => g.First()),
            a => a.Association!.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            a => a.Association!.Location.Of("port"), (a, first) => $"port {a.Association!.Port} of {a.Name} is also the port of {first.Name}");
        Duplicates(ctx, DiagnosticCatalogue.SopClassDeclaredTwice, s.SopClasses, sc => sc.Uid, sc => sc.Location.Of("uid"),
            (sc, first) => $"SOP Class {sc.Uid} \"{sc.Name}\" is declared twice (first at line {first.Location.Of("uid").Line}); declare it once with all its roles");
        Duplicates(ctx, DiagnosticCatalogue.DuplicateTransferSyntaxSetCode, s.TransferSyntaxSets, t => t.Code, t => t.Location.Of("code"),
            (t, first) => $"Transfer Syntax Set code \"{t.Code}\" is declared twice (first at line {first.Location.Of("code").Line})");

        // DCS0312: web transactions need media types (subscriptions carry no payload).
        foreach (var w in s.DicomWeb.Transactions)
        {
            var n = Names.Normalize(w.Transaction);
            if (n.Contains("subscribe", StringComparison.Ordinal) || n.Contains("suspend", StringComparison.Ordinal)) continue;
            if (w.MediaTypes.Count == 0 || w.MediaTypes.All(string.IsNullOrWhiteSpace))
                ctx.Report(DiagnosticCatalogue.DicomWebWithoutMediaType(w.Location.Span, $"DICOMweb {w.Service} {w.Transaction} transaction states no `media_types` (e.g. application/dicom, application/dicom+json; PS3.18 §8.7)"));
        }

        // DCS0315: a dimse role described that no SOP Class claims.
        foreach (var (label, role, families) in DescribedRoles(s.Dimse))
        {
            bool scp = label.EndsWith(".scp", StringComparison.Ordinal);
            bool claimed = f.Claimed(families).Any(sc => scp ? sc.IsScp : sc.IsScu);
            if (!claimed)
                ctx.Report(DiagnosticCatalogue.RoleDescribedNotClaimed(role.Location.Span, $"`{label}` describes a role that no SOP Class claims: no SOP Class of this service lists an AE as `{(scp ? "scp" : "scu")}`"));
        }
    }

    /// <summary>The "every Storage SOP Class" declaration as one SOP Class-like entry for the reference checks.</summary>
    private static IEnumerable<SopClass> EveryStorageAsOne(Statement s) =>
        s.EveryStorage is { } e
            ? new[] { new SopClass("", "every Storage SOP Class", e.Scu, e.Scp, false, false, false, false, false, e.TransferSyntaxSets, null, false, false, false, null, e.Location) }
            : Array.Empty<SopClass>();

    internal static IEnumerable<(string Label, ServiceRole Role, Family[] Families)> DescribedRoles(Dimse d)
    {
        (string, ServiceRoles, Family[])[] all =
        {
            ("verification", d.Verification, new[] { Family.Verification }),
            ("worklist", d.Worklist, new[] { Family.Worklist }),
            ("mpps", d.Mpps, new[] { Family.Mpps, Family.MppsRetrieve, Family.MppsNotification }),
            ("ups", d.Ups, new[] { Family.UpsPush, Family.UpsPull, Family.UpsWatch, Family.UpsEvent, Family.UpsQuery }),
            ("instance_availability", d.InstanceAvailability, new[] { Family.Ian }),
            ("storage", d.Storage, new[] { Family.Storage, Family.NonPatientStorage }),
            ("storage_commitment", d.StorageCommitment, new[] { Family.StorageCommitment }),
            ("query_retrieve.find", d.QrFind, new[] { Family.QrFind }),
            ("query_retrieve.move", d.QrMove, new[] { Family.QrMove }),
            ("query_retrieve.get", d.QrGet, new[] { Family.QrGet }),
            ("print", d.Print, new[] { Family.Print, Family.PrintMeta }),
        };
        foreach (var (name, roles, fam) in all)
        {
            if (roles.Scu is { } u) yield return ($"dimse.{name}.scu", u, fam);
            if (roles.Scp is { } p) yield return ($"dimse.{name}.scp", p, fam);
        }
    }

    private static void Duplicates<T>(RuleContext ctx, Func<Diagnostics.SourceSpan, string, Diagnostic> diagnostic, IEnumerable<T> items, Func<T, string> key, Func<T, Diagnostics.SourceSpan> span, Func<T, T, string> message)
    {
        var first = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (first.TryGetValue(k, out var f)) ctx.Report(diagnostic(span(item), message(item, f)));
            else first[k] = item;
        }
    }
}
