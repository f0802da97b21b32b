using Dcsc.Dictionary;
using System.Text.RegularExpressions;
using Dcsc.Model;

namespace Dcsc.Layout;

// Narrative from structured fields, applicability from facts, and the final resolution of drafts into blocks
// (tokens → names, numbers and links; sentences with a reference that has no target are dropped).
internal sealed partial class LayoutRun
{
    // ------------------------------------------------------------------ narrative of structured fields

    /// <summary>
    /// The content of Figure 1-1 (Overview of Implemented Services) also as text: the remote systems and the DICOM
    /// services used with each (`product.remote_systems`), readable where the figure is not (plain text, screen readers).
    /// </summary>
    private IEnumerable<Draft> RemoteSystems()
    {
        if (_s.Product.RemoteSystems.Count == 0) yield break;
        yield return new DraftPlain($"{_s.Product.Name} uses these DICOM services with remote systems:");
        yield return new DraftAuthor(string.Join("\n", _s.Product.RemoteSystems.Select(r => $"- {r.Name}: {string.Join("; ", r.Services)}")));
    }

    private IEnumerable<Draft> ModelNarrative(Node n)
    {
        var ctx = n.Ctx;
        var d = _s.Dimse;
        IEnumerable<Draft> Md(string? text, string? label = null, TextOrigin? origin = null) =>
            string.IsNullOrWhiteSpace(text) ? Array.Empty<Draft>() : new Draft[] { new DraftAuthor(text!, label) { Origin = origin } };
        switch (n.T!.Key)
        {
            case "overview": return Md(_s.Product.Description, origin: TextOrigin.Of(_s.Product.Location, "description")).Concat(RemoteSystems());
            case "overview_content_transfer": return EveryStorageText();
            case "intro_audience": return Md(_s.Introduction.Audience);
            case "intro_remarks": return Md(_s.Introduction.Remarks);
            case "intro_references":
                return _s.Introduction.References.Select((r, i) => (Draft)new DraftAuthor($"\\[{i + 3}\\] {r}"));
            case "impl_functional_definition_ae_1" when ctx.Ae is { } ae:
                return AeTitleText(ae).Concat(Md(ae.Description, origin: TextOrigin.Of(ae.Location, "description")));
            case "netcomm_sequencing_real_world_activities_ae1": return Md(ctx.Ae?.Sequencing);
            case "netcomm_real_world_activity_activity_1" or "netcomm_real_world_activity_activity_2" when ctx.Activity is not null:
                return Md(ctx.Activity.Description, origin: TextOrigin.Of(ctx.Activity.Location, "description")).Concat(ActivitySopClasses(ctx.Activity)).Concat(ActivityTransferSyntaxes(ctx.Activity));
            case "netcomm_role_negotiation": return Md(ctx.Activity?.RoleNegotiation);
            case "netcomm_ts_selection_policies" when ctx.Activity is not null: return ActivityPolicy(ctx.Activity);
            case "annex_a_iod" when ctx.Iod is { } iod:
                return new Draft[] { new DraftPlain($"SOP Class: {SopName(iod.SopClass)} ({iod.SopClass}).") }.Concat(Md(iod.Description, origin: TextOrigin.Of(iod.Location, "description")));
            case "annex_d_mapping": return Md(ctx.Mapping?.Description, origin: ctx.Mapping is { } mapping ? TextOrigin.Of(mapping.Location, "description") : null);
            case "overview_verification": return Role(d.Verification.Scu, "SCU").Concat(Role(d.Verification.Scp, "SCP"));
            case "services_scu_mwl_find": return Role(d.Worklist.Scu);
            case "services_scp_mwl_find": return Role(d.Worklist.Scp);
            case "services_scu_mpps": return Role(d.Mpps.Scu);
            case "services_scp_mpps": return Role(d.Mpps.Scp);
            case "services_ups": return Role(d.Ups.Scu, "SCU").Concat(Role(d.Ups.Scp, "SCP"));
            case "services_scu_ian": return Role(d.InstanceAvailability.Scu);
            case "services_scp_ian": return Role(d.InstanceAvailability.Scp);
            case "services_scu_storage": return Role(d.Storage.Scu);
            case "services_scp_storage": return Role(d.Storage.Scp).Concat(NotStatedText(n));
            case "services_scu_stgcmt": return Role(d.StorageCommitment.Scu);
            case "services_scp_stgcmt": return Role(d.StorageCommitment.Scp);
            case "services_scu_study_root_qr_find": return Role(d.QrFind.Scu);
            case "services_scp_study_root_qr_find": return Role(d.QrFind.Scp);
            case "services_scu_study_root_qr_move": return Role(d.QrMove.Scu);
            case "services_scp_study_root_qr_move": return Role(d.QrMove.Scp);
            case "services_qr": return Role(d.QrGet.Scu, "C-GET SCU").Concat(Role(d.QrGet.Scp, "C-GET SCP"));
            case "services_scu_basic_grayscale_print_meta": return Role(d.Print.Scu);
            case "services_scp_basic_grayscale_print_meta": return Role(d.Print.Scp);
            case "services_dicom_ws":
                return _s.DicomWeb.BaseUrl is { Length: > 0 } url ? new Draft[] { new DraftPlain($"Base URL: {url}") } : Array.Empty<Draft>();
            case "overview_charset" or "services_charset" or "overview_storage": return NotStatedText(n);
            default:
                if (WebServiceSections.TryGetValue(n.T.Key, out var service))
                    return _s.DicomWeb.Transactions.Where(w => w.Service == service && !string.IsNullOrWhiteSpace(w.Description))
                        .Select(w => (Draft)new DraftAuthor(w.Description!, w.Transaction) { Origin = TextOrigin.Of(w.Location, "description") });
                return Array.Empty<Draft>();
        }
    }

