using System.Text.RegularExpressions;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Import;

// The network declarations of source format 1.1 (docs/source-format.md, "Network details of real products") read back
// from the sentences and table cells the layout prints for them: "every Storage SOP Class" (Section 1.1), AEs sharing
// an AE Title (4.1.x), per-activity Transfer Syntax Sets and policies (7.2.x.3/4.y), association parameters with
// default and configurable range (Tables 6-1, 7-1, 7-2) and "not documented" answers.
internal sealed partial class StatementAssembler
{
    // ------------------------------------------------------------------ every Storage SOP Class (Section 1.1)

    /// <summary>The declaration read from Section 1.1, or null; its SOP Classes are taken out of Table 1-1 at the end.</summary>
    private YMap? _everyStorage;

    /// <summary>Activities whose "SOP Classes:" line names the "every Storage SOP Class" declaration.</summary>
    private readonly HashSet<YMap> _everyStorageActivities = new(ReferenceEqualityComparer.Instance);

    [GeneratedRegex(@"^.+? supports every Storage SOP Class(?<np> and every Non-Patient Object Storage SOP Class)? of the DICOM dictionary edition it was built with \(.*\), (?<ret>retired ones included|except the retired ones)(?: and except (?<ex>.+?))?: \d+ SOP Classes, (?<roles>.+?)\. Table 1-1 lists them\.$")]
    private static partial Regex EveryStorageSentence();

