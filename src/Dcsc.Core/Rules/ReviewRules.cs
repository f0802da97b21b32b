using System.Globalization;
using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Model;
using static Dcsc.Diagnostics.DiagnosticCatalogue;

namespace Dcsc.Rules;

/// <summary>
/// Consistency a reviewer checks inside one statement: dates that are dates, IODs that something sends, activities
/// and conditions that are described, FIXED values that are always there, Modality values that fit the SOP Class,
/// matching keys with a matching type, ports only where an AE listens, ";" between values. DCS0608–DCS0616.
/// </summary>
public sealed partial class ReviewRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[]
    {
        Descriptors.DateNotADate, Descriptors.CreatedIodNeverSent, Descriptors.EmptyDescription, Descriptors.ConditionMissing,
        Descriptors.FixedValueNotAlwaysPresent, Descriptors.ModalityContradictsSopClass, Descriptors.MatchingKeyWithoutType,
        Descriptors.PortOnInitiatorOnlyAe, Descriptors.ValuesNotSemicolonSeparated,
    };

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        Dates(ctx, s);
        CreatedIods(ctx, s);
        Descriptions(ctx, s);
        Modules(ctx, s);
        MatchingKeys(ctx, s);
        Ports(ctx, s);
        Separators(ctx);
    }

    // ------------------------------------------------------------------------------------------------ DCS0608 dates

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$|^(\d{4})(\d{2})(\d{2})$")] private static partial Regex DateLikeRx();

    private static void Dates(RuleContext ctx, Statement s)
    {
        void Check(string? value, SourceSpan span, string what)
        {
            if (value is null || DateLikeRx().Match(value.Trim()) is not { Success: true } m) return;
            int y = int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[4].Value, CultureInfo.InvariantCulture);
            int mo = int.Parse(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[5].Value, CultureInfo.InvariantCulture);
            int d = int.Parse(m.Groups[3].Success ? m.Groups[3].Value : m.Groups[6].Value, CultureInfo.InvariantCulture);
            if (y is >= 1 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return;
            ctx.Report(DateNotADate(span, $"{what} \"{value.Trim()}\" is not a calendar date; write YYYY-MM-DD with a month 1–12 and a day of that month"));
        }
        Check(s.Product.Date, s.Product.Location.Of("date"), "product.date");
        foreach (var r in s.RevisionHistory) Check(r.Date, r.Location.Of("date"), $"date of revision {r.Number}");
    }

    // ------------------------------------------------------------------------------------------------ DCS0609

    private static void CreatedIods(RuleContext ctx, Statement s)
    {
        foreach (var iod in s.Iods)
        {
            var uid = iod.SopClass.Trim();
            if (!ctx.Facts.SopByUid.TryGetValue(uid, out var decls)) continue; // DCS0304 reports it
            bool leaves = decls.Any(d => d.IsScu || d.Fsc || d.Fsu || d.UserAgent || d.OriginServer || d.IsScp)
                || s.ApplicationEntities.SelectMany(ae => ae.Activities).Any(a => a.SopClasses.Contains(uid));
            if (!leaves)
                ctx.Report(CreatedIodNeverSent(iod.Location.Of("sop_class"),
                    $"IOD \"{iod.Name}\" (Annex A) is documented, but no AE sends or serves {uid} and no media profile writes it; add the role that exports it, or remove the IOD"));
        }
    }

    // ------------------------------------------------------------------------------------------------ DCS0610

    private static void Descriptions(RuleContext ctx, Statement s)
    {
        foreach (var ae in s.ApplicationEntities)
            foreach (var a in ae.Activities)
                if (string.IsNullOrWhiteSpace(a.Description) || IsPlaceholder(a.Description))
                    ctx.Report(EmptyDescription(a.Location.Of("description"),
                        $"activity \"{a.Name}\" of AE {ae.Name} has no description; say what starts it and what it does (PS3.2 7.2.x.3)"));
    }

    private static bool IsPlaceholder(string text) => text.Trim().ToUpperInvariant() is "TBD" or "TODO" or "-" or "N/A" or "…" or "...";

    // ------------------------------------------------------------------------------------------------ DCS0611, DCS0612

    private static IEnumerable<Module> AllModules(Statement s) =>
        s.Iods.SelectMany(i => i.Modules.Concat(i.FunctionalGroups).Concat(i.PrivateModules))
            .Concat(s.SharedModules.Modules).Concat(s.SharedModules.FunctionalGroups).Concat(s.SharedModules.PrivateModules);

    private static void Modules(RuleContext ctx, Statement s)
    {
        foreach (var m in AllModules(s))
        {
            if (m.Presence == "CONDITIONAL" && string.IsNullOrWhiteSpace(m.Condition))
                ctx.Report(ConditionMissing(m.Location.Of("presence"), $"module \"{m.Name}\" is CONDITIONAL but gives no `condition` (PS3.2 A.x.1)"));
            foreach (var a in m.Attributes)
            {
                if ((a.PresenceOfAttribute == "CONDITIONAL" || a.PresenceOfValue == "CONDITIONAL") && string.IsNullOrWhiteSpace(a.Condition))
                    ctx.Report(ConditionMissing(a.Location.Of(a.PresenceOfValue == "CONDITIONAL" ? "presence_of_value" : "presence_of_attribute"),
                        $"{a.Name} {a.Tag} in module \"{m.Name}\" is CONDITIONAL but gives no `condition` (PS3.2 A.x.2)"));
                if (a.Source.Contains("FIXED") && a.PresenceOfValue is { } pv && pv != "ALWAYS")
                    ctx.Report(FixedValueNotAlwaysPresent(a.Location.Of("presence_of_value"),
                        $"{a.Name} {a.Tag} in module \"{m.Name}\" has a FIXED value but presence of value {pv}; a fixed value is always there (ALWAYS), or it is not FIXED"));
            }
        }
        foreach (var iod in s.Iods) Modality(ctx, iod, s);
    }

    /// <summary>Modality (0008,0060) values the IODs of PS3.3 Annex A define for a SOP Class (the Modality Attribute
    /// of each IOD's Series Module: C.8 "Enumerated Value" or the IOD's own constraint).</summary>
    internal static readonly Dictionary<string, string[]> ModalityBySopClass = new(StringComparer.Ordinal)
    {
        ["1.2.840.10008.5.1.4.1.1.1"] = new[] { "CR" },
        ["1.2.840.10008.5.1.4.1.1.1.1"] = new[] { "DX" }, ["1.2.840.10008.5.1.4.1.1.1.1.1"] = new[] { "DX" },
        ["1.2.840.10008.5.1.4.1.1.1.2"] = new[] { "MG" }, ["1.2.840.10008.5.1.4.1.1.1.2.1"] = new[] { "MG" },
        ["1.2.840.10008.5.1.4.1.1.1.3"] = new[] { "IO" }, ["1.2.840.10008.5.1.4.1.1.1.3.1"] = new[] { "IO" },
        ["1.2.840.10008.5.1.4.1.1.2"] = new[] { "CT" }, ["1.2.840.10008.5.1.4.1.1.2.1"] = new[] { "CT" },
        ["1.2.840.10008.5.1.4.1.1.4"] = new[] { "MR" }, ["1.2.840.10008.5.1.4.1.1.4.1"] = new[] { "MR" },
        ["1.2.840.10008.5.1.4.1.1.6.1"] = new[] { "US" }, ["1.2.840.10008.5.1.4.1.1.3.1"] = new[] { "US" },
        ["1.2.840.10008.5.1.4.1.1.12.1"] = new[] { "XA" }, ["1.2.840.10008.5.1.4.1.1.12.1.1"] = new[] { "XA" },
        ["1.2.840.10008.5.1.4.1.1.12.2"] = new[] { "RF" }, ["1.2.840.10008.5.1.4.1.1.12.2.1"] = new[] { "RF" },
        ["1.2.840.10008.5.1.4.1.1.20"] = new[] { "NM" },
        ["1.2.840.10008.5.1.4.1.1.128"] = new[] { "PT" }, ["1.2.840.10008.5.1.4.1.1.130"] = new[] { "PT" },
        ["1.2.840.10008.5.1.4.1.1.481.1"] = new[] { "RTIMAGE" }, ["1.2.840.10008.5.1.4.1.1.481.2"] = new[] { "RTDOSE" },
        ["1.2.840.10008.5.1.4.1.1.481.3"] = new[] { "RTSTRUCT" }, ["1.2.840.10008.5.1.4.1.1.481.5"] = new[] { "RTPLAN" },
        ["1.2.840.10008.5.1.4.1.1.11.1"] = new[] { "PR" }, ["1.2.840.10008.5.1.4.1.1.11.2"] = new[] { "PR" },
        ["1.2.840.10008.5.1.4.1.1.66.4"] = new[] { "SEG" }, ["1.2.840.10008.5.1.4.1.1.88.59"] = new[] { "KO" },
        ["1.2.840.10008.5.1.4.1.1.88.11"] = new[] { "SR" }, ["1.2.840.10008.5.1.4.1.1.88.22"] = new[] { "SR" },
        ["1.2.840.10008.5.1.4.1.1.88.33"] = new[] { "SR" }, ["1.2.840.10008.5.1.4.1.1.88.67"] = new[] { "SR" },
        ["1.2.840.10008.5.1.4.1.1.104.1"] = new[] { "DOC" }, ["1.2.840.10008.5.1.4.1.1.104.2"] = new[] { "DOC" },
        ["1.2.840.10008.5.1.4.1.1.104.3"] = new[] { "M3D", "DOC" },
    };

    private static void Modality(RuleContext ctx, Iod iod, Statement s)
    {
        if (!ModalityBySopClass.TryGetValue(iod.SopClass.Trim(), out var allowed)) return;
        // A module marked `shared` is the one of `shared_modules` with that name (PS3.2 A.1: modules common to IODs).
        var shared = iod.Modules.Where(m => m.Shared).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var modules = iod.Modules.Concat(s.SharedModules.Modules.Where(m => shared.Contains(m.Name)));
        var values = iod.CodedValues.Where(c => IsModalityTag(c.Tag)).Select(c => (c.Value, Span: c.Location.Of("value")))
            .Concat(modules.SelectMany(m => m.Attributes).Where(a => IsModalityTag(a.Tag) && a.Source.Contains("FIXED") && a.Value is not null)
                .Select(a => (Value: a.Value!, Span: a.Location.Of("value"))));
        foreach (var (value, span) in values)
        {
            var v = value.Trim().Trim('"');
            if (v.Length == 0 || v.Contains(' ') || allowed.Contains(v, StringComparer.Ordinal)) continue;
            var name = ctx.Dictionary.FindUid(iod.SopClass.Trim())?.Name ?? iod.SopClass;
            ctx.Report(ModalityContradictsSopClass(span,
                $"Modality (0008,0060) \"{v}\" contradicts {name}: its IOD sets Modality {string.Join(" or ", allowed)} (PS3.3 Annex A)"));
        }
    }

    private static bool IsModalityTag(string tag) => tag.Replace(" ", "", StringComparison.Ordinal).Trim('(', ')').Equals("0008,0060", StringComparison.OrdinalIgnoreCase);

    // ------------------------------------------------------------------------------------------------ DCS0614

    private static void MatchingKeys(RuleContext ctx, Statement s)
    {
        foreach (var (_, table, rows) in UidRules.AllTables(s))
        {
            // A query-key table is one whose rows state matching types (PS3.2 Tables 5-2, 5-3 and their kind).
            if (!rows.Any(r => r.Cells.ContainsKey("matching_type")) && !table.Contains("query", StringComparison.Ordinal)
                && !table.Contains("keys", StringComparison.Ordinal)) continue;
            foreach (var row in rows)
            {
                bool usedAsKey = Filled(row, "query_value_source") || Filled(row, "value");
                if (usedAsKey && !Filled(row, "matching_type"))
                {
                    var name = row.Cells.TryGetValue("attribute_name", out var n) && n.Count > 0 ? n[0] : "key";
                    ctx.Report(MatchingKeyWithoutType(row.Location.Of("matching_type"),
                        $"\"{name}\" is sent with a query value but has no matching type in table {table}; state it (S, R, U, L, *, SEQUENCE; PS3.4 C.2.2.2)"));
                }
            }
        }

        static bool Filled(TableRow row, string col) =>
            row.Cells.TryGetValue(col, out var v) && v.Any(x => !string.IsNullOrWhiteSpace(x) && x.Trim() is not ("-" or "—" or "N/A"));
    }

    // ------------------------------------------------------------------------------------------------ DCS0615

    private static void Ports(RuleContext ctx, Statement s)
    {
        foreach (var ae in s.ApplicationEntities)
        {
            if (ae.Association?.Port is null || ae.Activities.Count == 0) continue;
            bool accepts = ae.Activities.Any(a => a.Role == ActivityRole.Acceptor)
                || s.SopClasses.Any(sc => sc.Scp.Contains(ae.Name, StringComparer.Ordinal));
            if (!accepts)
                ctx.Report(PortOnInitiatorOnlyAe(ae.Association.Location.Of("port"),
                    $"AE {ae.Name} gives a listen port but only initiates associations (no acceptor activity, no SCP role); remove the port or add what it accepts"));
        }
    }

    // ------------------------------------------------------------------------------------------------ DCS0616

    /// <summary>Two or more short codes joined by "," or "or" ("SV, WC", "CT or MR").</summary>
    [GeneratedRegex(@"^[A-Z0-9_]{1,16}((,\s+|\s+or\s+)[A-Z0-9_]{1,16})+$")] private static partial Regex CodeListRx();

    private static void Separators(RuleContext ctx)
    {
        foreach (var field in ctx.TextFields)
        {
            if ((field.Column is null && field.Key is not ("value" or "values")) || field.Text.Length > 80) continue;
            var v = field.Text.Trim();
            if (!CodeListRx().IsMatch(v)) continue;
            var fixedText = Regex.Replace(v, @"(,\s+|\s+or\s+)", "; ");
            ctx.Report(ValuesNotSemicolonSeparated(field.Span,
                $"\"{v}\" in `{field.Column ?? field.Key}` separates values with \",\" or \"or\"; PS3.2 tables separate several values with \";\": \"{fixedText}\""));
        }
    }
}
