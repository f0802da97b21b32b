using Dcsc.Dictionary;
using System.Text.RegularExpressions;
using Dcsc.Layout;
using static Dcsc.Tests.Layout.LayoutFixtures;

namespace Dcsc.Tests.Layout;

public class LayoutTests
{
    [Fact]
    public void Two_application_entities_repeat_4_1_x_and_7_2_x()
    {
        var h = Headings(Lay(Rich));
        Assert.Contains("4.1.1 Functional Definition of STORE", h);
        Assert.Contains("4.1.2 Functional Definition of QUERY", h);
        Assert.Contains("7.2.1 STORE Application Entity", h);
        // QUERY has no activities, but its association parameters (STORE declares its own, so every AE gets its table).
        Assert.Contains("7.2.2 QUERY Application Entity", h);
        Assert.Contains("7.2.1.3.1 Real-World Activity Send Images", h);
        Assert.Contains("7.2.1.4.1 Real-World Activity Receive Images", h);
        Assert.Contains("7.2.1.2 Association Parameters of STORE", h);
        // 7.3 Status Codes keeps its number after the AE copies.
        Assert.Contains(h, x => x.StartsWith("7.3 Status Codes", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_iods_are_A_2_and_A_3_and_basic_directory_is_renumbered_A_4()
    {
        var h = Headings(Lay(Rich, keep: true));
        Assert.Contains("A.2 CT Image IOD", h);
        Assert.Contains("A.2.1 CT Image IOD Specific Modules", h);
        Assert.Contains("A.3 Enhanced CT Image IOD", h);
        Assert.Contains("A.3.2 Enhanced CT Image IOD Functional Group Macros", h);
        Assert.Contains("A.4 Basic Directory IOD - N/A", h);
        Assert.DoesNotContain(h, x => x.StartsWith("A.5", StringComparison.Ordinal));
        Assert.Contains("B.1 Echo Report (TID 5200)", h);
        Assert.Contains("B.1.2.1 Left Ventricle", h);
        Assert.Contains("D.1 MWL to Instance Mapping", h);
        Assert.Contains("E Code Set Usage - N/A", h);
    }

    [Fact]
    public void Zero_instances_omit_the_repeatable_section_in_both_modes()
    {
        var yaml = """
            product:
              name: Acme Zero
              version: "1.0"
              description: Nothing repeated.
            """;
        foreach (var keep in new[] { true, false })
        {
            var h = Headings(Lay(yaml, keep));
            // No generic fills ("7.2.1 Application Entity - N/A", "A.2 IOD - N/A"): the prototype is left out and the
            // parent, with nothing left, is N/A.
            Assert.DoesNotContain(h, x => x.StartsWith("4.1.1 ", StringComparison.Ordinal));
            Assert.DoesNotContain(h, x => x.StartsWith("7.2.1 ", StringComparison.Ordinal));
            Assert.DoesNotContain(h, x => x.StartsWith("B.1 ", StringComparison.Ordinal));
            Assert.DoesNotContain(h, x => x.StartsWith("D.1 ", StringComparison.Ordinal));
            Assert.DoesNotContain(h, x => Regex.IsMatch(x, @"\b(IOD|Application Entity|Real-World Activity|SR Template|Mapping) - N/A$") && !x.Contains("Basic Directory"));
            Assert.Contains("7.2 Specifications", h); // never N/A in the template
            Assert.Contains("D Mapping of Attributes - N/A", h);
            Assert.Contains("E Code Set Usage - N/A", h);
            Assert.DoesNotContain(h, x => x.Contains('{'));
            if (keep) Assert.Contains("A.2 Basic Directory IOD - N/A", h);
            else Assert.DoesNotContain(h, x => x.StartsWith("A.2", StringComparison.Ordinal));
        }
    }

    /// <summary>Every non-repeated template section appears with its number and exact title (keep mode), none missing, none extra.</summary>
    [Fact]
    public void Headings_match_the_template_tree()
    {
        var doc = Lay(OneOfEach, keep: true);
        var actual = doc.AllSections().ToDictionary(s => s.Number, s => s.Title);
        int checkedCount = 0;
        foreach (var t in TemplateData.Walk(TemplateData.Template.Sections))
        {
            if (t.Key is "cover_page") continue;
            if (InsideRepeat(t) || t.RunIn) continue;
            var number = t.Number == "A.5" ? "A.3" : t.Number; // the sibling after the IOD prototype (one IOD)
            if (t.Number.Length == 0) { Assert.Contains(doc.Sections, s => s.Title == t.Title && s.Anchor == "sect-annexes"); continue; }
            Assert.True(actual.TryGetValue(number, out var title), $"section {number} {t.Title} is missing");
            Assert.True(title == t.Title || title == t.Title + " - N/A", $"section {number}: expected \"{t.Title}\", got \"{title}\"");
            checkedCount++;
        }
        Assert.True(checkedCount > 380, $"only {checkedCount} sections checked");
        // Repeated sections: the prototype subtree once, with instance names.
        Assert.Equal("Functional Definition of MAIN", actual["4.1.1"]);
        Assert.StartsWith("Real-World Activity Send", actual["7.2.1.3.1"]);
        Assert.StartsWith("Real-World Activity Receive", actual["7.2.1.4.1"]);
        Assert.StartsWith("CT Image IOD", actual["A.2"]);
        Assert.StartsWith("Left Ventricle", actual["B.1.2.1"]);
        Assert.StartsWith("MWL Mapping", actual["D.1"]);
        // No extra sections: template sections + nothing else.
        int templateCount = TemplateData.Walk(TemplateData.Template.Sections).Count(t => t.Key != "cover_page" && !t.RunIn);
        Assert.Equal(templateCount, doc.AllSections().Count());
    }

    private static bool InsideRepeat(TemplateSection t)
    {
        for (var x = t; x is not null; x = x.Parent) if (x.Repeat is not null) return true;
        return false;
    }

    [Fact]
    public void Levels_and_anchors_follow_the_number()
    {
        var doc = Lay(Rich);
        foreach (var s in doc.AllSections())
        {
            if (s.Number.Length == 0) { Assert.Equal(1, s.Level); Assert.Equal("sect-annexes", s.Anchor); continue; }
            Assert.Equal("sect-" + s.Number, s.Anchor);
            int depth = s.Number.Split('.').Length;
            Assert.Equal(char.IsAsciiLetter(s.Number[0]) ? depth + 1 : depth, s.Level);
        }
    }

    [Fact]
    public void Table_numbers_run_1_to_n_per_major_section_without_gaps()
    {
        foreach (var doc in new[] { Lay(Rich), Lay(Rich, keep: true), Lay(OneOfEach) })
        {
            var numbered = doc.AllTables().Where(t => t.Number is not null).Select(t => t.Number!).ToList();
            Assert.NotEmpty(numbered);
            foreach (var g in numbered.GroupBy(n => n[..n.IndexOf('-')]))
            {
                var ns = g.Select(n => int.Parse(n[(n.IndexOf('-') + 1)..])).ToList();
                Assert.Equal(Enumerable.Range(1, ns.Count), ns);
            }
            Assert.Equal(numbered.Count, numbered.Distinct().Count());
            foreach (var t in doc.AllTables()) Assert.Matches(@"^[A-Za-z][A-Za-z0-9._-]*$", t.Id);
        }
    }

    [Fact]
    public void References_point_to_the_numbers_tables_actually_got()
    {
        var doc = Lay(Rich);
        var ids = doc.AllTables().Select(t => t.Id).ToHashSet();
        // Figures dcsc draws (1-1, 4-1) are targets too ("shown in Figure 4-1").
        ids.UnionWith(doc.AllSections().SelectMany(s => s.Blocks).OfType<FigureBlock>().Select(f => f.Id));
        var anchors = doc.AllSections().Select(s => s.Anchor).ToHashSet();
        foreach (var s in doc.AllSections())
            foreach (var inline in s.Blocks.SelectMany(Inlines))
            {
                if (inline.Href is null) continue;
                var target = inline.Href[1..];
                Assert.True(ids.Contains(target) || anchors.Contains(target), $"{s.Number}: dangling link {inline.Href}");
                if (target.StartsWith("table-", StringComparison.Ordinal)) Assert.EndsWith(target["table-".Length..], inline.Text);
                if (target.StartsWith("figure-", StringComparison.Ordinal)) Assert.EndsWith(target["figure-".Length..], inline.Text);
            }
    }

    private static IEnumerable<Inline> Inlines(LayoutBlock b) => b switch
    {
        ParagraphBlock p => p.Inlines,
        ListBlock l => l.Items.SelectMany(i => i),
        TableBlock t => t.Table.Rows.SelectMany(r => r.Cells.SelectMany(c => c)),
        _ => Array.Empty<Inline>(),
    };

    [Fact]
    public void Section_marked_na_is_NA_even_with_facts()
    {
        var yaml = LayoutFixtures.Rich.Replace("  services_transcoding_ts:\n    na: true", "  services_scu_storage:\n    na: true");
        var doc = Lay(yaml);
        var s = doc.FindByNumber("5.2.5.1")!;
        Assert.Equal("SCU of the Storage SOP Classes - N/A", s.Title);
        Assert.True(s.IsNa);
        Assert.IsType<NaBlock>(Assert.Single(s.Blocks));
        Assert.Empty(s.Children); // collapsed
        var t = Lay(Rich).FindByNumber("5.2.5.1.1")!;
        Assert.Equal("Transcoding of Transfer Syntaxes - N/A", t.Title);
    }

    [Fact]
    public void All_subsections_NA_are_collapsed_unless_keep()
    {
        var collapsed = Lay(Rich);
        var web = collapsed.FindByNumber("5.3")!;
        Assert.Equal("DICOM Web Services - N/A", web.Title);
        Assert.Empty(web.Children);
        Assert.Null(collapsed.FindByNumber("5.3.1"));

        var kept = Lay(Rich, keep: true);
        Assert.Equal("DICOM Web Services - N/A", kept.FindByNumber("5.3")!.Title);
        Assert.Equal("URI Web Service (WADO URI) - N/A", kept.FindByNumber("5.3.1")!.Title);
        Assert.Equal("DICOM Media Types - N/A", kept.FindByNumber("5.3.1.1.1")!.Title);
    }

    [Fact]
    public void Storage_overview_lists_sop_classes_in_numerical_uid_order_with_Y_N()
    {
        var t = Lay(Rich).AllTables().Single(t => t.Key == "storage_sop_classes");
        Assert.Equal("1-1", t.Number);
        Assert.True(t.Landscape);
        var uids = t.Rows.Select(r => r.Cells[1].Single().Text).ToList();
        Assert.Equal(new[] { "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.12.1" }, uids);
        var ct = t.Rows[0].Cells.Select(c => string.Concat(c.Select(i => i.Text))).ToList();
        Assert.Equal(new[] { "CT Image Storage", "1.2.840.10008.5.1.4.1.1.2", "U", "Y", "Y", "N", "N", "N", "N", "N", "S", "Y", "N", "N" }, ct);
        Assert.Equal(new[] { "SOP Classes", "Transfer Syntax Set", "DIMSE Services", "DICOM Web Services", "Media Services", "Function" }, t.Groups!.Select(g => g.Text));
        // Q/R SOP Class goes to Table 1-x Query/Retrieve, not to 1-1.
        Assert.DoesNotContain(uids, u => u == "1.2.840.10008.5.1.4.1.2.2.1");
    }

    [Fact]
    public void Service_to_AE_mapping_has_one_row_per_AE_and_service()
    {
        var t = Lay(Rich).AllTables().Single(t => t.Key == "service_to_ae_mapping");
        var rows = t.Rows.Select(r => (Ae: string.Concat(r.Cells[0].Select(i => i.Text)), Svc: string.Concat(r.Cells[1].Select(i => i.Text)),
            Scu: string.Concat(r.Cells[2].Select(i => i.Text)), Scp: string.Concat(r.Cells[3].Select(i => i.Text)))).ToList();
        Assert.Equal(new[] { ("STORE", "Storage", "Y", "Y"), ("QUERY", "Query/Retrieve", "Y", "N") }, rows);
    }

    [Fact]
    public void Empty_tables_keep_their_required_text_in_a_live_section()
    {
        var scp = Lay(Rich).FindByNumber("5.2.5.2")!;
        var text = string.Join("\n", scp.Blocks.OfType<ParagraphBlock>().Select(p => string.Concat(p.Inlines.Select(i => i.Text))));
        Assert.Contains("Table 5-2 defines the conformance levels", text);
        // Table 5-11 has no rows, but its columns are described by required text (PS3.2 L2550 ff.): text and header stay.
        Assert.Contains("coerces the Attributes listed in Table 5-3", text);
        Assert.Contains("Type of Change", text);
        Assert.Contains("describes how the SCP handles compression", text);
        Assert.Contains(scp.Blocks.OfType<ListBlock>(), l => l.Items.Any(i => i.Any(x => x.Text.StartsWith("MODIFIED", StringComparison.Ordinal))));
        var coercion = scp.Blocks.OfType<TableBlock>().Single(b => b.Table.Key == "attribute_coercion_by_storage_scp").Table;
        Assert.Empty(coercion.Rows);
        Assert.Equal("Attribute Name", coercion.Columns[0]);
        // A table introduced by one sentence only is left out with it (Table 5-13, behavior when storing instances).
        Assert.DoesNotContain("actions performed upon receiving", text);
    }

    [Fact]
    public void Private_iods_follow_the_Basic_Directory_IOD_and_root_tids_are_ascending()
    {
        var yaml = """
            product:
              name: Acme Order
              version: "1.0"
              description: Creates a private IOD and a standard one.
            iods:
              - name: Acme Private Raw Data IOD
                sop_class: 1.2.826.0.1.3680043.9.7433.2.1
              - name: CT Image IOD
                sop_class: 1.2.840.10008.5.1.4.1.1.2
            sr_templates:
              - name: Measurement Report
                tid: "1500"
                functions: [CREATE]
                sop_classes: [1.2.840.10008.5.1.4.1.1.88.33]
              - name: Basic Diagnostic Imaging Report
                tid: "2000"
                functions: [CREATE]
                sop_classes: [1.2.840.10008.5.1.4.1.1.88.33]
              - name: Imaging Report
                tid: "300"
                functions: [CREATE]
                sop_classes: [1.2.840.10008.5.1.4.1.1.88.33]
            """;
        var h = Headings(Lay(yaml, keep: true));
        int ct = h.ToList().FindIndex(x => x.StartsWith("A.2 CT Image IOD", StringComparison.Ordinal));
        int dir = h.ToList().FindIndex(x => x.StartsWith("A.3 Basic Directory IOD", StringComparison.Ordinal));
        int priv = h.ToList().FindIndex(x => x.StartsWith("A.4 Acme Private Raw Data IOD", StringComparison.Ordinal));
        Assert.True(ct >= 0 && ct < dir && dir < priv, string.Join("\n", h.Where(x => x.StartsWith("A.", StringComparison.Ordinal))));
        Assert.Contains("A.4.1 Acme Private Raw Data IOD Specific Modules - N/A", h);
        var tids = Lay(yaml).AllTables().Single(t => t.Key == "supported_root_sr_template_ids_tids").Rows.Select(r => r.Cells[1].Single().Text);
        Assert.Equal(new[] { "300", "1500", "2000" }, tids);
    }

    [Fact]
    public void Association_parameters_are_printed_in_one_of_the_two_alternatives()
    {
        // Statement-wide only: Table 7-1 in 7.1.1, the AEs' 7.2.x.2 are N/A.
        var globalYaml = Rich.Replace("    association:\n      max_pdu_length: 16384\n", "");
        Assert.NotEqual(Rich, globalYaml);
        var global = Lay(globalYaml);
        Assert.Contains(global.AllTables(), t => t.Key == "general_association_parameters");
        Assert.DoesNotContain(global.AllTables(), t => t.Key == "association_parameters_for_ae");
        Assert.EndsWith("- N/A", global.FindByNumber("7.2.1.2")!.Title, StringComparison.Ordinal);
        // STORE has its own parameters: 7.1.1 is N/A; every AE's table holds its values over the statement-wide ones.
        var perAe = Lay(Rich);
        Assert.Equal("General Association Parameters - N/A", perAe.FindByNumber("7.1.1")!.Title);
        Dictionary<string, string> Rows(string ae) => perAe.AllTables().Single(t => t.Title == "Association Parameters for " + ae).Rows
            .ToDictionary(r => Text(r.Cells[1]), r => Text(r.Cells[2]));
        Assert.Equal("16384", Rows("STORE")["Maximum PDU Length"]);
        Assert.Equal("1.2.3.4", Rows("STORE")["Implementation Class UID"]);
        Assert.Equal("1.2.3.4", Rows("QUERY")["Implementation Class UID"]);
        Assert.False(Rows("QUERY").ContainsKey("Maximum PDU Length"));
    }

    private static string Text(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));

    [Fact]
    public void Tables_with_the_same_caption_get_the_activity_appended()
    {
        const string receive = "        transfer_syntax_selection:\n          - sop_classes: Image SOP Classes\n            transfer_syntaxes: [1.2.840.10008.1.2.1]\n";
        var yaml = Rich.Replace(receive, receive + "      - name: Receive More\n        role: acceptor\n        description: Receives more.\n" + receive);
        Assert.NotEqual(Rich, yaml);
        var titles = Lay(yaml).AllTables().Select(t => t.Title).Where(t => t.StartsWith("Transfer Syntax Selection Preference Order - Image", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Equal(2, titles.Distinct().Count());
        Assert.Contains(titles, t => t.EndsWith(" - Receive More", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_the_template_allows_to_remove_go_with_their_introduction()
    {
        // 6.6: "If your system is only an originator remove the Collector Parameters Table" (L9977).
        var yaml = Rich + """

              config_audit_trail_syslog:
                tables:
                  audit_trail_originator_parameters:
                    - { parameter: Audit Source ID, configurable: SERVICE, default_value: Station Name }
            """;
        var s = Lay(yaml).FindByNumber("6.6")!;
        Assert.Single(s.Blocks.OfType<TableBlock>());
        var text = string.Join("\n", s.Blocks.OfType<ParagraphBlock>().Select(p => string.Concat(p.Inlines.Select(i => i.Text))));
        Assert.DoesNotContain("Audit Trail Collector", text);
        Assert.True(TemplateData.Walk(TemplateData.Template.Sections).SelectMany(t => t.Tables).Count(t => t.Optional) == 5);
    }

    [Fact]
    public void Source_rows_with_group_and_note_become_group_rows_and_footnotes()
    {
        var t = Lay(Rich).AllTables().Single(t => t.Key == "general_configuration_parameters");
        Assert.True(t.Rows[0].IsGroup);
        Assert.Equal("General Parameters", t.Rows[0].Cells[0].Single().Text);
        Assert.Equal("(Note 1)", t.Rows[1].Cells[3].Single().Text);
        Assert.Equal("Note 1: The AE Title must be unique.", t.Footnotes.Single().Single().Text);
    }

    [Fact]
    public void Added_sections_are_numbered_after_the_template_children()
    {
        var s = Lay(Rich).FindByNumber("8.7.4")!;
        Assert.Equal("Product Specific Security", s.Title);
        Assert.True(s.IsAdded);
        Assert.Equal("Other Security Features", Lay(Rich).FindByNumber("8.7.3")!.Title.Replace(" - N/A", ""));
    }

    [Fact]
    public void Missing_placeholder_value_reports_DCS0501_and_prints_no_placeholder()
    {
        var doc = Lay(Rich);
        var d = Assert.Single(doc.Diagnostics, x => x.Id == "DCS0501");
        Assert.Contains("products reporting screen", d.Message);
        Assert.Contains("sr_templates[0].finding_sites[0].sections.annex_b_sr_template_finding_site.fill", d.Message);
        var site = doc.FindByNumber("B.1.2.1")!;
        var text = string.Concat(site.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Inlines).Select(i => i.Text));
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain("<", text);

        var filled = Rich.Replace("          annex_b_sr_template_finding_site:\n", "          annex_b_sr_template_finding_site:\n            fill:\n              products reporting screen: the Measurement Screen\n");
        var doc2 = Lay(filled);
        Assert.DoesNotContain(doc2.Diagnostics, x => x.Id == "DCS0501");
        Assert.Contains("the Measurement Screen", string.Concat(doc2.FindByNumber("B.1.2.1")!.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Inlines).Select(i => i.Text)));
    }

    [Fact]
    public void Conditional_boilerplate_only_where_it_holds()
    {
        var doc = Lay(Rich);
        string Text(string n) => string.Concat(doc.FindByNumber(n)!.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Inlines).Select(i => i.Text));
        Assert.DoesNotContain("Functional group macros", Text("A.2"));   // CT Image IOD has none
        Assert.Contains("Functional group macros", Text("A.3"));         // the multi-frame IOD has them
        Assert.DoesNotContain("IHE", Text("3.3"));                        // opt-in only
    }

    [Fact]
    public void Cover_date_comes_from_product_date_then_SOURCE_DATE_EPOCH_never_the_clock()
    {
        Assert.Null(Lay(Rich).Cover.Date);
        Assert.Equal("2026-01-01", Lay(Rich, epoch: "1767225600").Cover.Date);
        Assert.Equal("1999-12-31", Lay(Rich.Replace("  document_id: DOC-1", "  document_id: DOC-1\n  date: \"1999-12-31\""), epoch: "1767225600").Cover.Date);
        Assert.Null(Lay(Rich, epoch: "not a number").Cover.Date);
    }

    [Fact]
    public void Uid_comparer_orders_numerically_by_component()
    {
        var uids = new[] { "1.2.10", "1.2.9", "1.2.9.1", "1.10", "1.2" }.OrderBy(u => u, UidComparer.Instance);
        Assert.Equal(new[] { "1.2", "1.2.9", "1.2.9.1", "1.2.10", "1.10" }, uids);
    }

    [Fact]
    public void Template_data_loads_with_derived_tables_that_exist()
    {
        var keys = TemplateData.Walk(TemplateData.Template.Sections).ToDictionary(s => s.Key, s => s.Tables.Select(t => t.Key).ToHashSet());
        foreach (var (section, tables) in TemplateData.DerivedTables)
            foreach (var t in tables) Assert.Contains(t, keys[section]);
        Assert.True(TemplateData.Terms.DicomTerms.Count >= 29);
        Assert.Contains(TemplateData.Terms.Abbreviations, a => a.Abbreviation == "DICOM");
    }
}

public class FindingSiteTests
{
    [Fact]
    public void A_finding_site_without_sections_still_gets_its_section()
    {
        // A second site, with a name only, before the first one.
        var yaml = new System.Text.RegularExpressions.Regex(@"\n( *)- name: Left Ventricle\n").Replace(LayoutFixtures.Rich, "\n$1- name: Right Ventricle\n$1- name: Left Ventricle\n", 1);
        Assert.NotEqual(LayoutFixtures.Rich, yaml);
        var doc = LayoutFixtures.Lay(yaml, keep: true);
        Assert.StartsWith("Right Ventricle", doc.FindByNumber("B.1.2.1")!.Title);
        Assert.StartsWith("Left Ventricle", doc.FindByNumber("B.1.2.2")!.Title);
    }
}
