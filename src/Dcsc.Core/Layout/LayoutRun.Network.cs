using System.Globalization;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Layout;

// Issue 12 network declarations in the PS3.2 layout: effective Transfer Syntaxes (Section 1 tables, 7.2.x.3/4
// activities), "any Transfer Syntax" policies, AEs sharing an AE Title (4.1.x, Table 6-1), association parameters
// with default and configurable range (Table 6-1, Tables 7-1/7-2), and "not stated" instead of N/A.
internal sealed partial class LayoutRun
{
    // ------------------------------------------------------------------ Transfer Syntaxes (issue 12 points 1, 2)

    /// <summary>The "Transfer Syntax Set" cell of Table 1-1: the effective set codes, and "Any" / "As received" for an open policy.</summary>
    private string TransferSyntaxSetCell(SopClass s)
    {
        var eff = TransferSyntaxResolution.Overall(_s, s);
        var parts = eff.SetCodes.ToList();
        if (eff.Open) parts.Add(TransferSyntaxResolution.PolicyLabel(eff.Policy));
        return string.Join("; ", parts);
    }

    /// <summary>The Transfer Syntaxes of the effective sets of a SOP Class (Tables 1-4 to 1-7), without repeats.</summary>
    private List<TransferSyntax> EffectiveTransferSyntaxes(SopClass s, out bool open)
    {
        var eff = TransferSyntaxResolution.Overall(_s, s);
        open = eff.Open;
        var result = new List<TransferSyntax>();
        foreach (var code in eff.SetCodes)
            foreach (var set in _s.TransferSyntaxSets.Where(x => x.Code == code))
                foreach (var ts in set.TransferSyntaxes)
                    if (!result.Any(r => r.Uid == ts.Uid)) result.Add(ts);
        return result;
    }

    /// <summary>
    /// What an activity's presentation contexts carry beyond its SOP Class list (PS3.2 7.2.x.3.y / 7.2.x.4.y): the Transfer
    /// Syntaxes when the activity sets them, and its policy in plain words. Nothing when the SOP Classes' own sets apply.
    /// </summary>
    private IEnumerable<Draft> ActivityTransferSyntaxes(Activity a)
    {
        if (a.TransferSyntaxSets.Count > 0)
        {
            var names = new List<string>();
            foreach (var code in a.TransferSyntaxSets)
                foreach (var set in _s.TransferSyntaxSets.Where(x => x.Code == code))
                    foreach (var ts in set.TransferSyntaxes)
                        if (!names.Contains($"{ts.Name} ({ts.Uid})")) names.Add($"{ts.Name} ({ts.Uid})");
            var how = a.NarrowTransferSyntaxSets
                ? "Of each SOP Class's Transfer Syntaxes, this activity " + (a.Role == ActivityRole.Initiator ? "proposes" : "accepts") + " only those in the set" + (a.TransferSyntaxSets.Count > 1 ? "s " : " ")
                : "Transfer Syntaxes " + (a.Role == ActivityRole.Initiator ? "proposed" : "accepted") + " for these SOP Classes: those of the set" + (a.TransferSyntaxSets.Count > 1 ? "s " : " ");
            yield return new DraftPlain(how + string.Join(", ", a.TransferSyntaxSets) + (names.Count > 0 ? " (" + string.Join("; ", names) + ")." : "."));
        }
        // An acceptor's policy belongs to its "Transfer Syntax Selection Policies" subsection (ActivityPolicy).
        if (a.Role == ActivityRole.Initiator) foreach (var d in ActivityPolicy(a)) yield return d;
    }

    /// <summary>The Transfer Syntax policy of an activity in plain words (PS3.2 7.2.x.4.y.2 for an acceptor).</summary>
    private IEnumerable<Draft> ActivityPolicy(Activity a)
    {
        var policy = a.TransferSyntaxPolicy
            ?? (a.SopClasses.Select(u => _s.SopClasses.FirstOrDefault(s => s.Uid == u)?.TransferSyntaxPolicy ?? TransferSyntaxPolicy.Sets).DefaultIfEmpty().Max());
        if (policy != TransferSyntaxPolicy.Sets)
            yield return new DraftPlain(TransferSyntaxResolution.PolicySentence(policy, a.Role));
    }