    /// <summary>The Section 5.3 subsection of each DICOMweb service (template key → service); the import reads them back.</summary>
    internal static IReadOnlyDictionary<string, string> WebServiceSections => TemplateData.WebServiceSections;

    private IEnumerable<Draft> Role(ServiceRole? r, string? label = null)
    {
        if (r is null) yield break;
        if (!string.IsNullOrWhiteSpace(r.Description)) yield return new DraftAuthor(r.Description!, label) { Origin = TextOrigin.Of(r.Location, "description") };
        if (!string.IsNullOrWhiteSpace(r.ElementCoercion)) yield return new DraftAuthor(r.ElementCoercion!, "Element coercion") { Origin = TextOrigin.Of(r.Location, "element_coercion") };
        if (!string.IsNullOrWhiteSpace(r.DiscardedAttributes)) yield return new DraftAuthor(r.DiscardedAttributes!, "Discarded Attributes") { Origin = TextOrigin.Of(r.Location, "discarded_attributes") };
        if (!string.IsNullOrWhiteSpace(r.LossyCompression)) yield return new DraftAuthor(r.LossyCompression!, "Lossy compression") { Origin = TextOrigin.Of(r.Location, "lossy_compression") };
        if (!string.IsNullOrWhiteSpace(r.DuplicateInstances)) yield return new DraftPlain($"Duplicate SOP Instances (same SOP Instance UID): {r.DuplicateInstances}.");
        if (!string.IsNullOrWhiteSpace(r.Retention)) yield return new DraftAuthor(r.Retention!, "Retention") { Origin = TextOrigin.Of(r.Location, "retention") };
        if (!string.IsNullOrWhiteSpace(r.Priority)) yield return new DraftPlain($"Priority: {r.Priority}");
        if (r.Relational is { } rel) yield return new DraftPlain($"Relational queries/retrieval: {YN(rel)}");
        if (r.SubOperationSopClasses.Count > 0)
            yield return new DraftPlain("Sub-operation SOP Classes: " + string.Join("; ", r.SubOperationSopClasses.OrderBy(u => u, UidComparer.Instance).Select(u => $"{SopName(u)} ({u})")) + ".");
    }

