using Dcsc.Diagnostics;
using Dcsc.Layout;
using Dcsc.Model;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Family = Dcsc.Dictionary.ServiceFamily;

namespace Dcsc.Rules;

/// <summary>
/// Completeness of what a reader looks up first (issue 13 point 7; warnings in the `completeness` category, set at once
/// with `completeness:` in dcsc.yaml): the maximum PDU an acceptor receives (PS3.2 Table 7-1, PS3.8 D.1), the base URL
/// of a DICOMweb origin server (PS3.2 Section 5.3), and the status table of every service the product uses (PS3.2
/// Section 7.3), and the date and document id of the cover page. DCS0325-DCS0328.
/// </summary>
public sealed class CompletenessRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.MaxPduNotStated, Descriptors.BaseUrlNotStated, Descriptors.StatusTableMissing, Descriptors.CoverFactsMissing,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        MaxPdu(ctx, s);
        BaseUrl(ctx, s);
        DimseStatusTables(ctx, s);
        WebStatusTables(ctx, s);
        Cover(ctx, s);
    }

    // ------------------------------------------------------------------ DCS0328

    /// <summary>
    /// The cover page dates the document (PS3.2 template, Cover Page: it "shall include … Date of the document") and
    /// names it by its document id, which readers, purchase contracts and later revisions cite it by.
    /// </summary>
    private static void Cover(RuleContext ctx, Statement s)
    {
        var missing = new List<string>();
        if (!Facts.Has(s.Product.Date)) missing.Add("`product.date` (the date of this document)");
        if (!Facts.Has(s.Product.DocumentId)) missing.Add("`product.document_id` (the number the statement is cited by)");
        if (missing.Count == 0) return;
        ctx.Report(CoverFactsMissing(s.Product.Location.Span,
            $"the cover page of {s.Product.Name} has no {(Facts.Has(s.Product.Date) ? "document id" : Facts.Has(s.Product.DocumentId) ? "date" : "date and no document id")}: add {string.Join(" and ", missing)} (PS3.2 template, Cover Page)"));
    }

    // ------------------------------------------------------------------ DCS0325

    private static void MaxPdu(RuleContext ctx, Statement s)
    {
        if (s.Association?.MaxPduLength is not null) return;
        foreach (var ae in s.ApplicationEntities)
        {
            bool accepts = ae.Activities.Any(a => a.Role == ActivityRole.Acceptor) || s.SopClasses.Any(x => x.Scp.Contains(ae.Name, StringComparer.Ordinal));
            if (accepts && ae.Association?.MaxPduLength is null)
                ctx.Report(MaxPduNotStated(ae.Location.Of("name"),
                    $"{ae.Name} accepts associations but the statement states no maximum PDU length it receives: add `association.max_pdu_length` to the AE (or the general `association`; PS3.2 Table 7-1, PS3.8 D.1)"));
        }
    }

    // ------------------------------------------------------------------ DCS0326

    private static void BaseUrl(RuleContext ctx, Statement s)
    {
        if (!string.IsNullOrWhiteSpace(s.DicomWeb.BaseUrl)) return;
        if (s.DicomWeb.Transactions.FirstOrDefault(w => w.OriginServer) is { } first)
            ctx.Report(BaseUrlNotStated(first.Location.Span,
                $"{s.Product.Name} is a DICOMweb origin server ({first.Service} {first.Transaction}) but states no base URL: add `dicomweb.base_url` (a pattern such as https://<host>/dicomweb is enough; PS3.2 Section 5.3, PS3.18 §8.2)"));
    }

    // ------------------------------------------------------------------ DCS0327

    /// <summary>
    /// The 7.3.2 status sections of a DIMSE service role: one per message the role shall use (Usage M in the PS3.4 DIMSE
    /// Service Group table of the SOP Class; an SCP of a Print SOP Class provides every M and U/M message). Storage
    /// SOP Classes are DCS1015 (SCP) and DCS1016 (SCU); Verification has no status section in the template (PS3.4
    /// Annex A asks for none). C-GET has no template section either: its statuses go in
    /// <c>dimse.query_retrieve.get.&lt;role&gt;.status_codes</c>, which the layout prints in 7.3.2.7.
    /// </summary>
    private static readonly (string Service, Family[] Families, string[] Uids, bool Scp, string[] Sections, string Citation)[] DimseNeeds =
    {
        ("Modality Worklist", new[] { Family.Worklist }, Array.Empty<string>(), false, new[] { "status_scu_mwl_find_c_find" }, "PS3.2 Section 7.3.2.1; PS3.4 K.4.1"),
        ("Modality Worklist", new[] { Family.Worklist }, Array.Empty<string>(), true, new[] { "status_scp_mwl_find_c_find" }, "PS3.2 Section 7.3.2.1; PS3.4 K.4.1"),
        ("Modality Performed Procedure Step", new[] { Family.Mpps }, Array.Empty<string>(), false, new[] { "status_scu_mpps_n_create", "status_scu_mpps_n_set" }, "PS3.2 Section 7.3.2.2; PS3.4 Table F.7.1-1"),
        ("Modality Performed Procedure Step", new[] { Family.Mpps }, Array.Empty<string>(), true, new[] { "status_scp_mpps_n_create", "status_scp_mpps_n_set" }, "PS3.2 Section 7.3.2.2; PS3.4 Table F.7.1-1"),
        ("Instance Availability Notification", new[] { Family.Ian }, Array.Empty<string>(), false, new[] { "status_scu_ian_n_create" }, "PS3.2 Section 7.3.2.4; PS3.4 Table R.3.1-1"),
        ("Instance Availability Notification", new[] { Family.Ian }, Array.Empty<string>(), true, new[] { "status_scp_ian_n_create" }, "PS3.2 Section 7.3.2.4; PS3.4 Table R.3.1-1"),
        ("Storage Commitment", new[] { Family.StorageCommitment }, Array.Empty<string>(), false, new[] { "status_scu_stgcmt_n_action", "status_scu_stgcmt_n_event_report" }, "PS3.2 Section 7.3.2.6; PS3.4 Table J.3.1-1"),
        ("Storage Commitment", new[] { Family.StorageCommitment }, Array.Empty<string>(), true, new[] { "status_scp_stgcmt_n_action", "status_scp_stgcmt_n_event_report" }, "PS3.2 Section 7.3.2.6; PS3.4 Table J.3.1-1"),
        ("Query/Retrieve FIND", new[] { Family.QrFind }, Array.Empty<string>(), false, new[] { "status_scu_qr_find_c_find" }, "PS3.2 Section 7.3.2.7; PS3.4 C.4.1"),
        ("Query/Retrieve FIND", new[] { Family.QrFind }, Array.Empty<string>(), true, new[] { "status_scp_qr_find_c_find" }, "PS3.2 Section 7.3.2.7; PS3.4 C.4.1"),
        ("Query/Retrieve MOVE", new[] { Family.QrMove }, Array.Empty<string>(), false, new[] { "status_scu_qr_move_c_move" }, "PS3.2 Section 7.3.2.7; PS3.4 C.4.2"),
        ("Query/Retrieve MOVE", new[] { Family.QrMove }, Array.Empty<string>(), true, new[] { "status_scp_qr_move_c_move" }, "PS3.2 Section 7.3.2.7; PS3.4 C.4.2"),
        ("Query/Retrieve GET", new[] { Family.QrGet }, Array.Empty<string>(), false, new[] { "status_scu_qr_get_c_get" }, "PS3.2 Section 7.3.2.7; PS3.4 C.4.3"),
        ("Query/Retrieve GET", new[] { Family.QrGet }, Array.Empty<string>(), true, new[] { "status_scp_qr_get_c_get" }, "PS3.2 Section 7.3.2.7; PS3.4 C.4.3"),
        // Print Management: the Meta SOP Classes (PS3.4 H.3.1) and the member SOP Classes declared one by one.
        ("Basic Film Session", Array.Empty<Family>(), new[] { PrintGrayMeta, PrintColorMeta, "1.2.840.10008.5.1.1.1" }, false, new[] { "status_scu_basic_film_session_n_create" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4-1"),
        ("Basic Film Session", Array.Empty<Family>(), new[] { PrintGrayMeta, PrintColorMeta, "1.2.840.10008.5.1.1.1" }, true,
            new[] { "status_scp_basic_film_session_n_create", "status_scp_basic_film_session_n_set", "status_scp_basic_film_session_n_delete" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4-1"),
        ("Basic Film Box", Array.Empty<Family>(), new[] { PrintGrayMeta, PrintColorMeta, "1.2.840.10008.5.1.1.2" }, false,
            new[] { "status_scu_basic_film_box_session_n_create", "status_scu_basic_film_box_session_n_action" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4-5"),
        ("Basic Film Box", Array.Empty<Family>(), new[] { PrintGrayMeta, PrintColorMeta, "1.2.840.10008.5.1.1.2" }, true,
            new[] { "status_scp_basic_film_box_n_create", "status_scp_basic_film_box_n_action", "status_scp_basic_film_box_n_delete" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4-5"),
        ("Basic Grayscale Image Box", Array.Empty<Family>(), new[] { PrintGrayMeta, "1.2.840.10008.5.1.1.4" }, false, new[] { "status_scu_basic_grayscale_image_box_n_set" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4.3.1.2-1"),
        ("Basic Grayscale Image Box", Array.Empty<Family>(), new[] { PrintGrayMeta, "1.2.840.10008.5.1.1.4" }, true, new[] { "status_scp_basic_grayscale_image_box_n_set" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4.3.1.2-1"),
        ("Basic Color Image Box", Array.Empty<Family>(), new[] { PrintColorMeta, "1.2.840.10008.5.1.1.4.1" }, false, new[] { "status_scu_basic_color_image_box_n_set" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4.3.2.2-1"),
        ("Basic Color Image Box", Array.Empty<Family>(), new[] { PrintColorMeta, "1.2.840.10008.5.1.1.4.1" }, true, new[] { "status_scp_basic_color_image_box_n_set" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4.3.2.2-1"),
        ("Printer", Array.Empty<Family>(), new[] { PrintGrayMeta, PrintColorMeta, "1.2.840.10008.5.1.1.16" }, false, new[] { "status_scu_printer_n_event_report" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4.6.2-1"),
        ("Printer", Array.Empty<Family>(), new[] { PrintGrayMeta, PrintColorMeta, "1.2.840.10008.5.1.1.16" }, true, new[] { "status_scp_printer_n_event_report", "status_scp_printer_n_get" }, "PS3.2 Section 7.3.2.8; PS3.4 Table H.4.6.2-1"),
    };

    private const string PrintGrayMeta = "1.2.840.10008.5.1.1.9";
    private const string PrintColorMeta = "1.2.840.10008.5.1.1.18";

    private static IEnumerable<(string Service, Family[] Families, string[] Uids, bool Scp, string[] Sections, string Citation)> AllDimseNeeds() =>
        DimseNeeds.Concat(Ps34Rules.UpsMandatory.Select(u => (UpsName(u.Family), new[] { u.Family }, Array.Empty<string>(), u.Scp, u.Sections, "PS3.2 Section 7.3.2.3; PS3.4 Tables CC.2-1 to CC.2-4")));

    private static string UpsName(Family f) => f switch
    {
        Family.UpsPush => "UPS Push", Family.UpsPull => "UPS Pull", Family.UpsWatch => "UPS Watch", _ => "UPS Event",
    };

    private static void DimseStatusTables(RuleContext ctx, Statement s)
    {
        var f = ctx.Facts;
        var sections = new Dictionary<string, SectionContent>(StringComparer.Ordinal);
        foreach (var (key, content) in f.AllSections()) sections.TryAdd(key, content);
        bool Documented(string key) => sections.TryGetValue(key, out var c) && Facts.HasContent(c)
            || s.Details.StatusTables.Any(t => key == $"status_{(t.Side == ServiceSide.Scu ? "scu" : "scp")}_qr_get_c_get" && t.Service == DimseService.QrGet && (t.Rows.Count > 0 || Facts.Has(t.Other)));
        foreach (var (service, families, uids, scp, keys, citation) in AllDimseNeeds())
        {
            var claim = s.SopClasses.FirstOrDefault(sc => (scp ? sc.IsScp : sc.IsScu)
                && (Array.IndexOf(families, f.FamilyOf(sc.Uid)) >= 0 || Array.IndexOf(uids, sc.Uid) >= 0));
            if (claim is null) continue;
            var missing = keys.Where(k => !Documented(k)).ToList();
            if (missing.Count == 0) continue;
            var role = scp ? "SCP" : "SCU";
            var where = missing.All(k => k.EndsWith("_qr_get_c_get", StringComparison.Ordinal))
                ? $"`dimse.query_retrieve.get.{role.ToLowerInvariant()}.status_codes`"
                : string.Join(", ", missing.Select(k => $"`sections.{k}`"));
            var who = claim.Name.Contains(service, StringComparison.OrdinalIgnoreCase) ? $"the {claim.Name} {role}" : $"the {service} {role} ({claim.Name})";
            ctx.Report(StatusTableMissing(claim.Location.Of(scp ? "scp" : "scu"),
                $"{who} has no status table for {string.Join(" and ", missing.Select(Operation))}: add the status codes and the {(scp ? "conditions that cause them" : "behaviour on each")} to {where} ({citation})"));
        }
    }

    /// <summary>The DIMSE operation a status section documents, from its key (<c>…_n_event_report</c> → N-EVENT-REPORT).</summary>
    private static string Operation(string key)
    {
        foreach (var op in new[] { "n_event_report", "n_create", "n_set", "n_get", "n_action", "n_delete", "c_find", "c_move", "c_get", "c_store" })
            if (key.EndsWith("_" + op, StringComparison.Ordinal)) return op.ToUpperInvariant().Replace('_', '-');
        return key;
    }

    /// <summary>
    /// A DICOMweb transaction in a role has its 7.3.3 status table, or the role's table of status codes for all
    /// transactions (7.3.3.1) has rows (PS3.2 Section 7.3.3; PS3.18 §8.5). Services without status sections (the
    /// Notification service) are not checked.
    /// </summary>
    private static void WebStatusTables(RuleContext ctx, Statement s)
    {
        var f = ctx.Facts;
        foreach (var w in s.DicomWeb.Transactions)
            foreach (var originServer in new[] { true, false })
            {
                if (originServer ? !w.OriginServer : !w.UserAgent) continue;
                var common = originServer ? "status_common_os" : "status_common_ua";
                if (f.HasContent(common)) continue;
                var status = TemplateData.WebSections(w.Service, w.Transaction, originServer).Status;
                if (status is null) continue;
                var section = TemplateData.Walk(TemplateData.Template.Sections).First(x => x.Key == status);
                // A transaction the template names has its own section; otherwise any section of the service in this role counts.
                var role = originServer ? "Origin Server" : "User Agent";
                var candidates = section.Children.Count == 0 ? new[] { status }
                    : TemplateData.Walk(section.Children).Where(x => x.Title.Contains(role, StringComparison.OrdinalIgnoreCase)).Select(x => x.Key).Append(status).ToArray();
                if (candidates.Any(f.HasContent)) continue;
                ctx.Report(StatusTableMissing(w.Location.Of("transaction"),
                    $"{w.Service} {w.Transaction} is offered as {(originServer ? "origin server" : "user agent")}, but the statement has no HTTP status table for it: add rows to `sections.{(section.Children.Count == 0 ? status : common)}`"
                    + (section.Children.Count == 0 ? $" (or to `sections.{common}` for all transactions)" : "")
                    + " (PS3.2 Section 7.3.3; PS3.18 §8.5)"));
            }
    }
}

