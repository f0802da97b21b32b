using System.Globalization;
using Dcsc.Diagnostics;
using Dcsc.Model;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// DICOMweb (PS3.18): HTTP status codes that exist, sit in the class their row claims, appear once per table and
/// belong to the transaction; Failure and Warning Reason codes in their ranges; request header fields that fit the
/// transaction; query parameters that PS3.18 defines or that name an attribute; fuzzy matching stated the same way in
/// the parameters and the search tables. DCS0623–DCS0629.
/// </summary>
public sealed class WebRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.HttpStatusInvalid, Descriptors.HttpStatusDuplicate, Descriptors.HttpStatusNotOfTransaction,
        Descriptors.ReasonCodeWrongRange, Descriptors.RequestHeaderMisfit, Descriptors.QueryParameterUnknown,
        Descriptors.FuzzyMatchingInconsistent,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        foreach (var (_, table, rows) in UidRules.AllTables(s))
        {
            if (table.StartsWith("status_codes_of_", StringComparison.Ordinal))
                StatusTable(ctx, TransactionOf(table), table, rows.Select(r => (Code: Facts.Cell(r, "code"), Status: Facts.Cell(r, "status"), Row: r.Location)).ToList());
            else if (table.StartsWith("header_fields_for_", StringComparison.Ordinal))
                HeaderTable(ctx, TransactionOf(table), table, rows);
            else if (table.StartsWith("query_parameters_for_", StringComparison.Ordinal))
                foreach (var r in rows) QueryParameter(ctx, Facts.Cell(r, "query_parameter"), r.Location.Of("query_parameter"));
        }
        foreach (var a in s.Details.WebAdditions)
            StatusTable(ctx, null, $"additions \"{a.Name}\"", a.HttpStatus.Select(h => (Code: h.Code.ToString(CultureInfo.InvariantCulture), Status: h.Status ?? "", Row: h.Location)).ToList());
        foreach (var w in s.Details.Web)
        {
            foreach (var r in w.FailureReasons) Reason(ctx, r, failure: true, w);
            foreach (var r in w.WarningReasons) Reason(ctx, r, failure: false, w);
        }
        foreach (var w in s.DicomWeb.Transactions)
            foreach (var p in w.QueryParameters) QueryParameter(ctx, p, w.Location.Of("query_parameters"));
        Fuzzy(ctx, s);
    }

    // ------------------------------------------------------------------ transactions

    /// <summary>The PS3.18 transaction a 5.3 / 7.3.3 table is about, from its key (null: all transactions).</summary>
    private static string? TransactionOf(string table)
    {
        foreach (var (marker, name) in new[]
        {
            ("change_workitem_state", "Change State"), ("change_state", "Change State"), ("request_cancellation", "Request Cancellation"),
            ("retrieve_workitem", "Retrieve Workitem"), ("update_workitem", "Update"), ("_update_", "Update"), ("create_workitem", "Create"), ("_create_", "Create"),
            ("suspend_global_subscription", "Suspend Subscription"), ("unsubscribe", "Unsubscribe"), ("subscribe", "Subscribe"),
            ("rendered", "Retrieve"), ("uri_service", "Retrieve"), ("dicom_instance_uri", "Retrieve"), ("_retrieve_", "Retrieve"),
            ("_store_", "Store"), ("_search_", "Search"), ("result_check", "Result Check"), ("_request_transaction", "Request"),
        })
            if (table.Contains(marker, StringComparison.Ordinal)) return name;
        return null;
    }

    private static bool HasRequestPayload(string t) => t is "Store" or "Create" or "Update" or "Change State" or "Request Cancellation" or "Request";

    // ------------------------------------------------------------------ DCS0623–DCS0625

    /// <summary>PS3.18 §8.5 and RFC 9110 §15: the class of each status code family.</summary>
    private static string ClassOf(int code) => (code / 100) switch
    {
        1 => "Informational", 2 => "Success", 3 => "Redirection", 4 => "Client Error", _ => "Server Error",
    };

    /// <summary>Codes whose meaning only some transactions have (PS3.18 §10.4.3, §10.5.3, §10.6.3, §11): 201 Created is
    /// the answer to creating a workitem or a subscription, 206 Partial Content to a retrieve; 202 Accepted does not
    /// answer a retrieve or a search; 415 Unsupported Media Type needs a request payload.</summary>
    private static string? NotOfTransaction(int code, string t) => code switch
    {
        201 when t is not ("Create" or "Subscribe") => "201 Created answers a request that creates a resource (Create Workitem, Subscribe)",
        206 when t is not "Retrieve" => "206 Partial Content answers a Retrieve that returns part of the resource",
        202 when t is "Retrieve" or "Search" or "Retrieve Workitem" => "202 Accepted answers a request whose processing is not complete (Store with failures, Request Cancellation, Subscribe)",
        415 when !HasRequestPayload(t) => "415 Unsupported Media Type answers a request payload in a media type the origin server does not take",
        _ => null,
    };

    private static void StatusTable(RuleContext ctx, string? transaction, string table, List<(string Code, string Status, Location Row)> rows)
    {
        var seen = new Dictionary<int, string>();
        // A row may give several codes that behave alike ("500; 503", PS3.2 separates values with ";").
        foreach (var (codeText, status, row) in rows.SelectMany(r => r.Code.Split(new[] { ';', ',' }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                     .Select(c => (Code: c, r.Status, r.Row))))
        {
            var at = row.Of("code");
            var text = codeText.Trim();
            if (text.Length == 0) continue;
            if (text.Length != 3 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || code < 100 || code > 599)
            {
                ctx.Report(HttpStatusInvalid(at, $"\"{Clip(text)}\" in table {table} is not an HTTP status code (three digits, 100–599; PS3.18 §8.5, RFC 9110 §15); write the code the origin server returns"));
                continue;
            }
            var claimed = status.Trim();
            if (claimed.Length > 0 && claimed != "-" && !claimed.Equals(ClassOf(code), StringComparison.OrdinalIgnoreCase))
                ctx.Report(HttpStatusInvalid(row.Of("status"), $"{code} is listed as {claimed}, but {code / 100}xx codes are {ClassOf(code)} (RFC 9110 §15); write `status: {ClassOf(code)}` or correct the code"));
            if (seen.TryGetValue(code, out var first))
                ctx.Report(HttpStatusDuplicate(at, $"{code} is listed twice in table {table} (first as {first}); give each code one row and put both conditions in it"));
            else seen[code] = claimed.Length > 0 ? claimed : "a row";
            if (transaction is not null && NotOfTransaction(code, transaction) is { } why)
                ctx.Report(HttpStatusNotOfTransaction(at, $"{code} in table {table} is not a status of the {transaction} transaction: {why} (PS3.18); remove the row or move it to the transaction it belongs to"));
        }
    }

    // ------------------------------------------------------------------ DCS0626

    /// <summary>PS3.18 §8.4.1 Failure Reason (0008,1197) and Warning Reason (0008,1196) use the DIMSE codes (PS3.7 Annex C):
    /// warnings 0001, 0107, 0116 and Bxxx; failures Axxx, Cxxx and the other 01xx/02xx codes.</summary>
    private static string ClassOfReason(string code)
    {
        if (code.Length != 4 || !code.All(Uri.IsHexDigit)) return "malformed";
        var c = code.ToUpperInvariant();
        if (c == "0000") return "Success";
        if (c is "0001" or "0107" or "0116" || c[0] == 'B') return "Warning";
        if (c == "FE00") return "Cancel";
        if (c.StartsWith("FF", StringComparison.Ordinal)) return "Pending";
        return "Failure";
    }

    private static void Reason(RuleContext ctx, ReasonCode r, bool failure, WebDetail w)
    {
        string expected = failure ? "Failure" : "Warning";
        string kind = failure ? "Failure Reason (0008,1197)" : "Warning Reason (0008,1196)";
        var code = r.Code.Trim();
        var cls = ClassOfReason(code);
        if (cls == expected) return;
        var at = r.Location.Of("code");
        if (cls == "malformed")
            ctx.Report(ReasonCodeWrongRange(at, $"\"{Clip(code)}\" ({w.Service} {w.Transaction}) is not a {kind} code: four hexadecimal digits, as the DIMSE status codes (PS3.18 §8.4.1, PS3.7 Annex C); quote it (\"0110\") so YAML keeps the leading zeros"));
        else
            ctx.Report(ReasonCodeWrongRange(at, $"{code} is a {cls} code, listed as a {kind} of {w.Service} {w.Transaction}; {(failure ? "failure codes are Axxx, Cxxx and 01xx/02xx other than 0107 and 0116" : "warning codes are Bxxx, 0001, 0107 and 0116")} (PS3.7 Annex C): move it to `{(cls == "Warning" ? "warning_reasons" : cls == "Failure" ? "failure_reasons" : "the status tables")}` or correct it"));
    }

    // ------------------------------------------------------------------ DCS0627

    private static void HeaderTable(RuleContext ctx, string? transaction, string table, IReadOnlyList<TableRow> rows)
    {
        if (transaction is null) return;
        var named = rows.Select(r => (Name: Facts.Cell(r, "header_field").Trim(), Row: r)).Where(x => x.Name.Length > 0).ToList();
        if (named.Count == 0) return;
        bool payload = HasRequestPayload(transaction);
        foreach (var (name, row) in named)
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !payload)
                ctx.Report(RequestHeaderMisfit(row.Location.Of("header_field"),
                    $"Content-Type in table {table}: a {transaction} request carries no payload, so it has no Content-Type; the media type of the response is asked for with Accept (PS3.18 §8.4)"));
        if (payload && !named.Any(x => x.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            ctx.Report(RequestHeaderMisfit(rows[0].Location.Span,
                $"table {table} lists request header fields but not Content-Type, which every {transaction} request carries with its payload (PS3.18 §8.4); add the Content-Type row with the media types taken"));
        if (transaction is "Retrieve" && !named.Any(x => x.Name.Equals("Accept", StringComparison.OrdinalIgnoreCase)))
            ctx.Report(RequestHeaderMisfit(rows[0].Location.Span,
                $"table {table} lists request header fields but not Accept, with which a Retrieve request chooses the media type (PS3.18 §8.4, §10.4); add the Accept row with the media types supported"));
    }

    // ------------------------------------------------------------------ DCS0628

    /// <summary>The query parameters PS3.18 defines (§8.3 Query Parameters, §8.3.4 search, §8.3.5 rendering, §9.1.2 URI
    /// service, §11.11 Subscribe), compared without case.</summary>
    private static readonly HashSet<string> StandardParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "accept", "charset", "includefield", "fuzzymatching", "limit", "offset", "annotation", "quality", "viewport", "window", "iccprofile",
        "filter", "deletionlock", "requestType", "studyUID", "seriesUID", "objectUID", "contentType", "anonymize", "rows", "columns", "region",
        "windowCenter", "windowWidth", "frameNumber", "imageQuality", "presentationUID", "presentationSeriesUID", "transferSyntax",
    };

    private static void QueryParameter(RuleContext ctx, string parameter, SourceSpan at)
    {
        var p = parameter.Trim();
        int eq = p.IndexOf('=');
        if (eq >= 0) p = p[..eq];
        if (p.Length == 0 || p.Contains('{') || p.Contains('<') || p.Contains(' ') || StandardParameters.Contains(p)) return;
        foreach (var part in p.Split('.'))
        {
            bool tag = part.Length == 8 && part.All(Uri.IsHexDigit);
            if (tag ? ctx.Dictionary.FindAttribute($"({part[..4]},{part[4..]})") is not null : ctx.Dictionary.FindAttributeByKeyword(part) is not null) continue;
            var near = ctx.Facts.AttributeByName(part);
            ctx.Report(QueryParameterUnknown(at, $"query parameter \"{Clip(parameter.Trim())}\": \"{Clip(part)}\" is neither a PS3.18 query parameter nor an attribute keyword or tag of dictionary edition {ctx.Dictionary.Edition}"
                + (near is not null && near.Keyword.Length > 0 ? $"; the keyword of {near.Name} is {near.Keyword}" : "; write the keyword (PatientID) or the tag (00100020)")));
            return;
        }
    }

    // ------------------------------------------------------------------ DCS0629

    private static void Fuzzy(RuleContext ctx, Statement s)
    {
        // "fuzzymatching" in the query parameter tables with supported value false/true (PS3.18 §8.3.4.6).
        bool? tableSays = null;
        SourceSpan tableAt = default;
        foreach (var (_, table, rows) in UidRules.AllTables(s))
        {
            if (!table.StartsWith("query_parameters_for_search", StringComparison.Ordinal)) continue;
            foreach (var r in rows)
                if (Facts.Cell(r, "query_parameter").Trim().Equals("fuzzymatching", StringComparison.OrdinalIgnoreCase))
                {
                    var v = Facts.Cell(r, "supported_values").Trim().ToLowerInvariant();
                    if (v is "false" or "no" or "n") { tableSays = false; tableAt = r.Location.Of("supported_values"); }
                    else if (v.Contains("true", StringComparison.Ordinal) || v is "yes" or "y") { tableSays = true; tableAt = r.Location.Of("supported_values"); }
                }
        }
        var fuzzy = s.Details.Web.SelectMany(w => w.Search.SelectMany(l => l.Attributes.Select(a => (Web: w, Attr: a)))).Where(x => x.Attr.Fuzzy).ToList();
        foreach (var (w, a) in fuzzy)
        {
            var entry = ctx.Dictionary.FindAttribute(a.Tag);
            if (entry is not null && entry.Vr != "PN")
                ctx.Report(FuzzyMatchingInconsistent(a.Location.Of("fuzzy"),
                    $"{a.Name} {a.Tag} is marked fuzzy, but fuzzy matching applies to person names (VR PN; PS3.18 §8.3.4.6) and its VR is {entry.Vr}; remove `fuzzy: true`"));
            if (tableSays == false)
                ctx.Report(FuzzyMatchingInconsistent(a.Location.Of("fuzzy"),
                    $"{a.Name} {a.Tag} is marked fuzzy, but the query parameter table says fuzzymatching is not supported ({tableAt}); make them agree"));
            var web = s.DicomWeb.Transactions.ElementAtOrDefault(w.Index);
            if (web is { QueryParameters.Count: > 0 } && !web.QueryParameters.Any(p => p.Trim().Equals("fuzzymatching", StringComparison.OrdinalIgnoreCase)))
                ctx.Report(FuzzyMatchingInconsistent(a.Location.Of("fuzzy"),
                    $"{a.Name} {a.Tag} is marked fuzzy, but {w.Service} {w.Transaction} does not list the fuzzymatching query parameter; add it to `query_parameters`"));
        }
        if (tableSays == true && fuzzy.Count == 0 && s.Details.Web.Any(w => w.Search.Count > 0))
            ctx.Report(FuzzyMatchingInconsistent(tableAt,
                "the query parameter table says fuzzymatching is supported, but no attribute of the search tables is marked `fuzzy: true`; mark the person-name keys that match fuzzily, or say false"));
    }

    private static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