    /// <summary>Sections that are applicable because of structured facts, even without narrative or table rows.</summary>
    private bool FactApplicable(Node n)
    {
        bool Storage(Func<SopClass, bool> role) => _s.SopClasses.Any(s => IsStorageService(ServiceOf(s)) && role(s));
        return n.T!.Key switch
        {
            "overview_storage" => Storage(s => s.IsScu || s.IsScp) || StorageDescribedOnly(),
            "services_charset" => _s.CharacterSets.Count > 0,
            "services_scu_storage" => Storage(s => s.IsScu),
            "services_scp_storage" => Storage(s => s.IsScp),
            "services_file_set_creator_fsc" => _s.MediaProfiles.Any(m => m.Fsc) || _s.SopClasses.Any(s => s.Fsc),
            "services_file_set_reader_fsr" => _s.MediaProfiles.Any(m => m.Fsr) || _s.SopClasses.Any(s => s.Fsr),
            "services_file_set_updater_fsu" => _s.MediaProfiles.Any(m => m.Fsu) || _s.SopClasses.Any(s => s.Fsu),
            _ => false,
        };
    }

    // ------------------------------------------------------------------ resolution

    private LaidOutSection Resolve(Node n)
    {
        var blocks = new List<LayoutBlock>();
        if (!n.Applicable) blocks.Add(new NaBlock());
        else
        {
            foreach (var d in n.Drafts)
                if (ResolveDraft(n, d) is { } b) blocks.Add(b);
            // Run-in headings belong to this section's body: printed only when they have content.
            foreach (var r in n.Children.Where(c => c.IsRunIn && c.Applicable && !c.Dropped))
            {
                var inner = r.Drafts.Select(d => ResolveDraft(r, d)).OfType<LayoutBlock>().ToList();
                if (inner.Count == 0) continue;
                blocks.Add(new RunInHeadingBlock(r.Title));
                blocks.AddRange(inner);
            }
        }
        return new LaidOutSection
        {
            Key = n.Key, Number = n.Number, Title = n.Applicable ? n.Title : n.Title + " - N/A", Level = LevelOf(n.Number),
            Anchor = n.Number.Length == 0 ? "sect-annexes" : "sect-" + n.Number, IsNa = !n.Applicable, IsAdded = n.Added is not null,
            Blocks = blocks, Children = n.Children.Where(c => !c.Dropped && !c.IsRunIn).Select(Resolve).ToList(),
        };
    }

    private LayoutBlock? ResolveDraft(Node n, Draft d)
    {
        switch (d)
        {
            case DraftText t:
                return ResolveText(n, t.Raw) is { } inl ? new ParagraphBlock(inl, t.IsNote) : null;
            case DraftList l:
            {
                var kept = l.Raw.Select((x, i) => (Text: ResolveText(n, x), Level: l.Levels is { } lv && i < lv.Count ? lv[i] : 0)).Where(x => x.Text is not null).ToList();
                if (kept.Count == 0) return null;
                // An item can only be one level deeper than the one before it (its parent may have been dropped).
                var levels = new List<int>();
                foreach (var (_, level) in kept) levels.Add(Math.Clamp(level, 0, levels.Count == 0 ? 0 : levels[^1] + 1));
                return new ListBlock(kept.Select(x => (IReadOnlyList<Inline>)x.Text!).ToList()) { Levels = levels };
            }
            case DraftPlain p:
                return new ParagraphBlock(new[] { new Inline(p.Text) });
            case DraftAuthor a:
                CheckLiteralReferences(n, a);
                return new AuthorBlock(ResolveAuthorTokens(n, a.Markdown), a.Label);
            case DraftFigure f:
                var (num, id) = _figures[f.Ref];
                return new FigureBlock(id, num, ResolveTitle(f.RawTitle, n.Ctx), f.Source) { GeneratedRef = f.GeneratedRef };
            case DraftTable { Table: var t }:
                CheckLiteralReferences(n, t);
                return new TableBlock(new LaidOutTable
                {
                    Id = t.Id, Number = t.Number, Title = t.Title, TemplateRef = t.T.Ref, Key = t.T.Key, AuthorKey = t.AuthorKey, Columns = t.Columns, Groups = t.Groups,
                    // the template draws no header row for 3.4, 3.5 and 5-10: the Markdown header row (required) stays empty
                    HeaderRow = t.HeaderRow ?? (t.T.HeaderRows.Count == 0 && t.T.Columns.Count > 0 ? t.Columns.Select(_ => "").ToList() : t.Columns),
                    Rows = t.Rows.Select(r => new TableRowOut(r.Cells.Select(c => ResolveCellTokens(n, c)).ToList(), r.IsGroup) { IsHeader = r.IsHeader }).ToList(),
                    Footnotes = t.Footnotes.Select((f, i) => ResolveCellTokens(n, $"Note {i + 1}: {Clean(f)}")).ToList(),
                });
            default:
                return null;
        }
    }

