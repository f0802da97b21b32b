using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;
using Family = Dcsc.Dictionary.ServiceFamily;

namespace Dcsc.Rules;

/// <summary>
/// PS3.4 conformance requirements: what PS3.4 says a Conformance Statement "shall document" for each service and
/// role, and the consistency constraints between services (shared/reference/ps34-conformance-requirements.md,
/// candidates GEN-, STO-, QR-, MWL-, MPPS-, SC-, UPS- and a few more). Each check cites its PS3.4 section.
/// DCS1001–DCS1060 (DiagnosticCatalogue.Rules.Ps34.cs); the candidate each id implements is named on its docs/rules page.
/// </summary>
public sealed class Ps34Rules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = DiagnosticCatalogue.All.Where(d => d.Category == "ps34").ToList();

    private const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1", PatientRootFind = "1.2.840.10008.5.1.4.1.2.1.1";
    private const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2", PatientRootMove = "1.2.840.10008.5.1.4.1.2.1.2";
    private const string StorageCommitmentPush = "1.2.840.10008.1.20.1", MediaDirectory = "1.2.840.10008.1.3.10";
    private const string Gsps = "1.2.840.10008.5.1.4.1.1.11.1", Csps = "1.2.840.10008.5.1.4.1.1.11.2";
    private const string ScuFindTable = "supported_c_find_attribute_matching_for_study_root_q_r_model_scu";
    private const string ScpFindTable = "supported_c_find_attribute_matching_for_study_root_q_r_model_scp";

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        var f = ctx.Facts;
        General(ctx, s, f);
        Storage(ctx, s, f);
        QueryRetrieve(ctx, s, f);
        WorkflowAndCommitment(ctx, s, f);
        Others(ctx, s, f);
    }

    // ================================================================ GEN

    private static void General(RuleContext ctx, Statement s, Facts f)
    {
        foreach (var sc in s.SopClasses)
        {
            // GEN-01
            if (ctx.Dictionary.FindUid(sc.Uid) is null && !sc.Uid.StartsWith(Facts.DicomRoot, StringComparison.Ordinal) && DicomDictionary.IsValidUid(sc.Uid, out _))
                ctx.Report(DiagnosticCatalogue.NonStandardSopClassWithoutIdentification(sc.Location.Of("uid"),
                    $"SOP Class {sc.Uid} \"{sc.Name}\" is not a standard SOP Class and has no SOP Class Identification Statement: declare it in `dictionary.uids` with its name, type and service class (PS3.4 B.4.4.1)"));
            // GEN-06
            if (!sc.IsScu && !sc.IsScp && !sc.UserAgent && !sc.OriginServer && !sc.Fsc && !sc.Fsr && !sc.Fsu)
                ctx.Report(DiagnosticCatalogue.SopClassClaimsNoRole(sc.Location.Of("uid"),
                    $"{sc.Name} claims no role: list its AEs under `scu`/`scp`, or set `user_agent`, `origin_server`, `fsc`, `fsr` or `fsu` (PS3.4 A.6.3, B.4.3, C.6.1.2, F.7.4, I.3.4, J.3.6)"));
        }

        // GEN-07: the template section of a claimed role is not N/A.
        foreach (var (families, scp, key, uid) in RoleSections)
        {
            bool claimed = uid is not null
                ? f.SopByUid.TryGetValue(uid, out var l) && l.Any(x => scp ? x.IsScp : x.IsScu)
                : scp ? f.IsScp(families) : f.IsScu(families);
            if (claimed && f.Section(key) is { Na: true } sec)
                ctx.Report(DiagnosticCatalogue.ClaimedRoleSectionNa(sec.Location.Of("na"),
                    $"section `{key}` is marked N/A, but the product claims this service as {(scp ? "SCP" : "SCU")}; describe it (the Conformance Statement shall be in the format of PS3.2, PS3.4 B.4.3, C.6.1.2, F.7.4, J.3.6, K.6.1.3, …)"));
        }

        // GEN-10: role selection negotiation where PS3.4 makes it mandatory.
        foreach (var sc in s.SopClasses)
        {
            var fam = f.FamilyOf(sc.Uid);
            string? cite = fam switch
            {
                Family.Mpps or Family.MppsRetrieve or Family.MppsNotification => "PS3.4 F.2.1",
                Family.StorageCommitment => "PS3.4 J.2.1",
                Family.StorageManagement => "PS3.4 KK.1.3.1",
                Family.QrGet => "PS3.4 C.5.3, Y.5, Z.5",
                _ => null,
            };
            if (cite is null || !(sc.IsScu || sc.IsScp)) continue;
            var acts = f.ActivitiesWith(sc.Uid).ToList();
            if (acts.Any(a => Facts.Has(a.Activity.RoleNegotiation) || Mentions("role selection", a.Activity.Description) || Mentions("role negotiation", a.Activity.Description))) continue;
            ctx.Report(DiagnosticCatalogue.RoleSelectionNotStated(acts.Count > 0 ? acts[0].Activity.Location.Span : sc.Location.Of("uid"),
                $"{sc.Name}: SCP/SCU Role Selection Negotiation is mandatory ({cite}); state it in `role_negotiation` of " +
                (acts.Count > 0 ? $"activity \"{acts[0].Activity.Name}\"" : "an activity that lists this SOP Class")));
        }

        // GEN-11: extended negotiation values inside the service's definition.
        foreach (var (ae, act, item) in f.ExtendedNegotiations())
        {
            if (item.Value is not { } text || !int.TryParse(text.Trim(), out int value)) continue;
            var fam = f.FamilyOf(item.SopClass);
            var n = Names.Normalize(item.Negotiation);
            (int Max, string Cite)? range = null;
            if (fam == Family.Storage)
            {
                if (n.Contains("signature", StringComparison.Ordinal)) range = (3, "PS3.4 Table B.3-1 byte 3");
                else if (n.Contains("coercion", StringComparison.Ordinal)) range = (2, "PS3.4 Table B.3-1 byte 5");
                else if (n.Contains("level", StringComparison.Ordinal)) range = (3, "PS3.4 Table B.3-1 byte 1");
            }
            else if (fam is Family.QrFind or Family.QrMove or Family.QrGet or Family.Worklist || ServiceCatalogue.IsUps(fam))
                range = (1, "PS3.4 Tables C.5-1, C.5-3, K.5.1-1");
            if (range is { } r && (value < 0 || value > r.Max))
                ctx.Report(DiagnosticCatalogue.ExtendedNegotiationValueNotDefined(item.Location.Of("value"),
                    $"extended negotiation \"{item.Negotiation}\" value {value} is outside [0 … {r.Max}] ({r.Cite})"));
        }

        // GEN-12: priority on every C-FIND / C-MOVE / C-GET SCP.
        foreach (var (fam, role, label, cite) in new[]
        {
            (Family.QrFind, s.Dimse.QrFind.Scp, "dimse.query_retrieve.find.scp", "PS3.4 C.4.1.1.2"),
            (Family.QrMove, s.Dimse.QrMove.Scp, "dimse.query_retrieve.move.scp", "PS3.4 C.4.2.1.2"),
            (Family.QrGet, s.Dimse.QrGet.Scp, "dimse.query_retrieve.get.scp", "PS3.4 C.4.3.1.2"),
        })
        {
            var claim = f.FirstScp(fam);
            if (claim is null || Facts.Has(role?.Priority)) continue;
            ctx.Report(DiagnosticCatalogue.PrioritySupportNotStated(Facts.Where(role, claim, true, s),
                $"{claim.Name} SCP does not state whether it supports priority processing and what the priority levels mean: add `{label}.priority` ({cite})"));
        }
        // Worklist and UPS SCPs: the `priority` field, or (statements written before it existed) the narrative.
        if (f.FirstScp(Family.Worklist) is { } mwl && !Facts.Has(s.Dimse.Worklist.Scp?.Priority)
            && !Mentions("priorit", s.Dimse.Worklist.Scp?.Description, f.Section("services_scp_mwl_find")?.Text))
            ctx.Report(DiagnosticCatalogue.PrioritySupportNotStated(Facts.Where(s.Dimse.Worklist.Scp, mwl, true, s),
                $"{mwl.Name} SCP does not state whether it supports priority processing and what the priority levels mean: add `dimse.worklist.scp.priority` (PS3.4 K.4.1.1.2)"));
        if (f.FirstScp(Family.UpsPull, Family.UpsWatch, Family.UpsQuery) is { } ups && !Facts.Has(s.Dimse.Ups.Scp?.Priority)
            && !Mentions("priorit", s.Dimse.Ups.Scp?.Description, f.Section("services_ups")?.Text))
            ctx.Report(DiagnosticCatalogue.PrioritySupportNotStated(Facts.Where(s.Dimse.Ups.Scp, ups, true, s),
                $"{ups.Name} SCP does not state whether it supports priority for C-FIND and what the priority levels mean: add `dimse.ups.scp.priority` (PS3.4 CC.2.8.1.2.2, CC.4.2.1)"));
    }

    private static readonly (Family[] Families, bool Scp, string Section, string? Uid)[] RoleSections =
    {
        (new[] { Family.Storage }, false, "services_scu_storage", null), (new[] { Family.Storage }, true, "services_scp_storage", null),
        (new[] { Family.Worklist }, false, "services_scu_mwl_find", null), (new[] { Family.Worklist }, true, "services_scp_mwl_find", null),
        (new[] { Family.Mpps }, false, "services_scu_mpps", null), (new[] { Family.Mpps }, true, "services_scp_mpps", null),
        (new[] { Family.Ian }, false, "services_scu_ian", null), (new[] { Family.Ian }, true, "services_scp_ian", null),
        (new[] { Family.StorageCommitment }, false, "services_scu_stgcmt", null), (new[] { Family.StorageCommitment }, true, "services_scp_stgcmt", null),
        (new[] { Family.UpsPush, Family.UpsPull, Family.UpsWatch, Family.UpsEvent, Family.UpsQuery }, false, "services_ups", null),
        (new[] { Family.UpsPush, Family.UpsPull, Family.UpsWatch, Family.UpsEvent, Family.UpsQuery }, true, "services_ups", null),
        (Array.Empty<Family>(), false, "services_scu_study_root_qr_find", StudyRootFind), (Array.Empty<Family>(), true, "services_scp_study_root_qr_find", StudyRootFind),
        (Array.Empty<Family>(), false, "services_scu_patient_root_qr_find", PatientRootFind), (Array.Empty<Family>(), true, "services_scp_patient_root_qr_find", PatientRootFind),
        (Array.Empty<Family>(), false, "services_scu_study_root_qr_move", StudyRootMove), (Array.Empty<Family>(), true, "services_scp_study_root_qr_move", StudyRootMove),
        (Array.Empty<Family>(), false, "services_scu_patient_root_qr_move", PatientRootMove), (Array.Empty<Family>(), true, "services_scp_patient_root_qr_move", PatientRootMove),
        (Array.Empty<Family>(), false, "services_scu_basic_grayscale_print_meta", "1.2.840.10008.5.1.1.9"), (Array.Empty<Family>(), true, "services_scp_basic_grayscale_print_meta", "1.2.840.10008.5.1.1.9"),
        (Array.Empty<Family>(), false, "services_scu_basic_color_print_meta", "1.2.840.10008.5.1.1.18"), (Array.Empty<Family>(), true, "services_scp_basic_color_print_meta", "1.2.840.10008.5.1.1.18"),
    };

    /// <summary>The activity says the N-EVENT-REPORT travels on an association of its own.</summary>
    private static bool SeparateAssociation(string? text) =>
        new[] { "new association", "separate association", "different association", "another association", "own association" }.Any(w => Mentions(w, text));

    private static bool Mentions(string word, params string?[] texts) =>
        texts.Any(t => t is not null && t.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Text that says "none"/"no"/"does not": a statement that the product does not do something.</summary>
    private static bool SaysNo(string? text)
    {
        if (text is null) return false;
        var t = text.TrimStart().ToLowerInvariant();
        return t.StartsWith("no", StringComparison.Ordinal) || t.StartsWith("does not", StringComparison.Ordinal) || t.StartsWith("never", StringComparison.Ordinal)
            || t.StartsWith("n/a", StringComparison.Ordinal) || t.StartsWith("the scp does not", StringComparison.Ordinal) || t.StartsWith("the product does not", StringComparison.Ordinal);
    }

    // ================================================================ STO

    private static readonly (string Processing, string Presentation, string Cite)[] ForProcessing =
    {
        ("1.2.840.10008.5.1.4.1.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1", "PS3.4 B.5.1.1"),
        ("1.2.840.10008.5.1.4.1.1.1.2.1", "1.2.840.10008.5.1.4.1.1.1.2", "PS3.4 B.5.1.2"),
        ("1.2.840.10008.5.1.4.1.1.1.3.1", "1.2.840.10008.5.1.4.1.1.1.3", "PS3.4 B.5.1.3"),
        ("1.2.840.10008.5.1.4.1.1.14.2", "1.2.840.10008.5.1.4.1.1.14.1", "PS3.4 B.5.1.13"),
        ("1.2.840.10008.5.1.4.1.1.13.1.5", "1.2.840.10008.5.1.4.1.1.13.1.4", "PS3.4 B.5.1.18"),
    };

    private static readonly (string Image, string PresentationState, string Cite)[] EnhancedNeedsPs =
    {
        ("1.2.840.10008.5.1.4.1.1.2.1", Gsps, "PS3.4 B.5.1.6"), ("1.2.840.10008.5.1.4.1.1.2.2", Gsps, "PS3.4 B.5.1.15"),
        ("1.2.840.10008.5.1.4.1.1.4.1", Gsps, "PS3.4 B.5.1.7"), ("1.2.840.10008.5.1.4.1.1.4.4", Gsps, "PS3.4 B.5.1.15"),
        ("1.2.840.10008.5.1.4.1.1.130", Gsps, "PS3.4 B.5.1.16"), ("1.2.840.10008.5.1.4.1.1.128.1", Gsps, "PS3.4 B.5.1.15"),
        ("1.2.840.10008.5.1.4.1.1.4.3", Csps, "PS3.4 B.5.1.8"),
    };

    /// <summary>SOP Classes whose SCP shall be a Level 2 Storage SCP (PS3.4 B.5.1.11, B.5.1.12, B.5.1.14, B.5.1.17, B.5.1.21, B.5.1.22, O.2.2, AA.2).</summary>
    private static readonly HashSet<string> NeedsLevel2 = new(StringComparer.Ordinal)
    {
        "1.2.840.10008.5.1.4.1.1.78.7", "1.2.840.10008.5.1.4.1.1.78.8", "1.2.840.10008.5.1.4.1.1.81.1", "1.2.840.10008.5.1.4.1.1.82.1",
        "1.2.840.10008.5.1.4.1.1.200.2", "1.2.840.10008.5.1.4.1.1.200.8", "1.2.840.10008.5.1.4.1.1.66",
        "1.2.840.10008.5.1.4.1.1.78.1", "1.2.840.10008.5.1.4.1.1.78.2", "1.2.840.10008.5.1.4.1.1.78.3", "1.2.840.10008.5.1.4.1.1.78.4", "1.2.840.10008.5.1.4.1.1.78.5",
        "1.2.840.10008.5.1.4.1.1.78.6", "1.2.840.10008.5.1.4.1.1.79.1", "1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.22",
        "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.88.34", "1.2.840.10008.5.1.4.1.1.88.35", "1.2.840.10008.5.1.4.1.1.88.40",
        "1.2.840.10008.5.1.4.1.1.88.50", "1.2.840.10008.5.1.4.1.1.88.65", "1.2.840.10008.5.1.4.1.1.88.67", "1.2.840.10008.5.1.4.1.1.88.68",
        "1.2.840.10008.5.1.4.1.1.88.69", "1.2.840.10008.5.1.4.1.1.88.70", "1.2.840.10008.5.1.4.1.1.88.71", "1.2.840.10008.5.1.4.1.1.88.72",
        "1.2.840.10008.5.1.4.1.1.88.73", "1.2.840.10008.5.1.4.1.1.88.74", "1.2.840.10008.5.1.4.1.1.88.75", "1.2.840.10008.5.1.4.1.1.88.76",
        "1.2.840.10008.5.1.4.1.1.88.77",
    };

    /// <summary>PS3.4 Table B.3-3: Standard SOP Class → Related General SOP Classes.</summary>
    private static readonly HashSet<(string, string)> RelatedGeneral = new()
    {
        ("1.2.840.10008.5.1.4.1.1.9.1.1", "1.2.840.10008.5.1.4.1.1.9.1.2"), ("1.2.840.10008.5.1.4.1.1.9.1.1", "1.2.840.10008.5.1.4.1.1.9.1.4"),
        ("1.2.840.10008.5.1.4.1.1.9.1.2", "1.2.840.10008.5.1.4.1.1.9.1.4"),
        ("1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.1"), ("1.2.840.10008.5.1.4.1.1.1.2.1", "1.2.840.10008.5.1.4.1.1.1.1.1"),
        ("1.2.840.10008.5.1.4.1.1.1.3", "1.2.840.10008.5.1.4.1.1.1.1"), ("1.2.840.10008.5.1.4.1.1.1.3.1", "1.2.840.10008.5.1.4.1.1.1.1.1"),
        ("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.22"), ("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.33"),
        ("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.34"), ("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.35"),
        ("1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33"), ("1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.34"),
        ("1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.35"), ("1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.88.34"),
        ("1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.88.35"), ("1.2.840.10008.5.1.4.1.1.88.34", "1.2.840.10008.5.1.4.1.1.88.35"),
        ("1.2.840.10008.5.1.4.1.1.78.6", "1.2.840.10008.5.1.4.1.1.88.22"), ("1.2.840.10008.5.1.4.1.1.79.1", "1.2.840.10008.5.1.4.1.1.88.22"),
        ("1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.2.2"), ("1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.4.4"),
        ("1.2.840.10008.5.1.4.1.1.130", "1.2.840.10008.5.1.4.1.1.128.1"),
        // Procedure Log, Simplified Adult Echo, dose SRs and Acquisition Context SR → Enhanced, Comprehensive, Comprehensive 3D, Extensible SR
    };

    private static readonly string[] SrGeneralTargets = { "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.88.34", "1.2.840.10008.5.1.4.1.1.88.35" };
    private static readonly string[] SrSpecialized = { "1.2.840.10008.5.1.4.1.1.88.40", "1.2.840.10008.5.1.4.1.1.88.72", "1.2.840.10008.5.1.4.1.1.88.67", "1.2.840.10008.5.1.4.1.1.88.68", "1.2.840.10008.5.1.4.1.1.88.73", "1.2.840.10008.5.1.4.1.1.88.76", "1.2.840.10008.5.1.4.1.1.88.71" };

    private static bool IsRelatedGeneral(string sop, string general) =>
        RelatedGeneral.Contains((sop, general)) || (Array.IndexOf(SrSpecialized, sop) >= 0 && Array.IndexOf(SrGeneralTargets, general) >= 0);

    private static void Storage(RuleContext ctx, Statement s, Facts f)
    {
        var role = s.Dimse.Storage.Scp;
        var scpClaim = f.FirstScp(Family.Storage);
        long? level = role?.LevelOfSupport;
        if (scpClaim is not null)
        {
            var at = Facts.Where(role, scpClaim, true, s);
            const string scp = "the Storage SCP";
            // STO-01
            bool Open(string field) => role?.IsNotDocumented(field) ?? false; // "not documented": DCS0323 warns instead
            if (level is null && !Open("level_of_support"))
                ctx.Report(DiagnosticCatalogue.StorageLevelNotStated(at, $"{scp} does not state its Level of Storage Support: add `dimse.storage.scp.level_of_support` (0, 1 or 2) (PS3.4 B.4.3.2, B.4.1.1)"));
            // STO-02
            if (level == 2 && role?.DigitalSignatureLevel is null && !Open("digital_signature_level"))
                ctx.Report(DiagnosticCatalogue.DigitalSignatureLevel(at, $"{scp} is Level 2 but does not state its Level of Digital Signature Support: add `dimse.storage.scp.digital_signature_level` (1, 2 or 3) (PS3.4 B.4.3.2, B.4.1.4)"));
            if (level is 0 or 1 && role?.DigitalSignatureLevel is { } sig)
                ctx.Report(DiagnosticCatalogue.DigitalSignatureLevel(role!.Location.Of("digital_signature_level"),
                    $"Signature Level {sig} is claimed by a Level {level} Storage SCP; Levels of Digital Signature Support are defined only for a Level 2 (Full) SCP (PS3.4 B.4.1.4)"));
            // STO-03
            if (level == 0 && !Facts.Has(role?.DiscardedAttributes) && !f.HasContent("services_scp_storage"))
                ctx.Report(DiagnosticCatalogue.Level0AttributesNotDefined(role!.Location.Of("level_of_support"), $"a Level 0 (Local) Storage SCP stores a subset of the Attributes that it shall define: list them in `dimse.storage.scp.discarded_attributes` or the text of `services_scp_storage` (PS3.4 B.4.1.1)"));
            // STO-04
            var coercionRows = f.Rows("services_scp_storage", "attribute_coercion_by_storage_scp");
            if (!Facts.Has(role?.ElementCoercion) && coercionRows.Count == 0 && !Open("element_coercion"))
                ctx.Report(DiagnosticCatalogue.CoercionNotStated(at, $"{scp} does not state whether it coerces Attributes: add `dimse.storage.scp.element_coercion` (and the Attributes and conditions) (PS3.4 B.4.3.2, B.4.1.3)"));
            else if ((coercionRows.Count > 0 || (Facts.Has(role?.ElementCoercion) && !SaysNo(role!.ElementCoercion))) && f.Rows("status_scp_storage_c_store", "status_codes_c_store_of_the_storage_sop_classes_scp") is { Count: > 0 } statusRows
                     && !statusRows.Any(r => Facts.Cell(r, "status_codes").Contains("B000", StringComparison.OrdinalIgnoreCase)))
                ctx.Report(DiagnosticCatalogue.CoercionNotStated(f.Section("status_scp_storage_c_store")!.Location.Span, $"{scp} coerces Attributes, so its C-STORE status table must list Warning B000 \"Coercion of Data Elements\" (PS3.4 B.4.1.3)"));
            // STO-05
            if (!Facts.Has(role?.DiscardedAttributes) && !Open("discarded_attributes"))
                ctx.Report(DiagnosticCatalogue.DiscardedAttributesNotListed(at, $"{scp} does not list the optional Attributes it discards (or say \"none\"): add `dimse.storage.scp.discarded_attributes` (PS3.4 B.4.3.2)"));
            // STO-06
            if (!Facts.Has(role?.Description) && !Facts.Has(f.Section("services_scp_storage")?.Text))
                ctx.Report(DiagnosticCatalogue.AdditionalSopClassesNotStated(at, $"{scp} does not state the mechanisms by which additional SOP Classes are dynamically supported (or that there are none): say so in `dimse.storage.scp.description` (PS3.4 B.4.3.2, B.4.1.2)"));
            // STO-07
            if (!Facts.Has(role?.LossyCompression) && f.Rows("services_scp_storage", "image_compression_by_storage_scp").Count == 0 && !Open("lossy_compression"))
                ctx.Report(DiagnosticCatalogue.LossyCompressionPolicyNotStated(at, $"{scp} does not document its policy on Lossy Image Compression (0028,2110): add `dimse.storage.scp.lossy_compression` (PS3.4 B.4.3.2)"));
            // STO-08
            if (!Facts.Has(role?.Description) && f.Rows("services_scp_storage", "behavior_when_storing_instances").Count == 0)
                ctx.Report(DiagnosticCatalogue.StoreSuccessNotDescribed(at, $"{scp} does not describe what happens after a successful C-STORE (access method and duration of storage): add `dimse.storage.scp.description` (PS3.4 B.4.3.2, B.1.2)"));
            // STO-09
            var scpStatus = f.Rows("status_scp_storage_c_store", "status_codes_c_store_of_the_storage_sop_classes_scp");
            if (scpStatus.Count == 0)
                ctx.Report(DiagnosticCatalogue.StoreScpStatusesNotDescribed(at, $"{scp} does not describe the meaning of its C-STORE failure and warning statuses: add rows to `sections.status_scp_storage_c_store` (PS3.4 B.4.3.2, Table B.2-1)"));
            else
                foreach (var r in scpStatus)
                    if (Facts.Cell(r, "service_status") is "Failure" or "Warning" or "Refused" && !Facts.HasCell(r, "further_meaning") && !Facts.HasCell(r, "condition_and_comments_on_related_fields"))
                        ctx.Report(DiagnosticCatalogue.StoreScpStatusesNotDescribed(r.Location.Span, $"C-STORE status {Facts.Cell(r, "status_codes")} has no meaning or recovery action (PS3.4 B.4.3.2)"));
            // STO-22
            foreach (var (ae, act, item) in f.ExtendedNegotiations())
            {
                if (f.FamilyOf(item.SopClass) != Family.Storage || item.Value is not { } v || !int.TryParse(v.Trim(), out int n)) continue;
                var name = Names.Normalize(item.Negotiation);
                if (name.Contains("signature", StringComparison.Ordinal))
                {
                    if (role?.DigitalSignatureLevel is { } sl && n != sl && n != 0)
                        ctx.Report(DiagnosticCatalogue.StorageNegotiationDisagreesWithLevels(item.Location.Of("value"), $"extended negotiation \"{item.Negotiation}\" {n} disagrees with `digital_signature_level: {sl}` (PS3.4 Table B.3-2)"));
                }
                else if (name.Contains("level", StringComparison.Ordinal) && level is { } lv && n != lv && n != 3)
                    ctx.Report(DiagnosticCatalogue.StorageNegotiationDisagreesWithLevels(item.Location.Of("value"), $"extended negotiation \"{item.Negotiation}\" {n} disagrees with `level_of_support: {lv}` (PS3.4 Table B.3-2)"));
                else if (name.Contains("coercion", StringComparison.Ordinal) && Facts.Has(role?.ElementCoercion) && (n == 0) != SaysNo(role!.ElementCoercion))
                    ctx.Report(DiagnosticCatalogue.StorageNegotiationDisagreesWithLevels(item.Location.Of("value"), $"extended negotiation \"{item.Negotiation}\" {n} disagrees with `element_coercion` (\"{role.ElementCoercion!.Trim()}\") (PS3.4 Table B.3-2 byte 5)"));
            }
        }

        // STO-10
        var scuClaim = f.FirstScu(Family.Storage);
        if (scuClaim is not null)
        {
            var scuRole = s.Dimse.Storage.Scu;
            var rows = f.Rows("status_scu_storage_c_store", "status_codes_c_store_for_the_storage_sop_classes_scu");
            var classes = rows.Select(r => Facts.Cell(r, "service_status") == "Refused" ? "Failure" : Facts.Cell(r, "service_status")).ToHashSet();
            var missing = new[] { "Success", "Failure", "Warning" }.Where(c => !classes.Contains(c)).ToList();
            if (rows.Count == 0 && !Facts.Has(scuRole?.Description))
                ctx.Report(DiagnosticCatalogue.StoreScuStatusesNotDescribed(Facts.Where(scuRole, scuClaim, false, s),
                    "the Storage SCU does not describe its behaviour on success, on each failure and on warning C-STORE status: add rows to `sections.status_scu_storage_c_store` (PS3.4 B.4.3.1)"));
            else if (rows.Count > 0 && missing.Count > 0)
                ctx.Report(DiagnosticCatalogue.StoreScuStatusesNotDescribed(f.Section("status_scu_storage_c_store")!.Location.Span,
                    $"the Storage SCU's C-STORE status table has no {string.Join(" / ", missing)} row: PS3.4 B.4.3.1 asks for the behaviour on success, on each failure and on warning status"));
            else
                foreach (var r in rows)
                    if (!Facts.HasCell(r, "behavior"))
                        ctx.Report(DiagnosticCatalogue.StoreScuStatusesNotDescribed(r.Location.Span, $"C-STORE status {Facts.Cell(r, "status_code")} has no behaviour (PS3.4 B.4.3.1)"));

            // STO-11
            foreach (var aeName in f.Claimed(Family.Storage).Where(x => x.IsScu).SelectMany(x => x.Scu).Distinct(StringComparer.Ordinal))
            {
                if (!f.AeByName.TryGetValue(aeName, out var ae)) continue;
                var uids = f.Claimed(Family.Storage).Where(x => x.Scu.Contains(aeName)).Select(x => x.Uid).ToHashSet(StringComparer.Ordinal);
                if (!ae.Activities.Any(a => a.Role == ActivityRole.Initiator && uids.Any(u => f.Covers(ae, a, u)))
                    && !Mentions("negotiation", scuRole?.Description, f.Section("services_scu_storage")?.Text))
                    ctx.Report(DiagnosticCatalogue.StorageScuExtendedNegotiationNotStated(ae.Location.Of("name"),
                        $"Storage SCU {ae.Name} does not state whether it supports extended negotiation: add an association-initiation activity that lists its Storage SOP Classes, or say it in `dimse.storage.scu.description` (PS3.4 B.4.3.1)"));
            }

            // STO-13
            var scuSets = f.Claimed(Family.Storage).Where(x => x.IsScu).SelectMany(x => x.TransferSyntaxSets).ToHashSet(StringComparer.Ordinal);
            foreach (var set in s.TransferSyntaxSets.Where(t => scuSets.Contains(t.Code)))
                foreach (var ts in set.TransferSyntaxes.Where(t => t.Uid is "1.2.840.10008.1.2.4.94" or "1.2.840.10008.1.2.4.95"))
                    if (!Mentions("JPIP", scuRole?.Description, f.Section("services_scu_storage")?.Text))
                        ctx.Report(DiagnosticCatalogue.JpipWithoutDescription(ts.Location.Of("uid"),
                            $"the Storage SCU proposes {ts.Name}: describe its behaviour with referenced pixel data and how long the reference stays valid in `dimse.storage.scu.description` (PS3.4 B.4.3.1)"));
        }

        // STO-12
        foreach (var iod in s.Iods)
        {
            bool any = iod.Modules.Any(m => m.Attributes.Count > 0 || m.Shared) || iod.PrivateModules.Any(m => m.Attributes.Count > 0) || iod.FunctionalGroups.Any(m => m.Attributes.Count > 0 || m.Shared);
            if (!any)
                ctx.Report(DiagnosticCatalogue.CreatedIodListsNoAttributes(iod.Location.Of("name"),
                    $"IOD \"{iod.Name}\" lists no Attributes: give its modules with the (optional) Attributes the created instances may contain (PS3.4 B.4.3.1)"));
        }

        foreach (var sc in s.SopClasses)
        {
            // STO-14
            foreach (var (proc, pres, cite) in ForProcessing)
            {
                if (sc.Uid != proc) continue;
                var presDecl = f.SopByUid.GetValueOrDefault(pres) ?? new List<SopClass>();
                foreach (var (aes, field) in new[] { (sc.Scu, "scu"), (sc.Scp, "scp") })
                    foreach (var ae in aes)
                        if (!presDecl.Any(p => (field == "scu" ? p.Scu : p.Scp).Contains(ae)))
                            ctx.Report(DiagnosticCatalogue.ForProcessingWithoutForPresentation(sc.Location.Of(field),
                                $"{ae} supports {sc.Name} as {field.ToUpperInvariant()}, so it shall also support {ctx.Dictionary.FindUid(pres)?.Name ?? pres} ({pres}) as {field.ToUpperInvariant()} ({cite})"));
            }
            // STO-15
            foreach (var (image, ps, cite) in EnhancedNeedsPs)
            {
                if (sc.Uid != image) continue;
                var psDecl = f.SopByUid.GetValueOrDefault(ps) ?? new List<SopClass>();
                foreach (var ae in sc.Scp)
                    if (!psDecl.Any(p => p.Scp.Contains(ae)))
                        ctx.Report(DiagnosticCatalogue.EnhancedWithoutPresentationState(sc.Location.Of("scp"),
                            $"{ae} is an SCP of {sc.Name}, so it shall also be an SCP of {ctx.Dictionary.FindUid(ps)?.Name ?? ps} ({ps}) ({cite})"));
            }
            // STO-16
            if (sc.IsScp && NeedsLevel2.Contains(sc.Uid) && level is { } l && l != 2)
                ctx.Report(DiagnosticCatalogue.RequiresLevel2Storage(sc.Location.Of("scp"),
                    $"an SCP of {sc.Name} shall be a Level 2 (Full) Storage SCP, but `level_of_support` is {l} (PS3.4 B.5.1.11, B.5.1.12, B.5.1.14, B.5.1.17, B.5.1.21, B.5.1.22, O.2.2, AA.2)"));
            // STO-19
            if (ctx.Dictionary.FindUid(sc.Uid) is { Type: UidType.SopClass } e && !sc.Uid.StartsWith(Facts.DicomRoot, StringComparison.Ordinal)
                && s.Dictionary.Uids.Any(u => u.Uid == sc.Uid) && ServiceCatalogue.IsStorageLike(ServiceCatalogue.FamilyOf(e)))
            {
                var iod = s.Iods.FirstOrDefault(i => i.SopClass == sc.Uid);
                bool describes = Facts.Has(sc.Comment) || (iod is not null && (iod.PrivateModules.Any(m => m.Attributes.Count > 0) || iod.Modules.Any(m => m.Attributes.Any(a => IsPrivateTag(a.Tag)))));
                if (!describes)
                    ctx.Report(DiagnosticCatalogue.SpecializedPrivateAttributesNotDescribed(sc.Location.Of("uid"),
                        $"Specialized SOP Class {sc.Uid} \"{sc.Name}\" does not describe its specialization: give its IOD with `private_modules`, or describe it in `comment` (PS3.4 B.4.4.2)"));
            }
        }

        // STO-17
        foreach (var (ae, act, item) in f.ExtendedNegotiations())
        {
            var fam = f.FamilyOf(item.SopClass);
            if (item.Support && fam is Family.QrFind or Family.QrMove or Family.QrGet && Names.Normalize(item.Negotiation).Contains("enhancedmultiframe", StringComparison.Ordinal) && level is { } l && l != 2)
                ctx.Report(DiagnosticCatalogue.MultiFrameConversionRequiresLevel2(item.Location.Of("negotiation"),
                    $"Enhanced Multi-Frame Image Conversion is claimed, so the Storage SCP of the Enhanced Multi-Frame image SOP Classes shall be Level 2, not Level {l} (PS3.4 B.5.1.23)"));
            // STO-18
            if (fam == Family.Storage && Names.Normalize(item.Negotiation).Contains("relatedgeneral", StringComparison.Ordinal) && item.Value is { } v)
                foreach (var general in v.Split(new[] { ',', ';', ' ', '\\' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    bool privateSpecialization = !item.SopClass.StartsWith(Facts.DicomRoot, StringComparison.Ordinal);
                    if (!privateSpecialization && DicomDictionary.IsValidUid(general, out _) && !IsRelatedGeneral(item.SopClass, general))
                        ctx.Report(DiagnosticCatalogue.RelatedGeneralSopClassNotInTable(item.Location.Of("value"),
                            $"{general} is not a Related General SOP Class of {item.SopClass} in PS3.4 Table B.3-3 (PS3.4 B.3.1.4)"));
                }
        }

        // STO-20
        foreach (var sc in f.SopByUid.GetValueOrDefault("1.2.840.10008.5.1.4.1.1.131") ?? new List<SopClass>())
        {
            if (sc.Create is not null)
            {
                var tags = TagsOf(s.Iods.Where(i => i.SopClass == sc.Uid));
                var missing = new[] { ("(0072,0304)", 0x00720304u, "Image Box Layout Type"), ("(0072,0434)", 0x00720434u, "Type of Synchronization") }.Where(t => !tags.Contains(t.Item2)).ToList();
                if (missing.Count > 0)
                    ctx.Report(DiagnosticCatalogue.StructuredDisplayStatementsMissing(sc.Location.Of("create"),
                        $"a Basic Structured Display creator shall identify the values it uses for {string.Join(" and ", missing.Select(m => $"{m.Item3} {m.Item1}"))}: list them in its IOD (PS3.4 B.5.1.9)"));
            }
            if ((sc.IsScp || sc.Display) && !Facts.Has(sc.Comment))
                ctx.Report(DiagnosticCatalogue.StructuredDisplayStatementsMissing(sc.Location.Of("uid"),
                    "a Basic Structured Display renderer shall identify the SOP Classes it renders, its display controls and its behaviour for unsupported references or values: describe them in `comment` (PS3.4 B.5.1.9)"));
        }

        // STO-21
        foreach (var sc in f.SopByUid.GetValueOrDefault("1.2.840.10008.5.1.4.1.1.90.1") ?? new List<SopClass>())
        {
            if (sc.Create is null) continue;
            bool stated = s.Iods.Where(i => i.SopClass == sc.Uid).Any(i =>
                i.Modules.Concat(i.PrivateModules).SelectMany(m => m.Attributes).Any(a => TagIs(a.Tag, 0x00820008) && (Facts.Has(a.Value) || Facts.Has(a.Comment) || Facts.Has(a.Condition)))
                || i.CodedValues.Any(c => TagIs(c.Tag, 0x00820008)));
            if (!stated)
                ctx.Report(DiagnosticCatalogue.ObservationSignificanceNotStated(sc.Location.Of("create"),
                    "a Content Assessment Results creator shall state its criteria for setting Observation Significance (0082,0008): give the attribute with a value or comment in its IOD (PS3.4 B.5.1.20)"));
        }
    }

    private static bool TagIs(string text, uint value) => DicomTag.TryParse(text, out var t) && t.Value == value;

    private static bool IsPrivateTag(string text) => DicomTag.TryParse(text, out var t) && t.IsPrivate;

    private static HashSet<uint> TagsOf(IEnumerable<Iod> iods)
    {
        var set = new HashSet<uint>();
        foreach (var i in iods)
        {
            foreach (var a in i.Modules.Concat(i.FunctionalGroups).Concat(i.PrivateModules).SelectMany(m => m.Attributes))
                if (DicomTag.TryParse(a.Tag, out var t)) set.Add(t.Value);
            foreach (var c in i.CodedValues)
                if (DicomTag.TryParse(c.Tag, out var t)) set.Add(t.Value);
        }
        return set;
    }

    // ================================================================ QR

    private static readonly HashSet<string> PatientStudyFind = new(StringComparer.Ordinal) { StudyRootFind, PatientRootFind, "1.2.840.10008.5.1.4.1.1.201.6" };

    private static void QueryRetrieve(RuleContext ctx, Statement s, Facts f)
    {
        var d = s.Dimse;
        var findScu = s.SopClasses.FirstOrDefault(x => x.IsScu && PatientStudyFind.Contains(x.Uid));
        var findScp = s.SopClasses.FirstOrDefault(x => x.IsScp && PatientStudyFind.Contains(x.Uid));

        // QR-01
        bool KeyTables(ServiceSide side) => s.Details.KeyTables.Any(k => k.Service == DimseService.QrFind && k.Side == side);
        if (findScu is not null && !KeyTables(ServiceSide.Scu) && f.Rows("services_scu_study_root_qr_find", ScuFindTable).Count == 0 && !Facts.HasContent(f.Section("services_scu_patient_root_qr_find") ?? SectionContent.Empty)
            && !Facts.Has(f.Section("services_scu_study_root_qr_find")?.Text))
            ctx.Report(DiagnosticCatalogue.FindOptionalKeysNotListed(Facts.Where(d.QrFind.Scu, findScu, false, s),
                $"the {findScu.Name} SCU does not state whether it uses Optional Keys nor list them: add `dimse.query_retrieve.find.scu.key_tables` or rows to `sections.services_scu_study_root_qr_find` (PS3.4 C.6.1.2.1.1, C.6.2.2.1.1)"));
        if (findScp is not null && !KeyTables(ServiceSide.Scp) && f.Rows("services_scp_study_root_qr_find", ScpFindTable).Count == 0 && !Facts.HasContent(f.Section("services_scp_patient_root_qr_find") ?? SectionContent.Empty)
            && !Facts.Has(f.Section("services_scp_study_root_qr_find")?.Text))
            ctx.Report(DiagnosticCatalogue.FindOptionalKeysNotListed(Facts.Where(d.QrFind.Scp, findScp, true, s),
                $"the {findScp.Name} SCP does not state whether it supports Optional Keys nor list them: add `dimse.query_retrieve.find.scp.key_tables` or rows to `sections.services_scp_study_root_qr_find` (PS3.4 C.6.1.2.2.1, C.6.2.2.2.1)"));

        var findNegotiations = f.ExtendedNegotiations().Where(x => f.FamilyOf(x.Item.SopClass) == Family.QrFind).ToList();
        if (findScp is not null)
        {
            // QR-02
            var relational = d.QrFind.Scp?.Relational;
            if (relational is null)
                ctx.Report(DiagnosticCatalogue.RelationalQueryNotStated(Facts.Where(d.QrFind.Scp, findScp, true, s),
                    "the C-FIND SCP does not state whether it supports relational queries: add `dimse.query_retrieve.find.scp.relational` (PS3.4 C.6.1.2.2.1, C.6.2.2.2.1)"));
            else if (relational == true && !findNegotiations.Any(x => x.Item.Support && Names.Normalize(x.Item.Negotiation).Contains("relational", StringComparison.Ordinal)))
                ctx.Report(DiagnosticCatalogue.RelationalQueryNotStated(d.QrFind.Scp!.Location.Of("relational"),
                    "relational queries are supported, so extended negotiation of relational-queries shall be supported too: add it to the extended negotiation of an accepting activity (PS3.4 C.6.2.2.2.1, C.5.1.1)"));
            // QR-04
            if (!Mentions("case", d.QrFind.Scp?.Description, f.Section("services_scp_study_root_qr_find")?.Text, f.Section("services_scp_patient_root_qr_find")?.Text))
                ctx.Report(DiagnosticCatalogue.PnCaseSensitivityNotStated(Facts.Where(d.QrFind.Scp, findScp, true, s),
                    "the C-FIND SCP does not state whether it matches PN Attributes case-insensitively and for which Attributes: say so in `dimse.query_retrieve.find.scp.description` (PS3.4 C.6.1.2.2.1, C.6.2.2.2.1)"));
            // QR-06
            bool narrative = Mentions("match", d.QrFind.Scp?.Description, f.Section("services_scp_study_root_qr_find")?.Text);
            if (!narrative)
                foreach (var row in f.Rows("services_scp_study_root_qr_find", ScpFindTable))
                {
                    var mt = Facts.Cell(row, "matching_type").ToUpperInvariant();
                    if (!row.Cells.TryGetValue("tag", out var t) || t.Count != 1 || ctx.Dictionary.FindAttribute(t[0]) is not { } e) continue;
                    string? which = mt.Contains("SINGLE", StringComparison.Ordinal) && e.Vrs.Any(v => v is "DS" or "IS" or "DA" or "TM" or "DT") ? "Single Value Matching"
                        : mt.Contains("WILD", StringComparison.Ordinal) && e.Vrs.Contains("PN") ? "Wild Card Matching" : null;
                    if (which is not null && !Facts.HasCell(row, "comments"))
                        ctx.Report(DiagnosticCatalogue.FindMatchingNotStated(row.Location.Of("matching_type"),
                            $"how {which} is performed on {e.Name} ({e.Vr}) is implementation dependent and shall be specified: add `comments` to the row or describe the matching in `dimse.query_retrieve.find.scp.description` (PS3.4 C.2.2.2.1.3, C.2.2.2.1.4, C.2.2.2.4)"));
                }
            // QR-08
            if (!f.IsScp(Family.QrMove, Family.QrGet))
                ctx.Report(DiagnosticCatalogue.RetrieveAeTitleNotSupported(Facts.Where(d.QrFind.Scp, findScp, true, s),
                    "the C-FIND SCP returns Retrieve AE Title (0008,0054), and the AE it names shall support C-MOVE or C-GET, but no MOVE or GET SOP Class is claimed as SCP (PS3.4 C.4.1.1.3.2)"));
        }

        // QR-03
        foreach (var sc in s.SopClasses.Where(x => PatientStudyFind.Contains(x.Uid)))
        {
            foreach (var (aes, role, field) in new[] { (sc.Scu, ActivityRole.Initiator, "scu"), (sc.Scp, ActivityRole.Acceptor, "scp") })
                foreach (var aeName in aes)
                    if (f.AeByName.TryGetValue(aeName, out var ae) && !ae.Activities.Any(a => a.Role == role && f.Covers(ae, a, sc.Uid)))
                        ctx.Report(DiagnosticCatalogue.FindExtendedNegotiationNotStated(sc.Location.Of(field),
                            $"{aeName} has no association-{(role == ActivityRole.Initiator ? "initiation" : "acceptance")} activity that lists {sc.Name}, so the statement cannot state its support of extended negotiation (relational, combined date-time, fuzzy PN, Empty Value and Multiple Value Matching) (PS3.4 C.6.1.2, C.6.2.2)"));
        }
        if (findScp is not null && findNegotiations.Any(x => x.Item.Support && x.Activity.Role == ActivityRole.Acceptor && Names.Normalize(x.Item.Negotiation).Contains("fuzzy", StringComparison.Ordinal))
            && !Mentions("fuzzy", d.QrFind.Scp?.Description, f.Section("services_scp_study_root_qr_find")?.Text))
            ctx.Report(DiagnosticCatalogue.FindExtendedNegotiationNotStated(Facts.Where(d.QrFind.Scp, findScp, true, s),
                "fuzzy semantic matching of person names is supported, so its mechanism shall be specified: describe it in `dimse.query_retrieve.find.scp.description` (PS3.4 C.6.2.2.2.1)"));

        // QR-05 (and the character-set part of MWL-01/02 and UPS-03)
        var query = s.SopClasses.FirstOrDefault(x => (f.FamilyOf(x.Uid) is Family.QrFind or Family.Worklist or Family.UpsPull or Family.UpsWatch or Family.UpsQuery) && (x.IsScu || x.IsScp));
        if (query is not null && s.CharacterSets.Count == 0 && !f.HasContent("services_charset"))
            ctx.Report(DiagnosticCatalogue.QueryCharacterSetNotStated(query.Location.Of("uid"),
                $"{query.Name} is claimed, so the statement shall state how Specific Character Set (0008,0005) and Timezone Offset From UTC (0008,0201) are used: list `character_sets` or describe it in `sections.services_charset` (PS3.4 C.6.1.2, C.6.2.2, K.6.1.3, CC.4)"));

        // QR-07
        foreach (var (fam, role, label) in new[] { (Family.QrMove, d.QrMove.Scp, "move"), (Family.QrGet, d.QrGet.Scp, "get") })
        {
            var claim = f.Claimed(fam).FirstOrDefault(x => x.IsScp && !x.Uid.StartsWith("1.2.840.10008.5.1.4.1.1.201.", StringComparison.Ordinal));
            if (claim is null) continue;
            if (role is null || role.SubOperationSopClasses.Count == 0)
                ctx.Report(DiagnosticCatalogue.SubOperationSopClasses(Facts.Where(role, claim, true, s),
                    $"the C-{label.ToUpperInvariant()} SCP shall list the Storage SOP Classes of its C-STORE sub-operations: add `dimse.query_retrieve.{label}.scp.sub_operation_sop_classes` (PS3.4 C.6.1.2.2.2, C.6.2.2.2.3)"));
            else
                foreach (var uid in role.SubOperationSopClasses)
                    if (!(f.SopByUid.GetValueOrDefault(uid)?.Any(x => x.IsScu) ?? false))
                        ctx.Report(DiagnosticCatalogue.SubOperationSopClasses(role.Location.Of("sub_operation_sop_classes"),
                            $"sub-operation SOP Class {uid} ({ctx.Dictionary.FindUid(uid)?.Name ?? "unknown"}) is not claimed as Storage SCU in `sop_classes`; a C-{label.ToUpperInvariant()} SCP sends its instances as Storage SCU (PS3.4 C.4.2, C.4.3)"));
        }
        if (f.FirstScu(Family.QrGet) is { } getScu && !f.IsScp(Family.Storage, Family.NonPatientStorage))
            ctx.Report(DiagnosticCatalogue.SubOperationSopClasses(getScu.Location.Of("scu"),
                $"{getScu.Name} SCU receives its instances as Storage SCP on the same association, but no Storage SOP Class is claimed as SCP (PS3.4 C.4.3, C.6.1.2.1.3)"));

        // QR-09, CIR-03, NPQ-05
        foreach (var (ae, act, item) in f.ExtendedNegotiations())
        {
            if (!item.Support) continue;
            var fam = f.FamilyOf(item.SopClass);
            var n = Names.Normalize(item.Negotiation);
            string[] allowed = fam switch
            {
                Family.QrFind => new[] { "relational", "datetime", "fuzzy", "timezone", "enhancedmultiframe", "emptyvalue", "multiplevalue" },
                Family.QrMove or Family.QrGet => new[] { "relational", "enhancedmultiframe" },
                _ => Array.Empty<string>(),
            };
            if (allowed.Length > 0 && !allowed.Any(a => n.Contains(a, StringComparison.Ordinal)))
                ctx.Report(DiagnosticCatalogue.QrNegotiationItemNotDefined(item.Location.Of("negotiation"),
                    $"\"{item.Negotiation}\" is not an extended negotiation item of {ctx.Dictionary.FindUid(item.SopClass)?.Name ?? item.SopClass} (PS3.4 Tables C.5-1 to C.5-4: " +
                    (fam == Family.QrFind ? "relational-queries, combined date-time matching, fuzzy semantic matching of person names, timezone query adjustment, Enhanced Multi-Frame Image Conversion, Empty Value Matching, Multiple Value Matching)" : "relational-retrieval, Enhanced Multi-Frame Image Conversion)")));
            if (!n.Contains("relational", StringComparison.Ordinal)) continue;
            var sc = ctx.Dictionary.FindUid(item.SopClass);
            if (sc?.ServiceClass is "Composite Instance Root Retrieve" or "Composite Instance Retrieve Without Bulk Data")
                ctx.Report(DiagnosticCatalogue.RelationalRetrieveOnInstanceRoot(item.Location.Of("negotiation"), $"relational retrieve is not defined for {sc.Name} (PS3.4 Y.4.1.2.2, Y.5.1.1, Z.4.2.2.2, Z.5.1)"));
            else if (sc?.ServiceClass is { } svc && fam is Family.QrMove or Family.QrGet && svc != "Query/Retrieve")
                ctx.Report(DiagnosticCatalogue.RelationalRetrieveOnNonPatient(item.Location.Of("negotiation"), $"relational retrieve is not defined for {sc.Name} ({svc}; PS3.4 U.4.2, X.4.2, BB.4.2, HH.4.2, II.4.2, JJ.3.2)"));
        }

        // INV-01
        foreach (var (uid, role, label) in new[] { ("1.2.840.10008.5.1.4.1.1.201.3", d.QrMove.Scp, "move"), ("1.2.840.10008.5.1.4.1.1.201.4", d.QrGet.Scp, "get") })
            if (f.SopByUid.GetValueOrDefault(uid)?.FirstOrDefault(x => x.IsScp) is { } inv && !(role?.SubOperationSopClasses.Contains("1.2.840.10008.5.1.4.1.1.201.1") ?? false))
                ctx.Report(DiagnosticCatalogue.InventoryRetrieveWithoutStorage(Facts.Where(role, inv, true, s),
                    $"an {inv.Name} SCP uses Inventory Storage (1.2.840.10008.5.1.4.1.1.201.1) for its C-STORE sub-operations: add it to `dimse.query_retrieve.{label}.scp.sub_operation_sop_classes` (PS3.4 JJ.4.2.2.2, JJ.4.2.2.3)"));

        // NPQ-03
        var level = d.Storage.Scp?.LevelOfSupport;
        foreach (var sc in s.SopClasses.Where(x => x.IsScp))
        {
            var svc = ctx.Dictionary.FindUid(sc.Uid)?.ServiceClass;
            if (svc is "Implant Template Query/Retrieve" or "Defined Procedure Protocol Query/Retrieve" or "Protocol Approval Query/Retrieve" && level is { } l && l != 2)
                ctx.Report(DiagnosticCatalogue.TemplateOrProtocolQrBelowLevel2(sc.Location.Of("scp"), $"an SCP of {sc.Name} shall store at Level 2 (Full), but `level_of_support` is {l} (PS3.4 BB.1.4, HH.1.4, II.1.4)"));
        }
    }

    // ================================================================ MWL, MPPS, Storage Commitment, UPS

    private static void WorkflowAndCommitment(RuleContext ctx, Statement s, Facts f)
    {
        var d = s.Dimse;
        // MWL-01 / MWL-02
        if (f.FirstScu(Family.Worklist) is { } mwlScu && f.Rows("services_scu_mwl_find", "supported_c_find_query_parameters_for_modality_worklist_scu").Count == 0 && !Facts.Has(f.Section("services_scu_mwl_find")?.Text))
            ctx.Report(DiagnosticCatalogue.WorklistScuKeysNotListed(Facts.Where(d.Worklist.Scu, mwlScu, false, s),
                "the Modality Worklist SCU does not state which Optional Matching Keys and Type 3 Return Keys it requests: add rows to `sections.services_scu_mwl_find` (PS3.4 K.6.1.3.1)"));
        if (f.FirstScp(Family.Worklist) is { } mwlScp)
        {
            var rows = f.Rows("services_scp_mwl_find", "supported_c_find_return_keys_for_modality_worklist_scp");
            if (rows.Count == 0)
                ctx.Report(DiagnosticCatalogue.WorklistScpKeysNotListed(Facts.Where(d.Worklist.Scp, mwlScp, true, s),
                    "the Modality Worklist SCP does not list its Optional Matching Keys (with their matching type) and Type 3 Return Keys: add rows to `sections.services_scp_mwl_find` (PS3.4 K.6.1.3.2, K.2.2.2)"));
        }

        // MPPS-01 .. MPPS-03
        if (f.FirstScu(Family.Mpps) is { } mppsScu)
        {
            if (f.Rows("services_scu_mpps", "supported_n_create_and_n_set_attributes_for_modality_performed_procedure_step_scu").Count == 0)
                ctx.Report(DiagnosticCatalogue.MppsAttributesNotEnumerated(Facts.Where(d.Mpps.Scu, mppsScu, false, s),
                    "the MPPS SCU does not enumerate the Attributes it provides with N-CREATE and N-SET: add rows to `sections.services_scu_mpps` (PS3.4 F.7.4.1.1)"));
            if (!Facts.Has(d.Mpps.Scu?.Description) && !Facts.Has(f.Section("services_scu_mpps")?.Text))
                ctx.Report(DiagnosticCatalogue.MppsScuBehaviourNotDescribed(Facts.Where(d.Mpps.Scu, mppsScu, false, s),
                    "the MPPS SCU does not describe when it creates the MPPS, when it sets COMPLETED and DISCONTINUED, and how it groups instances: add `dimse.mpps.scu.description` (PS3.4 F.7.4.1.1)"));
        }
        if (f.FirstScp(Family.Mpps) is { } mppsScp)
        {
            if (f.Rows("services_scp_mpps", "supported_n_create_and_n_set_attributes_for_modality_performed_procedure_step_scp").Count == 0)
                ctx.Report(DiagnosticCatalogue.MppsAttributesNotEnumerated(Facts.Where(d.Mpps.Scp, mppsScp, true, s),
                    "the MPPS SCP does not enumerate the Attributes it accepts with N-CREATE and N-SET: add rows to `sections.services_scp_mpps` (PS3.4 F.7.4.2.1)"));
            if (!Facts.Has(d.Mpps.Scp?.Description) && !Facts.Has(f.Section("services_scp_mpps")?.Text))
                ctx.Report(DiagnosticCatalogue.MppsScpBehaviourNotDescribed(Facts.Where(d.Mpps.Scp, mppsScp, true, s),
                    "the MPPS SCP does not describe its behaviour on creation and status change, the Attributes it coerces and how long instances persist: add `dimse.mpps.scp.description` (PS3.4 F.7.4.2.1)"));
        }
        // MPPS-04 / MPPS-05: the template has no tables for them; the SOP Class comment carries the list.
        foreach (var sc in f.Claimed(Family.MppsRetrieve).Where(x => (x.IsScu || x.IsScp) && !Facts.Has(x.Comment)))
            ctx.Report(DiagnosticCatalogue.MppsRetrieveAttributesNotEnumerated(sc.Location.Of("uid"), $"{sc.Name}: enumerate the Attributes that may be requested with N-GET in `comment` (PS3.4 F.8.4.1.1, F.8.4.2.1)"));
        foreach (var sc in f.Claimed(Family.MppsNotification).Where(x => (x.IsScu || x.IsScp) && !Facts.Has(x.Comment)))
            ctx.Report(DiagnosticCatalogue.MppsNotificationEventsNotEnumerated(sc.Location.Of("uid"), $"{sc.Name}: enumerate the event types (In Progress, Completed, Discontinued, Updated, Deleted) and optional Attributes of the notifications in `comment` (PS3.4 F.9.4.1.1, F.9.4.2.1)"));

        // SC-01 .. SC-05
        var stgScu = f.FirstScu(Family.StorageCommitment);
        var stgScp = f.FirstScp(Family.StorageCommitment);
        if (stgScu is not null)
        {
            if (!Facts.Has(d.StorageCommitment.Scu?.Description) && !Facts.Has(f.Section("services_scu_stgcmt")?.Text))
                ctx.Report(DiagnosticCatalogue.CommitmentScuBehaviourNotDocumented(Facts.Where(d.StorageCommitment.Scu, stgScu, false, s),
                    "the Storage Commitment SCU does not document how it transfers instances, what triggers the N-ACTION, the SOP Classes it asks commitment for, how long the Transaction UID is valid, and what it does on success and failure: add `dimse.storage_commitment.scu.description` (PS3.4 J.3.6.1)"));
            foreach (var ae in stgScu.Scu)
                if (!f.Claimed(Family.Storage, Family.NonPatientStorage).Any(x => x.Scu.Contains(ae)) && !f.IsScu(Family.Storage, Family.NonPatientStorage))
                    ctx.Report(DiagnosticCatalogue.CommitmentScuSendsNoInstances(stgScu.Location.Of("scu"), $"{ae} asks for storage commitment but the product sends no instances: no Storage SOP Class is claimed as SCU (PS3.4 J.3.6.1)"));
            foreach (var aeName in stgScu.Scu)
                if (f.AeByName.TryGetValue(aeName, out var ae) && f.ActivitiesWith(StorageCommitmentPush).Any() && !ae.Activities.Any(a => a.Role == ActivityRole.Acceptor && f.Covers(ae, a, StorageCommitmentPush))
                    && !ae.Activities.Any(a => f.Covers(ae, a, StorageCommitmentPush) && SeparateAssociation(a.Description)))
                    ctx.Report(DiagnosticCatalogue.CommitmentSeparateAssociationNotSupported(ae.Location.Of("name"), $"Storage Commitment SCU {ae.Name} has no association-acceptance activity for Storage Commitment, so it cannot receive the N-EVENT-REPORT on a separate association (PS3.4 J.3.3.1.3)"));
        }
        if (stgScp is not null)
        {
            if (!Facts.Has(d.StorageCommitment.Scp?.Retention))
                ctx.Report(DiagnosticCatalogue.CommitmentScpNotDocumented(Facts.Where(d.StorageCommitment.Scp, stgScp, true, s),
                    "the Storage Commitment SCP does not document the nature of its commitment (duration, deletion conditions, capacity, retrieval and latency): add `dimse.storage_commitment.scp.retention` (PS3.4 J.1.1, J.3.6.2.1)"));
            foreach (var aeName in stgScp.Scp)
                if (f.AeByName.TryGetValue(aeName, out var ae) && f.ActivitiesWith(StorageCommitmentPush).Any() && !ae.Activities.Any(a => a.Role == ActivityRole.Initiator && f.Covers(ae, a, StorageCommitmentPush))
                    && !ae.Activities.Any(a => f.Covers(ae, a, StorageCommitmentPush) && SeparateAssociation(a.Description)))
                    ctx.Report(DiagnosticCatalogue.CommitmentSeparateAssociationNotSupported(ae.Location.Of("name"), $"Storage Commitment SCP {ae.Name} has no association-initiation activity for Storage Commitment, so it cannot send the N-EVENT-REPORT on a separate association (PS3.4 J.3.3.1.2)"));
            if (d.Storage.Scp?.LevelOfSupport is 0 or 1)
                ctx.Report(DiagnosticCatalogue.CommitmentScpBelowLevel2(d.Storage.Scp!.Location.Of("level_of_support"),
                    $"a Storage Commitment SCP stores committed instances at Level 2 (Full), but `level_of_support` is {d.Storage.Scp.LevelOfSupport} (PS3.4 J.3.3.1.2)"));
        }

        // UPS-01: the status subsections of the mandatory DIMSE services of a claimed UPS SOP Class are not N/A.
        foreach (var (fam, scp, sections) in UpsMandatory)
        {
            var claim = scp ? f.FirstScp(fam) : f.FirstScu(fam);
            if (claim is null) continue;
            foreach (var key in sections)
                if (f.Section(key) is { Na: true } sec)
                    ctx.Report(DiagnosticCatalogue.UpsMandatoryDimseMissing(sec.Location.Of("na"), $"`{key}` is marked N/A, but {claim.Name} {(scp ? "SCP" : "SCU")} shall support this DIMSE service (PS3.4 CC.3, Tables CC.2-1 to CC.2-5)"));
        }
        // UPS-02 .. UPS-05
        var upsScu = f.FirstScu(Family.UpsPush, Family.UpsPull, Family.UpsWatch);
        if (upsScu is not null && !Facts.Has(d.Ups.Scu?.Description) && !Facts.Has(f.Section("services_ups")?.Text))
            ctx.Report(DiagnosticCatalogue.UpsScuStateChangesNotStated(Facts.Where(d.Ups.Scu, upsScu, false, s),
                "the UPS SCU does not state when it requests IN PROGRESS, COMPLETED and CANCELED: add `dimse.ups.scu.description` (PS3.4 CC.4.1.1)"));
        var upsQueryScu = f.FirstScu(Family.UpsPull, Family.UpsWatch, Family.UpsQuery);
        if (upsQueryScu is not null && !Facts.Has(d.Ups.Scu?.Description) && !Facts.Has(f.Section("services_ups")?.Text))
            ctx.Report(DiagnosticCatalogue.UpsScuQueryKeysNotStated(Facts.Where(d.Ups.Scu, upsQueryScu, false, s),
                "the UPS SCU does not state its Optional Matching Keys, Type 3 Return Keys, fuzzy PN negotiation, character set use and access mechanisms: add `dimse.ups.scu.description` (PS3.4 CC.4.1.1)"));
        var upsScp = f.FirstScp(Family.UpsPush, Family.UpsPull, Family.UpsWatch, Family.UpsEvent, Family.UpsQuery);
        if (upsScp is not null && !Facts.Has(d.Ups.Scp?.Description) && !Facts.Has(f.Section("services_ups")?.Text))
            ctx.Report(DiagnosticCatalogue.UpsScpBehaviourNotDocumented(Facts.Where(d.Ups.Scp, upsScp, true, s),
                "the UPS SCP does not document creation, state changes, updatable Attributes, persistence, C-FIND priority, PN matching, character sets, filtering, subscriptions and access mechanisms: add `dimse.ups.scp.description` (PS3.4 CC.4.2.1)"));
        if (f.FirstScp(Family.UpsPush) is { } push && f.Rows("status_scp_ups_push_n_create", "status_codes_for_n_create_of_the_ups_push_sop_class_scp").Count == 0 && !Mentions("modif", d.Ups.Scp?.Description, f.Section("services_ups")?.Text))
            ctx.Report(DiagnosticCatalogue.UpsScpModificationsNotDocumented(Facts.Where(d.Ups.Scp, push, true, s),
                "the UPS Push SCP does not document the modifications it may make on N-CREATE (Warning B300) and automatic subscriptions: describe them in `dimse.ups.scp.description` or `sections.status_scp_ups_push_n_create` (PS3.4 CC.2.5.3)"));
        if (f.FirstScp(Family.UpsPull) is { } pull && f.Rows("status_scp_ups_pull_n_set", "status_codes_for_n_set_of_the_ups_pull_sop_class_scp").Count == 0 && !Mentions("coerc", d.Ups.Scp?.Description, f.Section("services_ups")?.Text))
            ctx.Report(DiagnosticCatalogue.UpsScpModificationsNotDocumented(Facts.Where(d.Ups.Scp, pull, true, s),
                "the UPS Pull SCP does not document the coercions it may perform after N-SET (Warning B305): describe them in `dimse.ups.scp.description` or `sections.status_scp_ups_pull_n_set` (PS3.4 CC.2.6.3)"));
        foreach (var (key, content) in f.AllSections().Where(x => x.Key.StartsWith("status_scp_ups", StringComparison.Ordinal) || x.Key.StartsWith("status_scp_change_ups", StringComparison.Ordinal) || x.Key.StartsWith("status_scp_request_ups", StringComparison.Ordinal)))
            foreach (var row in content.Tables.Values.SelectMany(r => r))
                if (Facts.Cell(row, "status_code") is var code && (code.Contains("B300", StringComparison.OrdinalIgnoreCase) || code.Contains("B305", StringComparison.OrdinalIgnoreCase)) && !Facts.HasCell(row, "condition"))
                    ctx.Report(DiagnosticCatalogue.UpsScpModificationsNotDocumented(row.Location.Span, $"status {code} (modified or coerced values) has no `condition`: describe the modifications the SCP may make (PS3.4 CC.2.5.3, CC.2.6.3)"));
    }

    /// <summary>The 7.3.2.3 status sections of the DIMSE services each UPS SOP Class role shall support (PS3.4 CC.3, Tables CC.2-1 to CC.2-5); DCS0327 asks for their status tables.</summary>
    internal static readonly (Family Family, bool Scp, string[] Sections)[] UpsMandatory =
    {
        (Family.UpsPush, false, new[] { "status_scu_ups_push_n_create" }),
        (Family.UpsPush, true, new[] { "status_scp_ups_push_n_create", "status_scp_request_ups_cancel_ups_push_n_action", "status_scp_ups_push_n_get" }),
        (Family.UpsPull, false, new[] { "status_scu_ups_pull_c_find", "status_scu_ups_pull_n_get", "status_scu_ups_pull_n_set", "status_scu_change_ups_state_ups_pull_n_action" }),
        (Family.UpsPull, true, new[] { "status_scp_ups_pull_c_find", "status_scp_ups_pull_n_get", "status_scp_ups_pull_n_set", "status_scp_change_ups_state_ups_pull_n_action" }),
        (Family.UpsWatch, false, new[] { "status_scu_un_subscribe_ups_watch_n_action", "status_scu_ups_watch_n_get" }),
        (Family.UpsWatch, true, new[] { "status_scp_un_subscribe_ups_watch_n_action", "status_scp_ups_watch_n_get", "status_scp_ups_watch_c_find", "status_scp_request_ups_cancellation_ups_watch_n_action" }),
        (Family.UpsEvent, false, new[] { "status_scu_ups_event_n_event_report" }),
        (Family.UpsEvent, true, new[] { "status_scp_ups_event_n_event_report" }),
    };

    // ================================================================ Print, media

    private static void Others(RuleContext ctx, Statement s, Facts f)
    {
        // PRN-01
        var print = f.Claimed(Family.Print).FirstOrDefault(x => x.IsScu || x.IsScp);
        if (print is not null && !f.Claimed(Family.PrintMeta).Any(x => x.IsScu || x.IsScp))
            ctx.Report(DiagnosticCatalogue.PrintWithoutMetaSopClass(print.Location.Of("uid"),
                $"{print.Name} is claimed, but no Basic Grayscale (1.2.840.10008.5.1.1.9) or Basic Color (1.2.840.10008.5.1.1.18) Print Management Meta SOP Class is: every Print SCU/SCP supports at least one of them (PS3.4 H.3.1, H.5)"));

        // MED-02
        var creator = s.SopClasses.FirstOrDefault(x => x.Fsc || x.Fsu);
        bool profileCreates = s.MediaProfiles.Any(p => p.Fsc || p.Fsu);
        if ((creator is not null || profileCreates) && !(f.SopByUid.GetValueOrDefault(MediaDirectory)?.Any(x => x.Fsc || x.Fsu) ?? false))
            ctx.Report(DiagnosticCatalogue.FileSetCreatorWithoutDirectory(creator is not null ? creator.Location.Of(creator.Fsc ? "fsc" : "fsu") : s.MediaProfiles.First(p => p.Fsc || p.Fsu).Location.Span,
                $"a File-set Creator or Updater supports the Media Storage Directory Storage SOP Class ({MediaDirectory}) as FSC/FSU: declare it in `sop_classes` (PS3.4 I.3.1, I.3.3)"));
    }
}