    /// <summary>Reads the Section 1.1 paragraphs the "every Storage SOP Class" declaration prints; returns the paragraphs left.</summary>
    private List<(string Markdown, int Line)> EveryStorageParagraphs(List<(string Markdown, int Line)> paragraphs)
    {
        var rest = new List<(string, int)>();
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var plain = Squash(Plain(paragraphs[i].Markdown));
            if (_everyStorage is null && EveryStorageSentence().Match(plain) is { Success: true } m)
            {
                var e = new YMap();
                e.Comment = Src(paragraphs[i].Line);
                foreach (System.Text.RegularExpressions.Match r in Regex.Matches(m.Groups["roles"].Value, @"as (SCP|SCU) on (.+?)(?= and as (?:SCP|SCU) on |$)"))
                    e[r.Groups[1].Value.ToLowerInvariant()] = Scalars(r.Groups[2].Value.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0));
                if (m.Groups["ret"].Value.StartsWith("retired", StringComparison.Ordinal)) e.Set("include_retired", true);
                if (m.Groups["np"].Success) e.Set("include_non_patient", true);
                if (m.Groups["ex"].Success)
                    e["exclude"] = Scalars(Regex.Matches(m.Groups["ex"].Value, @"\((\d+(?:\.\d+)+)\)").Select(x => x.Groups[1].Value));
                _everyStorage = e;
                // The policy sentence, then the declaration's comment, follow the sentence.
                if (i + 1 < paragraphs.Count && Squash(Plain(paragraphs[i + 1].Markdown)) is var next
                    && (next == "Any Transfer Syntax proposed is accepted; instances are stored and sent on as received, without conversion." || next == "Any Transfer Syntax proposed is accepted."))
                {
                    e.Set("transfer_syntax_policy", next.Contains("as received", StringComparison.Ordinal) ? "as_received" : "any");
                    i++;
                }
                if (i + 1 < paragraphs.Count) { e.Set("comment", paragraphs[i + 1].Markdown); i++; }
                continue;
            }
            rest.Add(paragraphs[i]);
        }
        return rest;
    }

    /// <summary>
    /// Table 1-1 lists every SOP Class of the declaration. Those whose row is what the declaration gives them leave
    /// <c>sop_classes</c> (the binder expands them again); a row that says more stays a declaration of its own.
    /// </summary>
    private void FinishEveryStorage()
    {
        if (_everyStorage is not { } e) return;
        var every = new EveryStorageSopClass(Strings(e["scu"]), Strings(e["scp"]), e["include_retired"] is YScalar { Value: "true" },
            e["include_non_patient"] is YScalar { Value: "true" }, Strings(e["exclude"]), Array.Empty<string>(), TransferSyntaxPolicy.Sets,
            false, false, false, null, Location.Nowhere);
        var uids = ModelBinder.EveryStorageUids(every, DicomDictionary.Standard).Select(u => u.Uid).ToList();
        var rows = uids.Where(_sops.ContainsKey).Select(u => _sops[u]).ToList();
        if (rows.Count == 0) { _report.Notes.Add((0, "Section 1.1 names the \"every Storage SOP Class\" declaration but Table 1-1 lists none of its SOP Classes.")); }
        // The declaration's facts are those most rows share.
        string Signature(SopInfo s) => string.Join("|", string.Join(",", s.Sets), s.Policy, s.Display, s.Process, s.Archive, s.Fsc, s.Fsu, s.Fsr, s.UserAgent, s.OriginServer, s.Create);
        var common = rows.GroupBy(Signature).OrderByDescending(g => g.Count()).FirstOrDefault()?.First();
        if (common is not null)
        {
            if (common.Sets.Count > 0) e["transfer_syntax_sets"] = Scalars(common.Sets);
            if (common.Policy is { } p && !e.Has("transfer_syntax_policy")) e.Set("transfer_syntax_policy", p);
            if (common.Display) e.Set("display", true);
            if (common.Process) e.Set("process", true);
            if (common.Archive) e.Set("archive", true);
        }
        var scu = Strings(e["scu"]).ToHashSet(StringComparer.Ordinal);
        var scp = Strings(e["scp"]).ToHashSet(StringComparer.Ordinal);
        foreach (var s in rows)
        {
            // The row is the declaration's unless it says more: other facts, or roles beyond the declaration's AEs.
            if (common is not null && Signature(s) != Signature(common)) continue;
            if (s.RolesKnown && (!s.ScuAes.SetEquals(scu) || !s.ScpAes.SetEquals(scp))) continue;
            _sops.Remove(s.Uid);
            _expandedUids.Add(s.Uid);
            _report.SopClassesFound++;
            _report.SopClassesWithRoles++;
        }
        // An activity that names the declaration covers its SOP Classes: with nothing else named, by listing none.
        foreach (var act in _everyStorageActivities)
        {
            if (act["sop_classes"] is not YSeq list || list.Items.Count == 0) { act["sop_classes"] = null; continue; }
            foreach (var u in _expandedUids.Order(UidComparer.Instance)) list.Add(new YScalar(u));
        }
        // Keys in the order the source format documents.
        var ordered = new YMap { Comment = e.Comment };
        foreach (var k in new[] { "scp", "scu", "include_retired", "include_non_patient", "exclude", "transfer_syntax_sets", "transfer_syntax_policy", "display", "process", "archive", "comment" })
            if (e[k] is { } v) ordered[k] = v;
        _root["every_storage_sop_class"] = ordered;
    }

    private readonly HashSet<string> _expandedUids = new(StringComparer.Ordinal);

    private static List<string> Strings(YNode? n) => n is YSeq s ? s.Items.OfType<YScalar>().Select(x => x.Value).ToList() : new List<string>();

    // ------------------------------------------------------------------ AE Titles (4.1.x)

    [GeneratedRegex(@"^(?:Default )?AE Title\s*:\s*(?<title>\S+?)(?:,\s*port\s+(?<port>\d+))?(?:\s*\(shared with [^)]*\))?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex AeTitleLine();

    // ------------------------------------------------------------------ Transfer Syntaxes per activity (7.2.x.3/4.y)

    [GeneratedRegex(@"^(?:Transfer Syntaxes (?:proposed|accepted) for these SOP Classes: those of the sets? (?<sets>.+?)|Of each SOP Class's Transfer Syntaxes, this activity (?:proposes|accepts) only those in the sets? (?<narrow>.+?))(?: \(.*\))?\.$")]
    private static partial Regex ActivitySetsSentence();

    /// <summary>"Transfer Syntaxes proposed for these SOP Classes: those of the set IVR (…)." and the narrowing form.</summary>
    private static bool ActivitySets(YMap activity, string plain)
    {
        if (ActivitySetsSentence().Match(plain) is not { Success: true } m) return false;
        var narrow = m.Groups["narrow"].Success;
        var codes = (narrow ? m.Groups["narrow"] : m.Groups["sets"]).Value;
        // The set codes come before the parenthesised Transfer Syntax names.
        var paren = codes.IndexOf(" (", StringComparison.Ordinal);
        if (paren >= 0) codes = codes[..paren];
        activity["transfer_syntax_sets"] = Scalars(codes.Split(',').Select(c => c.Trim()).Where(c => c.Length > 0));
        if (narrow) activity.Set("transfer_syntax_sets_mode", "narrow");
        return true;
    }

    /// <summary>The policy sentences of <see cref="TransferSyntaxResolution.PolicySentence"/>, both roles.</summary>
    private static string? PolicyOfSentence(string plain)
    {
        foreach (var p in new[] { TransferSyntaxPolicy.AsReceived, TransferSyntaxPolicy.Any })
            foreach (var r in new[] { ActivityRole.Acceptor, ActivityRole.Initiator })
                if (plain == TransferSyntaxResolution.PolicySentence(p, r)) return p == TransferSyntaxPolicy.Any ? "any" : "as_received";
        return null;
    }

    /// <summary>"Any" / "As received" in a Transfer Syntax cell of the Section 1 tables.</summary>
    private static string? PolicyOfLabel(string cell) => cell.Trim() switch
    {
        "Any" => "any",
        "As received" => "as_received",
        _ => null,
    };

    // ------------------------------------------------------------------ association parameters with default and range

    /// <summary>YAML keys of the parameters that take a value or a {value, default, minimum, maximum} mapping.</summary>
    private static readonly Dictionary<string, (string Key, string? Unit)> SettingLabels =
        ModelBinder.SettingKeys.ToDictionary(k => k.Label, k => (k.Key, k.Unit), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<v>.*?)\s*\((?<x>(?:default [^;()]+|configurable(?: \[[^\]]*\])?)(?:; (?:default [^;()]+|configurable(?: \[[^\]]*\])?))*)\)$")]
    private static partial Regex SettingCellPattern();

    /// <summary>
    /// A value cell of Tables 7-1/7-2 ("65536 bytes (default 32768 bytes; configurable [4096 … 1048576])") as the source
    /// format writes it: a scalar when the cell is a bare value, else a mapping. A bare number of a numeric parameter
    /// is a number. Returns null when the cell is not a parameter value.
    /// </summary>
    private static YNode? SettingNode(string key, string? unit, string cell, bool numeric)
    {
        cell = cell.Trim();
        var m = SettingCellPattern().Match(cell);
        if (!m.Success)
        {
            if (numeric) return long.TryParse(Regex.Replace(cell, @"[\s,']", ""), out var n) ? YScalar.Of(n) : null;
            return cell.Length == 0 ? null : new YScalar(cell);
        }
        var map = new YMap();
        string? writtenUnit = null;
        string? Unitless(string v)
        {
            v = v.Trim();
            if (v.Length == 0) return null;
            var u = Regex.Match(v, @"^(?<n>\S+) (?<u>\S+)$");
            if (!u.Success) return v;
            if (u.Groups["u"].Value != unit) writtenUnit = u.Groups["u"].Value;
            return u.Groups["n"].Value;
        }
        YNode Scalar(string v) => numeric && long.TryParse(v, out var n) ? YScalar.Of(n) : new YScalar(v);
        var value = Unitless(m.Groups["v"].Value);
        string? def = null;
        bool configurable = false;
        string? min = null, max = null;
        foreach (var part in m.Groups["x"].Value.Split("; "))
        {
            if (part.StartsWith("default ", StringComparison.Ordinal)) def = Unitless(part["default ".Length..]);
            else
            {
                configurable = true;
                var r = Regex.Match(part, @"\[(?<a>[^…\]]*)…(?<b>[^\]]*)\]");
                if (r.Success) { min = r.Groups["a"].Value.Trim(); max = r.Groups["b"].Value.Trim(); }
            }
        }
        // Without "default", the printed value is the value the product uses; a configurable one is its default.
        if (def is null && configurable) { def = value; value = null; }
        if (value is not null) map["value"] = Scalar(value);
        if (def is not null) map["default"] = Scalar(def);
        if (min is { Length: > 0 }) map["minimum"] = Scalar(min);
        if (max is { Length: > 0 }) map["maximum"] = Scalar(max);
        if (configurable && min is not { Length: > 0 } && max is not { Length: > 0 }) map.Set("configurable", true);
        if (writtenUnit is not null) map.Set("unit", writtenUnit);
        return map;
    }

    /// <summary>
    /// Table 6-1 rows dcsc writes from declarations: "AE Title of A, B" and "&lt;parameter&gt; of &lt;AE&gt;" / "&lt;parameter&gt;"
    /// with Configurable, Default Value and "Range [a … b]; comment". Their facts go back into the AE and association
    /// declarations (default, range, comment); true when the row was one of them.
    /// </summary>
    private bool ConfigurationRow(IReadOnlyDictionary<string, string> cells)
    {
        var parameter = cells.GetValueOrDefault("parameter") ?? "";
        var configurable = cells.GetValueOrDefault("configurable") ?? "";
        var def = cells.GetValueOrDefault("default_value") ?? "";
        var comments = cells.GetValueOrDefault("comments") ?? "";
        if (Regex.Match(parameter, @"^AE Title of (.+)$") is { Success: true } at)
        {
            var names = at.Groups[1].Value.Split(',').Select(x => x.Trim()).ToList();
            if (names.Count == 0 || !names.All(_aes.ContainsKey)) return false;
            foreach (var name in names) if (!_aes[name].Has("ae_title")) _aes[name].Set("ae_title", def);
            return true;
        }
        var label = parameter;
        YMap? target = (YMap)_root["association"]!;
        var of = Regex.Match(parameter, @"^(.+) of (\S+)$");
        if (of.Success && _aes.TryGetValue(of.Groups[2].Value, out var ae) && SettingLabels.ContainsKey(of.Groups[1].Value))
        {
            label = of.Groups[1].Value;
            target = ae.Map("association");
        }
        if (!SettingLabels.TryGetValue(label, out var setting) || configurable is not ("USER" or "FIXED" or "SERVICE")) return false;
        _configurationRows.Add((target, setting.Key, setting.Unit, configurable != "FIXED", def, comments));
        return true;
    }

    private readonly List<(YMap Target, string Key, string? Unit, bool Configurable, string Default, string Comments)> _configurationRows = new();

    /// <summary>
    /// The Table 6-1 facts over what Tables 7-1/7-2 gave: the default value, the range and the comment of each parameter.
    /// Runs after the association tables were read (Section 7 comes after Section 6).
    /// </summary>
    private void FinishConfigurationRows(bool perAe)
    {
        var general = (YMap)_root["association"]!;
        foreach (var (target, key, unit, configurable, def, comments) in _configurationRows)
        {
            if (ReferenceEquals(target, general) == perAe) continue;
            var numeric = NumericAssociationFields.Contains(key);
            var map = target[key] switch
            {
                YMap m => m,
                YScalar s => new YMap().With("value", s),
                _ => new YMap(),
            };
            var d = SettingNode(key, unit, def, numeric);
            if (d is YScalar ds)
            {
                // The printed default doubles as the value when Section 7 printed the same number without "default".
                if (map["value"] is YScalar v && v.Value == ds.Value) map["value"] = null;
                map["default"] = ds;
            }
            else if (d is YMap dm && dm["value"] is { } dv) { map["default"] = dv; if (dm["unit"] is { } u) map["unit"] = u; }
            var rest = new List<string>();
            foreach (var part in comments.Split("; ").Select(x => x.Trim()).Where(x => x.Length > 0))
            {
                var r = Regex.Match(part, @"^Range \[(?<a>[^…\]]*)…(?<b>[^\]]*)\]$");
                if (r.Success)
                {
                    YNode S(string x) => numeric && long.TryParse(x, out var n) ? YScalar.Of(n) : new YScalar(x);
                    if (r.Groups["a"].Value.Trim() is { Length: > 0 } a) map["minimum"] = S(a);
                    if (r.Groups["b"].Value.Trim() is { Length: > 0 } b) map["maximum"] = S(b);
                }
                else rest.Add(part);
            }
            if (rest.Count > 0) map.Set("comment", string.Join("; ", rest));
            map["configurable"] = null;
            if (configurable && !map.Has("minimum") && !map.Has("maximum")) map.Set("configurable", true);
            // Keys in the order the source format documents.
            var ordered = new YMap();
            foreach (var k in new[] { "value", "default", "minimum", "maximum", "configurable", "unit", "comment" })
                if (map[k] is { } v2) ordered[k] = v2;
            target[key] = ordered;
        }
    }

    private static string Squash(string s) => ReaderText.Squash(s);
}