    private static readonly Regex ModuleTableToken = new(@"\{mtable:([^}]*)\}", RegexOptions.CultureInvariant);

    private IReadOnlyList<Inline> ResolveCell(string cell)
    {
        if (!cell.Contains("{mtable:", StringComparison.Ordinal)) return cell.Length == 0 ? Array.Empty<Inline>() : new[] { new Inline(cell) };
        var result = new List<Inline>();
        int pos = 0;
        foreach (System.Text.RegularExpressions.Match m in ModuleTableToken.Matches(cell))
        {
            if (m.Index > pos) result.Add(new Inline(cell[pos..m.Index]));
            var target = _tablesByUid.Values.FirstOrDefault(t => t.ModuleKey == m.Groups[1].Value && IsShown(t));
            if (target is not null) result.Add(new Inline(target.Number is null ? target.Title : "Table " + target.Number, "#" + target.Id));
            pos = m.Index + m.Length;
        }
        if (pos < cell.Length) result.Add(new Inline(cell[pos..]));
        return Merge(TrimSeparators(result));
    }

    private static List<Inline> TrimSeparators(List<Inline> inlines)
    {
        // A reference that has no table leaves "; " behind: trim it.
        while (inlines.Count > 0 && inlines[0].Href is null && inlines[0].Text.TrimStart().StartsWith(';'))
            inlines[0] = inlines[0] with { Text = inlines[0].Text.TrimStart().TrimStart(';').TrimStart() };
        return inlines.Where(i => i.Text.Length > 0).ToList();
    }

    private static bool IsShown(TableDraft t) => !t.Owner.Dropped && t.Owner.Applicable && !IsUnderDropped(t.Owner);

    private static bool IsUnderDropped(Node n)
    {
        for (var x = n; x is not null; x = x.Parent) if (x.Dropped) return true;
        return false;
    }

    private static readonly Regex Sentence = new(@"(?<=[.!?])\s+(?=[A-Z\{\[(""])", RegexOptions.CultureInvariant);
    private static readonly Regex Token = new(
        @"(?:(Table|Section|Annex|Figure)\s+)?\{(table|section|figure):([^}]+)\}|\{(placeholder|choice):([^}]*)\}|\{(product|ae|activity|iod|template|finding_site|mapping|module)\}",
        RegexOptions.CultureInvariant);

    /// <summary>Resolves a boilerplate text; sentences whose references have no target are dropped (null when nothing is left).</summary>
    private List<Inline>? ResolveText(Node n, string raw)
    {
        var result = new List<Inline>();
        foreach (var sentence in Sentence.Split(raw))
        {
            var part = ResolveSentence(n, sentence);
            if (part is null) continue;
            if (result.Count > 0) result.Add(new Inline(" "));
            result.AddRange(part);
        }
        return result.Count == 0 ? null : CollapseRanges(Merge(result));
    }

    /// <summary>"Table A-1 to Table A-1" (a list of one) becomes "Table A-1".</summary>
    private static List<Inline> CollapseRanges(List<Inline> inlines)
    {
        for (int i = 0; i + 2 < inlines.Count; i++)
            if (inlines[i].Href is { } h && inlines[i + 1].Href is null && inlines[i + 1].Text == " to " && inlines[i + 2].Href == h)
                inlines.RemoveRange(i + 1, 2);
        return inlines;
    }