    /// <summary>
    /// "SOP Classes: …" of an activity, in UID order. The SOP Classes of the "every Storage SOP Class" declaration are
    /// named once as that declaration (Table 1-1 lists them) instead of one by one.
    /// </summary>
    private IEnumerable<Draft> ActivitySopClasses(Activity a)
    {
        if (a.SopClasses.Count == 0) yield break;
        var expanded = _s.SopClasses.Where(s => s.Expanded).Select(s => s.Uid).ToHashSet(StringComparer.Ordinal);
        bool all = expanded.Count > 0 && expanded.All(u => a.SopClasses.Contains(u, StringComparer.Ordinal));
        var named = a.SopClasses.Where(u => !all || !expanded.Contains(u)).OrderBy(u => u, UidComparer.Instance).Select(u => $"{SopName(u)} ({u})").ToList();
        if (all) named.Insert(0, $"every Storage SOP Class listed in Table 1-1 ({expanded.Count} SOP Classes)");
        yield return new DraftPlain("SOP Classes: " + string.Join("; ", named) + ".");
    }

    /// <summary>The "every Storage SOP Class" declaration in plain words (Section 1.1, before Table 1-1).</summary>
    private IEnumerable<Draft> EveryStorageText()
    {
        if (_s.EveryStorage is not { } e) yield break;
        var roles = new List<string>();
        if (e.Scp.Count > 0) roles.Add("as SCP on " + string.Join(", ", e.Scp));
        if (e.Scu.Count > 0) roles.Add("as SCU on " + string.Join(", ", e.Scu));
        var which = "every Storage SOP Class" + (e.IncludeNonPatient ? " and every Non-Patient Object Storage SOP Class" : "")
            + $" of the DICOM dictionary edition it was built with ({DicomDictionary.Standard.Edition}), " + (e.IncludeRetired ? "retired ones included" : "except the retired ones");
        var excluded = e.Exclude.Count == 0 ? "" : " and except " + string.Join("; ", e.Exclude.OrderBy(u => u, UidComparer.Instance).Select(u => $"{SopName(u)} ({u})"));
        var count = _s.SopClasses.Count(s => s.Expanded);
        yield return new DraftPlain($"{_s.Product.Name} supports {which}{excluded}: {count} SOP Classes, {string.Join(" and ", roles)}. Table 1-1 lists them.");
        if (e.TransferSyntaxPolicy != TransferSyntaxPolicy.Sets)
            yield return new DraftPlain(e.TransferSyntaxPolicy == TransferSyntaxPolicy.AsReceived
                ? "Any Transfer Syntax proposed is accepted; instances are stored and sent on as received, without conversion."
                : "Any Transfer Syntax proposed is accepted.");
        if (!string.IsNullOrWhiteSpace(e.Comment)) yield return new DraftAuthor(e.Comment!);
    }

    // ------------------------------------------------------------------ AE Titles shared by several AEs (point 3)

    /// <summary>The other AEs that answer on the same AE Title (and port, when both state one).</summary>
    private List<ApplicationEntity> SharingAeTitle(ApplicationEntity ae) =>
        ae.AeTitle is not { Length: > 0 } title ? new()
        : _s.ApplicationEntities.Where(o => !ReferenceEquals(o, ae) && string.Equals(o.AeTitle?.Trim(), title.Trim(), StringComparison.Ordinal)).ToList();

    /// <summary>"Default AE Title: X", with the AEs that share it (PS3.2 4.1.x functional definition).</summary>
    private IEnumerable<Draft> AeTitleText(ApplicationEntity ae)
    {
        if (ae.AeTitle is not { Length: > 0 } title) yield break;
        var shared = SharingAeTitle(ae);
        var port = PortOf(ae)?.Effective;
        var text = $"Default AE Title: {title}" + (port is null ? "" : $", port {port}");
        if (shared.Count > 0) text += $" (shared with {string.Join(", ", shared.Select(o => o.Name))}: one AE Title and port answer for these functional AEs)";
        yield return new DraftPlain(text);
    }

