using Dcsc.Diagnostics;
using Dcsc.Model;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// Completeness of what a reader looks up first (issue 13 point 7; warnings in the `completeness` category, set at once
/// with `completeness:` in dcsc.yaml): the maximum PDU an acceptor receives (PS3.2 Table 7-1, PS3.8 D.1) and the base URL
/// of a DICOMweb origin server (PS3.2 Section 5.3). DCS0325, DCS0326.
/// </summary>
public sealed class CompletenessRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.MaxPduNotStated, Descriptors.BaseUrlNotStated,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        MaxPdu(ctx, s);
        BaseUrl(ctx, s);
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
}