    private List<Inline>? ResolveSentence(Node n, string sentence)
    {
        var result = new List<Inline>();
        int pos = 0;
        foreach (System.Text.RegularExpressions.Match m in Token.Matches(sentence))
        {
            if (m.Index > pos) result.Add(new Inline(sentence[pos..m.Index]));
            pos = m.Index + m.Length;
            var prefix = m.Groups[1].Success ? m.Groups[1].Value + " " : "";
            if (m.Groups[2].Success)
            {
                var target = m.Groups[3].Value;
                Inline? link = m.Groups[2].Value switch
                {
                    "table" => FindTable(n, target) is { } t ? new Inline(t.Number is null ? t.Title : (prefix.Length > 0 ? prefix : "") + t.Number, "#" + t.Id) : null,
                    "section" => FindSection(n, target) is { } s ? new Inline(prefix + (s.Number.Length == 0 ? "Annexes" : s.Number), "#" + (s.Number.Length == 0 ? "sect-annexes" : "sect-" + s.Number)) : null,
                    _ => FindFigure(n, target) is { } f ? new Inline(prefix + f.Number, "#" + f.Id) : null,
                };
                if (link is null) return null;
                result.Add(link);
            }
            else if (m.Groups[4].Success)
            {
                var key = m.Groups[5].Value;
                if (!n.Content.Fill.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    ReportPlaceholder(n, key);
                    return null;
                }
                result.Add(new Inline(value.Trim()));
            }
            else
            {
                var word = m.Groups[6].Value;
                result.Add(new Inline(word == "product" ? _s.Product.Name : InstanceName(word, n.Ctx) ?? GenericWords[word]));
            }
        }
        if (pos < sentence.Length) result.Add(new Inline(sentence[pos..]));
        return result;
    }

    private static List<Inline> Merge(List<Inline> inlines)
    {
        var result = new List<Inline>();
        foreach (var i in inlines)
        {
            if (result.Count > 0 && result[^1].Href is null && i.Href is null) result[^1] = new Inline(result[^1].Text + i.Text);
            else result.Add(i);
        }
        return result;
    }

    /// <summary>The shown table a <c>{table:X}</c> of section <paramref name="n"/> refers to: in the section itself, else in the nearest enclosing subtree.</summary>
    private static TableDraft? FindTable(Node n, string templateRef)
    {
        for (var scope = n; scope is not null; scope = scope.Parent)
            foreach (var x in scope.SelfAndDescendants())
                if (x.TableByRef.TryGetValue(templateRef, out var t))
                    return t is not null && IsShown(t) && t.Id.Length > 0 ? t : null;
        return null;
    }

    private (string Number, string Id)? FindFigure(Node n, string templateRef)
    {
        for (var scope = n; scope is not null; scope = scope.Parent)
            foreach (var x in scope.SelfAndDescendants())
                foreach (var f in x.Drafts.OfType<DraftFigure>())
                    if (f.Ref.EndsWith(":" + templateRef, StringComparison.Ordinal) && x.Applicable && _figures.TryGetValue(f.Ref, out var fig))
                        return fig;
        return null;
    }

    /// <summary>The live section a <c>{section:X}</c> refers to (X is a template number); a dropped section resolves to its nearest shown ancestor.</summary>
    private Node? FindSection(Node n, string templateNumber)
    {
        if (!_templateKeyByNumber.TryGetValue(templateNumber, out var key)) return null;
        var t = TemplateData.Walk(TemplateData.Template.Sections).FirstOrDefault(x => x.Key == key);
        for (; t is not null; t = t.Parent)
            for (var scope = n; scope is not null; scope = scope.Parent)
                foreach (var x in scope.SelfAndDescendants())
                    if (x.T == t && x.T.Key != "cover_page") return x;
        return null;
    }
}