    private ParameterSetting? PortOf(ApplicationEntity ae) =>
        ae.Association?.Settings.GetValueOrDefault("port") ?? _s.Association?.Settings.GetValueOrDefault("port");

    // ------------------------------------------------------------------ association parameters (point 4)

    /// <summary>Value cell of Tables 7-1/7-2: the value, with its default and configurable range when they are given.</summary>
    private static string? SettingCell(AssociationParameters a, string key, string? scalar)
    {
        if (!a.Settings.TryGetValue(key, out var s)) return scalar;
        var value = WithUnit(s.Value ?? s.Default, s.Unit);
        var extra = new List<string>();
        if (s.Value is not null && s.Default is not null && s.Default != s.Value) extra.Add("default " + WithUnit(s.Default, s.Unit));
        if (s.Range is { } r) extra.Add("configurable " + r);
        else if (s.Configurable) extra.Add("configurable");
        if (value is null) return extra.Count == 0 ? null : string.Join("; ", extra);
        return extra.Count == 0 ? value : $"{value} ({string.Join("; ", extra)})";
    }

    private static string? WithUnit(string? v, string? unit) =>
        v is null ? null : unit is null || unit == "bytes" && !long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || v.EndsWith(unit, StringComparison.Ordinal) ? v : $"{v} {unit}";

    /// <summary>Rows for the timeouts that have no field of their own (DIMSE, network, idle), after ARTIM.</summary>
    private static IEnumerable<(string Label, string? Value)> ExtraTimeouts(AssociationParameters a) =>
        ModelBinder.SettingKeys.Where(k => k.Key is "dimse_timeout" or "network_timeout" or "idle_timeout")
            .Select(k => (k.Label, SettingCell(a, k.Key, null)));

