using Dcsc.Diagnostics;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Dcsc.Dictionary;
using Dcsc.Model;
using Family = Dcsc.Dictionary.ServiceFamily;

namespace Dcsc.Rules;

/// <summary>
/// Protocol facts: status codes defined by the operation and listed under their class, matching types the VR
/// allows, Specific Character Set Defined Terms, roles and DIMSE operations the service defines, and extended
/// negotiation only where the service defines it. DCS0401–DCS0404, DCS0406, DCS0407 (DCS0405 is in <see cref="AttributeRules"/>).
/// </summary>
public sealed class ProtocolRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.StatusCodeNotDefined, Descriptors.StatusCodeWrongClass, Descriptors.MatchingTypeNotAllowed, Descriptors.CharacterSetNotDefinedTerm, Descriptors.RoleOrOperationNotDefined, Descriptors.ExtendedNegotiationNotDefinedByService };

    public void Check(RuleContext ctx)
    {
        StatusTables(ctx);
        MatchingTypes(ctx);
        CharacterSets(ctx);
        RolesAndOperations(ctx);
        ExtendedNegotiation(ctx);
    }

    // ---------------------------------------------------------------- DCS0401 / DCS0402

    private static void StatusTables(RuleContext ctx)
    {
        foreach (var (section, content) in ctx.Facts.AllSections())
        {
            var op = StatusCodes.ForSection(section);
            if (op is null) continue;
            foreach (var (table, rows) in content.Tables)
                foreach (var row in rows)
                {
                    string col = row.Cells.ContainsKey("status_code") ? "status_code" : "status_codes";
                    if (!row.Cells.TryGetValue(col, out var cells)) continue;
                    var stated = Facts.Cell(row, "service_status");
                    foreach (var cell in cells)
                        foreach (var piece in SplitCodes(cell))
                        {
                            var code = StatusCodes.Normalize(piece);
                            if (code is null && !StatusCodes.LooksLikeCode(piece)) continue; // words: "Any other", "All"
                            if (code is null)
                            {
                                ctx.Report(DiagnosticCatalogue.StatusCodeNotDefined(row.Location.Of(col), $"\"{piece}\" is not a status code; write four hexadecimal digits, x for an implementation-specific digit (e.g. A700, Cxxx; PS3.4 §5.3)"));
                                continue;
                            }
                            if (!op.Codes.Any(p => StatusCodes.Within(code, p)))
                                ctx.Report(DiagnosticCatalogue.StatusCodeNotDefined(row.Location.Of(col),
                                    $"status code {code} is not defined for {op.Name} ({op.Citation}); {op.Name} defines {string.Join(", ", op.Codes)}"));
                            else if (StatusCodes.Reserved.TryGetValue(code, out var owner) && !op.Codes.Contains(code))
                                ctx.Report(DiagnosticCatalogue.StatusCodeNotDefined(row.Location.Of(col),
                                    $"status code {code} is {owner}, not a {op.Name} status ({op.Citation}); {op.Name} defines {string.Join(", ", op.Codes)}"));
                            var cls = StatusCodes.ClassOf(code);
                            var given = stated == "Refused" ? "Failure" : stated;
                            if (cls.Length > 0 && given.Length > 0 && given != "-" && given != cls)
                                ctx.Report(DiagnosticCatalogue.StatusCodeWrongClass(row.Location.Of("service_status"),
                                    $"status code {code} is a {cls} status, not {stated} (PS3.7 Annex C: Success 0000; Warning 0001, Bxxx, 0107, 0116; Failure Axxx, Cxxx, 01xx, 02xx; Cancel FE00; Pending FF00, FF01)"));
                        }
                }
        }
    }

    private static IEnumerable<string> SplitCodes(string cell)
    {
        foreach (var part in cell.Split(new[] { ',', ';', '/', ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-');
            if (dash > 0 && dash < part.Length - 1)
            {
                yield return part[..dash];
                yield return part[(dash + 1)..];
            }
            else if (part is not ("-" or "or" or "and" or "to")) yield return part;
        }
    }

    // ---------------------------------------------------------------- DCS0403

    private static readonly HashSet<string> WildcardVrs = new(StringComparer.Ordinal) { "AE", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UR", "UT" };
    private static readonly string[] MatchingTypes0 = { "SINGLE_VALUE", "UID", "WILDCARD", "RANGE", "SEQUENCE", "UNIVERSAL" };

    private static void MatchingTypes(RuleContext ctx)
    {
        foreach (var (section, table, rows) in ctx.Facts.AllTables())
            foreach (var row in rows)
            {
                string col = row.Cells.ContainsKey("matching_type") ? "matching_type" : "";
                if (col.Length == 0 || !row.Cells.TryGetValue("tag", out var tags) || tags.Count != 1) continue;
                var entry = ctx.Dictionary.FindAttribute(tags[0]);
                foreach (var raw in row.Cells[col])
                    foreach (var mt in raw.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var type = mt.Replace(' ', '_').ToUpperInvariant();
                        if (type is "-" or "" or "N/A" or "NONE") continue;
                        if (Array.IndexOf(MatchingTypes0, type) < 0)
                        {
                            ctx.Report(DiagnosticCatalogue.MatchingTypeNotAllowed(row.Location.Of(col), $"matching type \"{mt}\" is not one of {string.Join(", ", MatchingTypes0)} (PS3.4 C.2.2.2)"));
                            continue;
                        }
                        if (entry is null || entry.Vrs.Count == 0) continue;
                        string? why = type switch
                        {
                            "RANGE" => entry.Vrs.Any(v => v is "DA" or "TM" or "DT") ? null : "Range Matching applies only to DA, TM and DT (PS3.4 C.2.2.2.5)",
                            "WILDCARD" => entry.Vrs.Any(WildcardVrs.Contains) ? null : "Wild Card Matching applies only to AE, CS, LO, LT, PN, SH, ST, UC, UR and UT, not to UIDs, dates, times or numbers (PS3.4 C.2.2.2.4)",
                            "UID" => entry.Vrs.Contains("UI") ? null : "List of UID Matching applies only to UI (PS3.4 C.2.2.2.2)",
                            "SEQUENCE" => entry.Vrs.Contains("SQ") ? null : "Sequence Matching applies only to SQ (PS3.4 C.2.2.2.6)",
                            "SINGLE_VALUE" => entry.Vrs.Any(v => v != "SQ") ? null : "a Sequence is matched by Sequence Matching, not Single Value Matching (PS3.4 C.2.2.2.6)",
                            _ => null,
                        };
                        if (why is not null)
                            ctx.Report(DiagnosticCatalogue.MatchingTypeNotAllowed(row.Location.Of(col), $"{type} matching on {entry.DisplayTag} {entry.Name} (VR {entry.Vr}) is not allowed: {why}"));
                    }
            }
    }

    // ---------------------------------------------------------------- DCS0404

    /// <summary>Defined Terms of Specific Character Set (0008,0005): PS3.3 C.12.1.1.2 Tables C.12-2 to C.12-5.</summary>
    internal static readonly HashSet<string> CharacterSetTerms = new(StringComparer.Ordinal)
    {
        "ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127", "ISO_IR 126", "ISO_IR 138",
        "ISO_IR 148", "ISO_IR 203", "ISO_IR 13", "ISO_IR 166",
        "ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 101", "ISO 2022 IR 109", "ISO 2022 IR 110", "ISO 2022 IR 144",
        "ISO 2022 IR 127", "ISO 2022 IR 126", "ISO 2022 IR 138", "ISO 2022 IR 148", "ISO 2022 IR 203", "ISO 2022 IR 13",
        "ISO 2022 IR 166", "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149", "ISO 2022 IR 58",
        "ISO_IR 192", "GB18030", "GBK",
    };

    private static void CharacterSets(RuleContext ctx)
    {
        foreach (var cs in ctx.Statement.CharacterSets)
            CheckTerm(ctx, cs.DefinedTerm, cs.Location.Of("defined_term"));
        foreach (var (section, table, rows) in ctx.Facts.AllTables())
        {
            if (!table.Contains("character_set", StringComparison.Ordinal)) continue;
            foreach (var row in rows)
                foreach (var col in new[] { "defined_term", "defined_term_2" })
                    if (row.Cells.TryGetValue(col, out var values))
                        foreach (var v in values) CheckTerm(ctx, v, row.Location.Of(col));
        }
    }

    private static void CheckTerm(RuleContext ctx, string value, Diagnostics.SourceSpan span)
    {
        foreach (var term in value.Split('\\', StringSplitOptions.TrimEntries))
        {
            if (term.Length == 0 || CharacterSetTerms.Contains(term)) continue;
            string hint = CharacterSetTerms.FirstOrDefault(t => Names.Same(t, term)) is { } near ? $" (did you mean \"{near}\"?)"
                : term.Replace(" ", "").Equals("ISO_IR6", StringComparison.OrdinalIgnoreCase) ? " (the default repertoire has no Defined Term: (0008,0005) is absent or empty; with extensions it is \"ISO 2022 IR 6\")"
                : "";
            ctx.Report(DiagnosticCatalogue.CharacterSetNotDefinedTerm(span, $"\"{term}\" is not a Defined Term of Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2){hint}"));
        }
    }

    // ---------------------------------------------------------------- DCS0406

    /// <summary>DIMSE operations per Print Management SOP Class (PS3.4 H.4: Tables H.4-1, H.4-5, H.4.3.1.2-1, …).</summary>
    private static readonly (string Key, string SopClass, string[] Ops)[] PrintOperations =
    {
        ("film_session", "Basic Film Session", new[] { "N-CREATE", "N-SET", "N-DELETE", "N-ACTION" }),
        ("film_box", "Basic Film Box", new[] { "N-CREATE", "N-ACTION", "N-DELETE", "N-SET" }),
        ("image_box", "Image Box", new[] { "N-SET" }),
        ("printer_configuration", "Printer Configuration Retrieval", new[] { "N-GET" }),
        ("printer", "Printer", new[] { "N-EVENT-REPORT", "N-GET" }),
        ("annotation_box", "Basic Annotation Box", new[] { "N-SET" }),
        ("print_job", "Print Job", new[] { "N-EVENT-REPORT", "N-GET" }),
        ("presentation_lut", "Presentation LUT", new[] { "N-CREATE", "N-DELETE" }),
    };

    /// <summary>Transactions per DICOMweb service (PS3.18 §10 Studies, §11 Worklist, §12 Non-Patient Instance, §9 URI).</summary>
    private static readonly Dictionary<string, string[]> WebTransactions = new(StringComparer.Ordinal)
    {
        ["URI"] = new[] { "Retrieve", "Retrieve DICOM Instance", "Retrieve Rendered Instance" },
        ["Studies"] = new[] { "Retrieve", "Store", "Search", "Retrieve Rendered", "Retrieve Thumbnail", "Retrieve Metadata", "Retrieve Bulkdata" },
        ["Worklist"] = new[] { "Create", "Create Workitem", "Retrieve", "Retrieve Workitem", "Update", "Update Workitem", "Change State", "Change Workitem State",
            "Request Cancellation", "Search", "Search for Workitems", "Subscribe", "Unsubscribe", "Suspend Global Subscription", "Open Event Channel", "Send Event Report" },
        ["Non-Patient Instance"] = new[] { "Retrieve", "Store", "Search" },
        ["Storage Commitment"] = new[] { "Request", "Result Check", "Request Storage Commitment", "Check Storage Commitment Result" },
    };

    private static void RolesAndOperations(RuleContext ctx)
    {
        var f = ctx.Facts;
        foreach (var (section, table, rows) in f.AllTables())
        {
            foreach (var row in rows)
            {
                if (!row.Cells.TryGetValue("dimse_service_element", out var ops)) continue;
                var spec = PrintOperations.FirstOrDefault(p => section.Contains(p.Key, StringComparison.Ordinal) || table.Contains(p.Key, StringComparison.Ordinal));
                if (spec.Ops is null) continue;
                foreach (var op in ops)
                {
                    var norm = op.Trim().ToUpperInvariant().Replace('_', '-').Replace(' ', '-');
                    if (norm.Length == 0 || spec.Ops.Contains(norm)) continue;
                    ctx.Report(DiagnosticCatalogue.RoleOrOperationNotDefined(row.Location.Of("dimse_service_element"),
                        $"{op.Trim()} is not a DIMSE operation of the {spec.SopClass} SOP Class; it defines {string.Join(", ", spec.Ops)} (PS3.4 H.4)"));
                }
            }
        }

        foreach (var sc in ctx.Statement.SopClasses)
        {
            if (!(sc.UserAgent || sc.OriginServer)) continue;
            var fam = f.FamilyOf(sc.Uid);
            bool web = ServiceCatalogue.IsStorageLike(fam) || ServiceCatalogue.IsUps(fam) || fam is Family.StorageCommitment or Family.Unknown or Family.Other;
            if (!web)
                ctx.Report(DiagnosticCatalogue.RoleOrOperationNotDefined(sc.Location.Of(sc.UserAgent ? "user_agent" : "origin_server"),
                    $"{sc.Name} is claimed as DICOMweb {(sc.UserAgent ? "User Agent" : "Origin Server")}, but its service has no DICOMweb counterpart " +
                    "(PS3.18 defines Studies, Non-Patient Instance, Worklist (UPS) and Storage Commitment services)"));
        }

        foreach (var w in ctx.Statement.DicomWeb.Transactions)
        {
            if (!WebTransactions.TryGetValue(w.Service, out var allowed)) continue;
            var t = StripTransaction(w.Transaction);
            if (allowed.Any(a => Names.Normalize(a) == t)) continue;
            ctx.Report(DiagnosticCatalogue.RoleOrOperationNotDefined(w.Location.Of("transaction"),
                $"\"{w.Transaction}\" is not a transaction of the DICOMweb {w.Service} service; it defines {string.Join(", ", allowed.Distinct())} (PS3.18)"));
        }
    }

    private static string StripTransaction(string name)
    {
        var s = name;
        int paren = s.IndexOf('(');
        if (paren > 0) s = s[..paren];
        var n = Names.Normalize(s);
        if (n.EndsWith("transaction", StringComparison.Ordinal)) n = n[..^"transaction".Length];
        foreach (var suffix in new[] { "wadors", "stowrs", "qidors", "upsrs", "wadouri" })
            if (n.EndsWith(suffix, StringComparison.Ordinal)) n = n[..^suffix.Length];
        return n;
    }

    // ---------------------------------------------------------------- DCS0407

    private static void ExtendedNegotiation(RuleContext ctx)
    {
        foreach (var (ae, act, item) in ctx.Facts.ExtendedNegotiations())
        {
            if (!item.Support) continue;
            var fam = ctx.Facts.FamilyOf(item.SopClass);
            string? why = fam switch
            {
                Family.Verification => "PS3.4 A.5",
                Family.Mpps or Family.MppsRetrieve or Family.MppsNotification => "PS3.4 F.2.1",
                Family.StorageCommitment => "PS3.4 J.2.1",
                Family.Print or Family.PrintMeta => "PS3.4 H.5",
                Family.EventLogging => "PS3.4 P.1.2",
                Family.RelevantPatientQuery => "PS3.4 Q.3",
                Family.MediaCreation => "PS3.4 S.2.1",
                Family.SubstanceQuery => "PS3.4 V.5",
                Family.NonPatientStorage => "PS3.4 GG.2",
                Family.StorageManagement => "PS3.4 KK.1.3.1",
                Family.Ian => "PS3.4 Annex R",
                _ => null,
            };
            if (why is null) continue;
            var name = ctx.Dictionary.FindUid(item.SopClass)?.Name ?? item.SopClass;
            ctx.Report(DiagnosticCatalogue.ExtendedNegotiationNotDefinedByService(item.Location.Of("negotiation"),
                $"extended negotiation \"{item.Negotiation}\" is claimed for {name}, but its service defines no SOP Class Extended Negotiation ({why}); remove it or mark it `support: N`"));
        }
    }
}
