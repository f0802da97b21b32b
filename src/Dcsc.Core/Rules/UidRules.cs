using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Dcsc.Dictionary;
using Dcsc.Model;
using Family = Dcsc.Dictionary.ServiceFamily;

namespace Dcsc.Rules;

/// <summary>
/// UIDs wherever the statement gives one: well-formed (PS3.5 §9.1), known to the dictionary edition, not retired,
/// named as the dictionary names them, of the kind the place expects, and of the service the place expects.
/// DCS0101–DCS0106.
/// </summary>
public sealed class UidRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.UidMalformed, Descriptors.UidNotInDictionary, Descriptors.RetiredUid, Descriptors.UidNameMismatch, Descriptors.UidOfWrongType, Descriptors.SopClassOfWrongService };

    internal enum Slot { SopClass, TransferSyntax, ApplicationContext, Any }

    /// <summary>Where a SOP Class may be only a Storage (or Non-Patient Object Storage) SOP Class.</summary>
    internal enum Need { Any, StorageLike, Print }

    internal readonly record struct UidUse(string Uid, SourceSpan Span, Slot Slot, string Place, bool Declaration = false,
        string? Name = null, SourceSpan NameSpan = default, Need Need = Need.Any);

    public void Check(RuleContext ctx)
    {
        var seen = new HashSet<(string, SourceSpan)>();
        foreach (var use in Uses(ctx.Statement))
        {
            if (!seen.Add((use.Uid, use.Span))) continue;
            CheckUse(ctx, use);
        }
    }

    private static void CheckUse(RuleContext ctx, UidUse use)
    {
        var uid = use.Uid.Trim();
        if (!DicomDictionary.IsValidUid(uid, out var problem))
        {
            ctx.Report(DiagnosticCatalogue.UidMalformed(use.Span, $"UID \"{use.Uid}\" ({use.Place}) is malformed: {problem}"));
            return;
        }
        if (use.Slot == Slot.Any) return;
        var entry = ctx.Dictionary.FindUid(uid);
        string what = use.Slot switch { Slot.SopClass => "SOP Class", Slot.TransferSyntax => "Transfer Syntax", _ => "Application Context Name" };
        if (entry is null)
        {
            if (uid.StartsWith(Facts.DicomRoot, StringComparison.Ordinal))
                ctx.Report(DiagnosticCatalogue.UidNotInDictionary(use.Span,
                    $"{what} UID {uid} is under the DICOM root but not in dictionary edition {ctx.Dictionary.Edition}; " +
                    "check the UID, or declare it in `dictionary.uids` if it is newer than the edition"));
            return;
        }

        bool rightType = use.Slot switch
        {
            Slot.SopClass => entry.Type is UidType.SopClass or UidType.MetaSopClass,
            Slot.TransferSyntax => entry.Type == UidType.TransferSyntax,
            _ => entry.Type == UidType.ApplicationContextName,
        };
        if (!rightType)
        {
            string extra = entry.Uid == "1.2.840.10008.4.2"
                ? " (it appears only as the Service Class UID of SOP Class Common Extended Negotiation, PS3.4 B.3.1.3)"
                : entry.Type == UidType.WellKnownSopInstance ? " (a well-known SOP Instance is never an abstract syntax, PS3.4 J.3.5, H.4.6.5, CC.3.1.2)" : "";
            ctx.Report(DiagnosticCatalogue.UidOfWrongType(use.Span, $"{uid} is a {entry.Type.ToText()} (\"{entry.Name}\"), not a {what}, in {use.Place}{extra}"));
            return;
        }

        if (use.Declaration && entry.Retired)
            ctx.Report(DiagnosticCatalogue.RetiredUid(use.Span,
                $"{what} {uid} \"{entry.Name}\" is retired in dictionary edition {ctx.Dictionary.Edition}; " +
                (use.Slot == Slot.SopClass ? "new implementations are strongly encouraged to implement the newer SOP Classes (PS3.4 B.6)" : "prefer a current Transfer Syntax (PS3.5 Annex A)")));

        if (use.Name is { } name && !string.IsNullOrWhiteSpace(name) && !NameMatches(name, entry))
        {
            var hint = ctx.Facts.UidByName(name) is { } other && other.Uid != uid ? $" (\"{other.Name}\" is {other.Uid})" : "";
            ctx.Report(DiagnosticCatalogue.UidNameMismatch(use.NameSpan.HasPosition ? use.NameSpan : use.Span, $"{what} UID {uid} is \"{entry.Name}\", not \"{name}\"{hint}"));
        }

        if (use.Slot == Slot.SopClass && use.Need != Need.Any)
        {
            var family = ServiceCatalogue.FamilyOf(entry);
            bool ok = use.Need == Need.StorageLike ? ServiceCatalogue.IsStorageLike(family) : family is Family.Print or Family.PrintMeta;
            if (!ok && family != Family.Unknown && family != Family.Other)
                ctx.Report(DiagnosticCatalogue.SopClassOfWrongService(use.Span,
                    $"SOP Class {uid} \"{entry.Name}\" belongs to the {entry.ServiceClass ?? "unknown"} service; {use.Place} takes only " +
                    (use.Need == Need.StorageLike ? "Storage SOP Classes" : "Print Management SOP Classes")));
        }
    }

    internal static bool NameMatches(string given, UidEntry entry)
    {
        // "(Retired)" is PS3.6's mark, not part of the name: either side may carry it.
        given = WithoutRetiredMark(given.Trim());
        var g = Strip(Names.Normalize(given));
        var d = Strip(Names.Normalize(WithoutRetiredMark(entry.Name)));
        if (g == d) return true;
        if (entry.Keyword.Length > 0 && g == Strip(Names.Normalize(entry.Keyword))) return true;
        int colon = given.IndexOf(':');
        return colon > 0 && Strip(Names.Normalize(given[..colon])) == d;

        static string WithoutRetiredMark(string s) =>
            s.EndsWith("(Retired)", StringComparison.OrdinalIgnoreCase) ? s[..^9].TrimEnd() : s;

        static string Strip(string s) =>
            s.EndsWith("transfersyntax", StringComparison.Ordinal) && s.Length > 14 ? s[..^14] : s;
    }

    /// <summary>Every UID the statement gives, with the kind the place expects.</summary>
    internal static IEnumerable<UidUse> Uses(Statement s)
    {
        foreach (var sc in s.SopClasses)
        {
            bool roleNeedsStorage = sc.Fsc || sc.Fsr || sc.Fsu || sc.Create is not null || sc.Display || sc.Process || sc.Archive;
            yield return new UidUse(sc.Uid, sc.Location.Of("uid"), Slot.SopClass, "sop_classes", true, sc.Name, sc.Location.Of("name"),
                roleNeedsStorage ? Need.StorageLike : Need.Any);
        }
        foreach (var set in s.TransferSyntaxSets)
            foreach (var ts in set.TransferSyntaxes)
                yield return new UidUse(ts.Uid, ts.Location.Of("uid"), Slot.TransferSyntax, $"Transfer Syntax Set {set.Code}", true, ts.Name, ts.Location.Of("name"));
        foreach (var ae in s.ApplicationEntities)
        {
            if (ae.Association is { } a) foreach (var u in Association(a)) yield return u;
            foreach (var act in ae.Activities)
            {
                foreach (var uid in act.SopClasses)
                    yield return new UidUse(uid, act.Location.Of("sop_classes"), Slot.SopClass, $"activity \"{act.Name}\"");
                foreach (var n in act.ExtendedNegotiation)
                    yield return new UidUse(n.SopClass, n.Location.Of("sop_class"), Slot.SopClass, $"extended negotiation of activity \"{act.Name}\"");
                foreach (var p in act.TransferSyntaxSelection)
                    foreach (var uid in p.TransferSyntaxes)
                        yield return new UidUse(uid, p.Location.Of("transfer_syntaxes"), Slot.TransferSyntax, $"transfer syntax selection of activity \"{act.Name}\"");
            }
        }
        if (s.Association is { } ga) foreach (var u in Association(ga)) yield return u;
        foreach (var iod in s.Iods)
            yield return new UidUse(iod.SopClass, iod.Location.Of("sop_class"), Slot.SopClass, $"IOD \"{iod.Name}\" (Annex A)", Need: Need.StorageLike);
        foreach (var t in s.SrTemplates)
            foreach (var uid in t.SopClasses)
                yield return new UidUse(uid, t.Location.Of("sop_classes"), Slot.SopClass, $"SR template TID {t.Tid}", Need: Need.StorageLike);
        foreach (var (label, role) in Roles(s.Dimse))
            foreach (var uid in role.SubOperationSopClasses)
                yield return new UidUse(uid, role.Location.Of("sub_operation_sop_classes"), Slot.SopClass, $"sub_operation_sop_classes of {label}", Need: Need.StorageLike);
        foreach (var w in s.DicomWeb.Transactions)
            foreach (var uid in w.TransferSyntaxes)
                yield return new UidUse(uid, w.Location.Of("transfer_syntaxes"), Slot.TransferSyntax, $"DICOMweb {w.Service} {w.Transaction}");
        foreach (var u in s.Dictionary.Uids)
            yield return new UidUse(u.Uid, u.Location.Of("uid"), Slot.Any, "dictionary.uids");
        foreach (var (section, table, rows) in AllTables(s))
        {
            foreach (var row in rows)
            {
                foreach (var col in new[] { "sop_class_uid", "transfer_syntax_uid" })
                {
                    if (!row.Cells.TryGetValue(col, out var values)) continue;
                    bool sop = col == "sop_class_uid";
                    string? name = sop ? FirstOf(row, "sop_class_name", "sop_classname") : FirstOf(row, "transfer_syntax_name");
                    var need = !sop ? Need.Any
                        : table.Contains("storage_scp", StringComparison.Ordinal) ? Need.StorageLike
                        : table.Contains("print_management_meta", StringComparison.Ordinal) ? Need.Print
                        : Need.Any;
                    foreach (var v in values)
                    {
                        if (string.IsNullOrWhiteSpace(v) || !char.IsDigit(v.Trim()[0])) continue; // words such as "ALL" stand for several UIDs
                        var nameCol = sop ? (row.Cells.ContainsKey("sop_class_name") ? "sop_class_name" : "sop_classname") : "transfer_syntax_name";
                        yield return new UidUse(v, row.Location.Of(col), sop ? Slot.SopClass : Slot.TransferSyntax, $"table {table}",
                            false, values.Count == 1 ? name : null, row.Location.Of(nameCol), need);
                    }
                }
            }
        }
    }

    private static string? FirstOf(TableRow row, params string[] cols)
    {
        foreach (var c in cols)
            if (row.Cells.TryGetValue(c, out var v) && v.Count == 1) return v[0];
        return null;
    }

    private static IEnumerable<UidUse> Association(AssociationParameters a)
    {
        if (a.ApplicationContextName is { } acn)
            yield return new UidUse(acn, a.Location.Of("application_context_name"), Slot.ApplicationContext, "application_context_name");
        if (a.ImplementationClassUid is { } icu)
            yield return new UidUse(icu, a.Location.Of("implementation_class_uid"), Slot.Any, "implementation_class_uid");
    }

    internal static IEnumerable<(string Label, ServiceRole Role)> Roles(Dimse d)
    {
        (string, ServiceRoles)[] all =
        {
            ("verification", d.Verification), ("worklist", d.Worklist), ("mpps", d.Mpps), ("ups", d.Ups),
            ("instance_availability", d.InstanceAvailability), ("storage", d.Storage), ("storage_commitment", d.StorageCommitment),
            ("query_retrieve.find", d.QrFind), ("query_retrieve.move", d.QrMove), ("query_retrieve.get", d.QrGet), ("print", d.Print),
        };
        foreach (var (name, roles) in all)
        {
            if (roles.Scu is { } u) yield return ($"dimse.{name}.scu", u);
            if (roles.Scp is { } p) yield return ($"dimse.{name}.scp", p);
        }
    }

    internal static IEnumerable<(string Section, string Table, IReadOnlyList<TableRow> Rows)> AllTables(Statement s)
    {
        static IEnumerable<(string, string, IReadOnlyList<TableRow>)> Of(IReadOnlyDictionary<string, SectionContent> sections)
        {
            foreach (var (key, c) in sections)
                foreach (var (t, rows) in c.Tables)
                    yield return (key, t, rows);
        }
        foreach (var x in Of(s.Sections)) yield return x;
        foreach (var ae in s.ApplicationEntities)
        {
            foreach (var x in Of(ae.Sections)) yield return x;
            foreach (var a in ae.Activities) foreach (var x in Of(a.Sections)) yield return x;
        }
        foreach (var i in s.Iods) foreach (var x in Of(i.Sections)) yield return x;
        foreach (var t in s.SrTemplates) foreach (var x in Of(t.Sections)) yield return x;
        foreach (var m in s.Mappings) foreach (var x in Of(m.Sections)) yield return x;
        foreach (var (key, c) in DetailFacts.Sections(s))
            foreach (var (t, rows) in c.Tables) yield return (key, t, rows);
    }
}