    /// <summary>
    /// Table 6-1 General Configuration Parameters: one row per AE Title when AEs share one (with the AEs that share it)
    /// and one per configurable association parameter — Configurable, Default Value and the range in Comments (PS3.2
    /// 6.1) — then the rows the statement writes (which may open table subsections, so they come last). A parameter
    /// the statement writes itself is not repeated.
    /// </summary>
    private List<TableDraft> ConfigurationTable(Node n, TemplateTable t)
    {
        var given = n.Content.Tables.TryGetValue(t.Key, out var g)
            ? g.Select(r => new RowSpec(t.Columns.ToDictionary(c => c.Key, c => r.Cells.TryGetValue(c.Key, out var v) ? JoinCell(v) : "", StringComparer.Ordinal), r.Group, r.Note)).ToList()
            : new List<RowSpec>();
        var rows = new List<RowSpec>();
        var written = given.Select(r => r.Cells.GetValueOrDefault("parameter") ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        void Add(string parameter, string configurable, string? def, string? comment)
        {
            if (written.Contains(parameter)) return;
            written.Add(parameter);
            rows.Add(Row(("parameter", parameter), ("configurable", configurable), ("default_value", def), ("comments", comment)));
        }
        // AE Titles get rows here when several functional AEs share one (the statement's own rows come first).
        var groups = _s.ApplicationEntities.Where(a => a.AeTitle is { Length: > 0 }).GroupBy(a => a.AeTitle!.Trim(), StringComparer.Ordinal).ToList();
        if (groups.Any(g => g.Count() > 1))
            foreach (var group in groups)
            {
                var names = group.Select(a => a.Name).ToList();
                Add($"AE Title of {string.Join(", ", names)}", "USER", group.Key, names.Count > 1 ? "One AE Title (and port) shared by these functional AEs" : null);
            }
        foreach (var ae in _s.ApplicationEntities)
            foreach (var (key, label, _) in ModelBinder.SettingKeys)
                if (ae.Association?.Settings.GetValueOrDefault(key) is { } s && (s.Configurable || s.Default is not null))
                    Add($"{label} of {ae.Name}", s.Configurable ? "USER" : "FIXED", WithUnit(s.Default ?? s.Value, s.Unit),
                        string.Join("; ", new[] { s.Range is { } r ? "Range " + r : null, s.Comment }.Where(x => x is not null)));
        if (_s.Association is { } general)
            foreach (var (key, label, _) in ModelBinder.SettingKeys)
                if (general.Settings.GetValueOrDefault(key) is { } s && (s.Configurable || s.Default is not null))
                    Add(label, s.Configurable ? "USER" : "FIXED", WithUnit(s.Default ?? s.Value, s.Unit),
                        string.Join("; ", new[] { s.Range is { } r ? "Range " + r : null, s.Comment }.Where(x => x is not null)));
        rows.AddRange(given);
        var table = MakeTable(t, ResolveTableTitle(n, t.Title, null), rows);
        return table is null ? new() : new() { table };
    }

    // ------------------------------------------------------------------ "not stated" is not "N/A" (points 10, 11)

    private bool SpeaksDimse => _s.SopClasses.Any(s => s.IsScu || s.IsScp);

    /// <summary>
    /// Sentences for sections that would otherwise print "N/A" although the product has what they describe: the text
    /// says what the statement leaves open, and what it states elsewhere.
    /// </summary>
    private IEnumerable<Draft> NotStatedText(Node n)
    {
        switch (n.T!.Key)
        {
            case "overview_charset" or "services_charset" when _s.CharacterSets.Count == 0 && (SpeaksDimse || _s.DicomWeb.Transactions.Count > 0):
                if (!n.Content.Na && string.IsNullOrWhiteSpace(n.Content.Text) && n.Content.Tables.Values.All(r => r.Count == 0))
                    yield return new DraftPlain($"This statement does not state which Specific Character Sets {_s.Product.Name} supports.");
                break;
            case "overview_storage":
                if (StorageDescribedOnly())
                    yield return new DraftText("{product} supports the Storage Service as described in Section {section:5.2.5}.", false);
                break;
            case "services_scp_storage":
                var scp = _s.Dimse.Storage.Scp;
                if (scp is null) break;
                foreach (var (field, label) in new[] { ("element_coercion", "Element coercion"), ("discarded_attributes", "Discarded Attributes"),
                             ("lossy_compression", "Lossy compression"), ("duplicate_instances", "Duplicate SOP Instances") })
                    if (scp.IsNotDocumented(field)) yield return new DraftPlain($"{label}: not documented by the manufacturer.");
                break;
        }
    }

    /// <summary>5.2.5 describes a Storage role (narrative) while no Storage SOP Class claims it on the network.</summary>
    private bool StorageDescribedOnly() =>
        !_s.SopClasses.Any(s => IsStorageService(ServiceOf(s)) && (s.IsScu || s.IsScp))
        && (!string.IsNullOrWhiteSpace(_s.Dimse.Storage.Scu?.Description) || !string.IsNullOrWhiteSpace(_s.Dimse.Storage.Scp?.Description)
            || _s.Sections.TryGetValue("services_storage", out var c) && !c.Na && !string.IsNullOrWhiteSpace(c.Text));

    /// <summary>Table 5-10 rows: the levels stated, or "Not documented" where the statement says so.</summary>
    private List<RowSpec> LevelsOfConformanceRows()
    {
        var scp = _s.Dimse.Storage.Scp;
        var rows = new List<RowSpec>();
        if (scp is null) return rows;
        if (scp.LevelOfSupport is { } l) rows.Add(Row(("level_label", "Levels of Conformance"), ("value", l.ToString(CultureInfo.InvariantCulture))));
        else if (scp.IsNotDocumented("level_of_support")) rows.Add(Row(("level_label", "Levels of Conformance"), ("value", "Not documented")));
        if (scp.DigitalSignatureLevel is { } d) rows.Add(Row(("level_label", "Level of Digital Signature Support"), ("value", d.ToString(CultureInfo.InvariantCulture))));
        else if (scp.IsNotDocumented("digital_signature_level")) rows.Add(Row(("level_label", "Level of Digital Signature Support"), ("value", "Not documented")));
        return rows;
    }
}
