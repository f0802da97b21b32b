using System.Text.RegularExpressions;
using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Pipeline;
using Dcsc.Render.Html;
using Dcsc.Render.Md;

namespace Dcsc.Tests.Layout;

/// <summary>
/// Issue 15 acceptance: every bundled example, in keep and collapse mode, laid out as the PS3.2 template draws it
/// (numbers, run-in headings, mandatory text, N/A of parents, table conventions, IOD order).
/// </summary>
public class TemplateFidelityTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var f in Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order())
            foreach (var keep in new[] { true, false }) data.Add(f!, keep);
        return data;
    }

    private static (Statement Statement, LaidOutDocument Doc) Lay(string example, bool keep)
    {
        var check = Compilation.Check(TestUtil.Repo("examples", example));
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        return (check.Statement!, StatementLayout.Layout(check.Statement!, new LayoutOptions { KeepNaSubsections = keep, ReadEnvironment = false }));
    }

    private static string Text(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));

    private static IEnumerable<string> Paragraphs(LaidOutSection s) => s.Blocks.OfType<ParagraphBlock>().Select(p => Text(p.Inlines));

    private static TemplateSection? Template(string key) => TemplateData.Walk(TemplateData.Template.Sections).FirstOrDefault(t => t.Key == key);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Code_Set_Usage_is_Annex_E_and_run_in_headings_are_not_numbered(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        var all = doc.AllSections().ToList();
        // 1. Code Set Usage is Annex E, a sibling of D (PS3.2 sect_N_13, L24137).
        var annexes = doc.Sections.Single(s => s.Anchor == "sect-annexes");
        Assert.Equal(new[] { "A", "B", "C", "D", "E" }, annexes.Children.Where(c => !c.IsAdded).Select(c => c.Number));
        Assert.StartsWith("Code Set Usage", annexes.Children.Single(c => c.Number == "E").Title, StringComparison.Ordinal);
        Assert.DoesNotContain(all, s => s.Number.StartsWith("D.", StringComparison.Ordinal) && s.Title.StartsWith("Code Set Usage", StringComparison.Ordinal));
        // 2. Run-in headings (para_ ids, L10254/L10351/L10359/L10457) have no number and no N/A of their own.
        Assert.DoesNotContain(all, s => Regex.IsMatch(s.Title, @"^(Extended Negotiation|Role Negotiation|Transfer Syntax Selection Policies)( - N/A)?$"));
        foreach (var s in all)
            foreach (var r in s.Blocks.OfType<RunInHeadingBlock>())
            {
                Assert.Matches(@"^\d+\.2\.\d+\.[34]\.\d+$", s.Number);
                Assert.Contains(r.Title, new[] { "Extended Negotiation", "Role Negotiation", "Transfer Syntax Selection Policies" });
                int i = s.Blocks.ToList().IndexOf(r);
                Assert.True(i + 1 < s.Blocks.Count && s.Blocks[i + 1] is not RunInHeadingBlock, $"{s.Number}: run-in heading {r.Title} without content");
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mandatory_text_stays_and_parents_of_all_NA_subsections_are_NA(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        // 3. 3.2 Audience: the template's regular-font sentences (L1300, L1302) stay verbatim next to the author's text.
        var audience = Paragraphs(doc.FindByNumber("3.2")!).ToList();
        Assert.Contains("This document is intended for the audience listed below. It is assumed that the reader has a working knowledge of the DICOM Standard.", audience);
        Assert.Contains("The document structure was designed for easier access to relevant information for different user groups:", audience);
        // 4. A section whose shown subsections are all N/A has nothing of its own beyond boilerplate, so it is N/A (L19).
        foreach (var s in doc.AllSections().Where(s => !s.IsNa && s.Children.Count > 0 && s.Children.All(c => c.IsNa)))
        {
            bool own = s.Blocks.Any(b => b is AuthorBlock or FigureBlock || b is TableBlock t && t.Table.Rows.Count > 0);
            Assert.True(own || Template(s.Key)?.NeverNa == true, $"{example}: {s.Number} {s.Title} has only N/A subsections and no content of its own, but is not N/A");
        }
        // 7. Required text stays with an empty table of a live section (5.2.5.2 coercion, 1.1.1 root TIDs, C.2.6 action codes).
        foreach (var s in doc.AllSections().Where(s => !s.IsNa))
            foreach (var t in s.Blocks.OfType<TableBlock>().Where(t => t.Table.Rows.Count == 0))
            {
                var template = Template(s.Key)!;
                var tt = template.Tables.Single(x => x.Ref == t.Table.TemplateRef);
                Assert.False(tt.Optional, $"{s.Number}: optional table {tt.Ref} printed empty");
                int k = template.Content.FindIndex(b => b.Table == tt.Ref);
                foreach (var list in template.Content.Take(k).Reverse().TakeWhile(b => b.Table is null).Where(b => b.List is not null && b.Condition is null))
                    Assert.Contains(s.Blocks.OfType<ListBlock>(), l => l.Items.Select(Text).SequenceEqual(list.List!.Select(x => x.Replace("{product}", doc.Cover.Product))));
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_generic_fills_and_IODs_in_template_order(string example, bool keep)
    {
        var (statement, doc) = Lay(example, keep);
        var all = doc.AllSections().ToList();
        // 8. A repeatable section without instance is omitted, never filled with a generic word.
        Assert.DoesNotContain(all, s => Regex.IsMatch(s.Title, @"^(IOD|SR Template|Mapping|Application Entity|Real-World Activity|Finding Site|Functional Definition of Application Entity)( - N/A)?$"));
        Assert.DoesNotContain(all, s => Regex.IsMatch(s.Title, @"^(IOD|SR Template) (Specific Modules|Functional Group Macros|Private Modules|Coded Values|Code Sets)"));
        // 10. Standard IODs, then Basic Directory IOD (the template's A.5), then private IODs (A.6).
        var annexA = doc.AllSections().Single(s => s.Number == "A");
        if (annexA.IsNa && !keep) return;
        var titles = annexA.Children.Select(c => Regex.Replace(c.Title, " - N/A$", "")).ToList();
        int dir = titles.IndexOf("Basic Directory IOD");
        Assert.True(dir > 0, $"{example}: no Basic Directory IOD in Annex A");
        var standard = statement.Iods.Where(i => i.SopClass.StartsWith("1.2.840.10008.", StringComparison.Ordinal)).Select(i => i.Name).ToList();
        var priv = statement.Iods.Where(i => !i.SopClass.StartsWith("1.2.840.10008.", StringComparison.Ordinal)).Select(i => i.Name).ToList();
        Assert.Equal(standard, titles.Skip(1).Take(dir - 1));
        Assert.Equal(priv, titles.Skip(dir + 1).Take(priv.Count));
        Assert.Equal($"A.{standard.Count + 2}", annexA.Children[dir].Number);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table_conventions_hold(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        var tables = doc.AllTables().ToList();
        // 9. Captions are unique.
        var dup = tables.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(dup.Count == 0, $"{example}: captions used twice: {string.Join(" | ", dup)}");
        // Role cells of Table 5-1 say Y or N, never blank.
        var map = tables.Single(t => t.Key == "service_to_ae_mapping");
        foreach (var r in map.Rows.Where(r => !r.IsGroup && Text(r.Cells[1]).Length > 0))
            Assert.All(r.Cells.Skip(2), c => Assert.Matches("^[YN]$", Text(c)));
        // Root TIDs in ascending numerical order (Table 1-3).
        var tids = tables.Where(t => t.Key == "supported_root_sr_template_ids_tids").SelectMany(t => t.Rows)
            .Select(r => Text(r.Cells[1])).Where(x => x.Length > 0).Select(long.Parse).ToList();
        Assert.Equal(tids.Order(), tids);
        // One of the two alternatives: 7.1.1 for all AEs, or 7.2.x.2 per AE (L10100/L10181).
        bool general = tables.Any(t => t.Key == "general_association_parameters");
        bool perAe = tables.Any(t => t.Key == "association_parameters_for_ae");
        Assert.False(general && perAe, $"{example}: both Table 7-1 and per-AE association parameter tables are printed");
        // Several values in an enumerated cell are separated by ";" (L325): no "A, B" lists of codes, no "X or Y".
        foreach (var t in tables.Where(t => t.Columns.Contains("Value")))
        {
            int v = t.Columns.ToList().IndexOf("Value");
            foreach (var r in t.Rows.Where(r => !r.IsGroup))
            {
                var cell = Regex.Replace(Text(r.Cells[v]), @"\([^()]*\)", ""); // coded triplets (113701, DCM, "…") are one value
                Assert.DoesNotMatch(@"\b[A-Z0-9_]{2,}, [A-Z0-9_]{2,}\b|\b\d+(\.\d+)+ or \d", cell);
            }
        }
    }

    private static TemplateTable TemplateTableOf(LaidOutTable t) =>
        TemplateData.Walk(TemplateData.Template.Sections).SelectMany(s => s.Tables).Single(x => x.Ref == t.TemplateRef);

    private static bool IsTemplateTable(LaidOutTable t) => !t.TemplateRef.StartsWith("product:", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Configuration_tables_keep_their_Local_and_Remote_parts(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        // 5. Section 6 / Annex C configuration tables: "Local Configuration Parameters - <service>" and "Remote
        //    Configuration Parameters - <service>", each a title row and its own header row (L8609/L8648, C-8 L23771/L23824).
        var config = doc.AllTables().Where(t => IsTemplateTable(t) && Regex.IsMatch(t.TemplateRef, "^(6-([2-9]|1[0-8])|C-8)$")).ToList();
        foreach (var t in config)
        {
            var parts = TemplateTableOf(t).Parts;
            Assert.True(parts.Count > 0, $"{example}: Table {t.Number} ({t.TemplateRef}) has no parts in template.json");
            Assert.Equal(t.TemplateRef == "6-17" ? 1 : 2, parts.Count);
            Assert.Equal(new[] { "local", "remote" }.Take(parts.Count), parts.Select(p => p.Key));
            // The first part's title is the header row (one cell across the table), its header the first body row.
            Assert.Equal(parts[0].Title, t.HeaderRow[0]);
            Assert.All(t.HeaderRow.Skip(1), c => Assert.Equal("", c));
            Assert.Equal(new[] { new HeaderGroup(parts[0].Title, t.Columns.Count) }, t.Groups!);
            Assert.True(t.Rows[0].IsHeader, $"{example}: Table {t.Number} does not start with the Local header row");
            Assert.Equal(parts[0].Header, t.Rows[0].Cells.Select(Text));
            StartsWith(parts[0].Title, "Local");
            for (int p = 1; p < parts.Count; p++)
            {
                int title = t.Rows.ToList().FindIndex(r => r.IsGroup && Text(r.Cells[0]) == parts[p].Title);
                Assert.True(title > 0, $"{example}: Table {t.Number} has no \"{parts[p].Title}\" row");
                Assert.All(t.Rows[title].Cells.Skip(1), c => Assert.Empty(c));
                Assert.True(t.Rows[title + 1].IsHeader);
                Assert.Equal(parts[p].Header, t.Rows[title + 1].Cells.Select(Text));
                StartsWith(parts[p].Title, "Remote");
            }
            Assert.Equal(parts.Count, t.Rows.Count(r => r.IsHeader));
        }
        // The bundled examples fill the Remote part where the product needs to know the remote system.
        if (example is "ct-modality.yaml" or "image-archive.yaml" or "web-viewer.yaml")
        {
            Assert.NotEmpty(config);
            var withRemote = config.Where(t => t.Rows.SkipWhile(r => !(r.IsGroup && Text(r.Cells[0]).StartsWith("Remote", StringComparison.Ordinal))).Skip(2).Any()).ToList();
            Assert.True(withRemote.Count >= 2, $"{example}: only {withRemote.Count} configuration tables have Remote rows");
        }

        static void StartsWith(string title, string word) => Assert.StartsWith(word, title, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_go_to_the_part_they_name_and_every_part_is_drawn_in_all_three_formats()
    {
        var yaml = Minimal.Yaml + """

            sections:
              config_storage_config:
                tables:
                  storage_service_parameters:
                    - { part: remote, parameter: Called AE Title (SCP), configurable: SERVICE, default_value: ARCHIVE }
                    - { parameter: Calling AE Title (SCU), configurable: SERVICE, default_value: STORE_SCU }
                    - { part: local, parameter: Retry interval, configurable: USER, default_value: 60 s }
              config_media_storage:
                tables:
                  media_storage_service_parameters:
                    - { parameter: Source AE Title, configurable: FIXED, default_value: MEDIA }
            """;
        var check = Compilation.CheckText("s.yaml", yaml);
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        var doc = StatementLayout.Layout(check.Statement!, new LayoutOptions { ReadEnvironment = false });
        var t = doc.AllTables().Single(x => x.Key == "storage_service_parameters");
        Assert.Equal(new[] { "Parameter|Configurable|Default Value|Comments", "Calling AE Title (SCU)|SERVICE|STORE_SCU|", "Retry interval|USER|60 s|",
            "Remote Configuration Parameters - Storage Service|||", "Parameter|Configurable|Default Value|Comments", "Called AE Title (SCP)|SERVICE|ARCHIVE|" },
            t.Rows.Select(r => string.Join("|", r.Cells.Select(Text))));
        // Table 6-17 has one part only (Local, L9912).
        var media = doc.AllTables().Single(x => x.Key == "media_storage_service_parameters");
        Assert.Equal("Local Configuration Parameters - Media Storage Service", media.HeaderRow[0]);
        Assert.Single(media.Rows, r => r.IsHeader);

        var md = MarkdownRenderer.Render(doc).Markdown!;
        Assert.Contains("| Local Configuration Parameters - Storage Service |  |  |  |\n| --- | --- | --- | --- |\n| **Parameter** | **Configurable** | **Default Value** | **Comments** |", md);
        Assert.Contains("| Remote Configuration Parameters - Storage Service |  |  |  |\n| **Parameter** |", md);
        var html = HtmlRenderer.Render(md);
        var table = html[html.IndexOf($"id=\"{t.Id}\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<thead>\n<tr><th scope=\"col\" colspan=\"4\" class=\"group part-title\">Local Configuration Parameters - Storage Service</th></tr>\n</thead>", table);
        Assert.Equal(2, Regex.Matches(table, "<tr class=\"header-row\"><th scope=\"col\"><strong>Parameter</strong></th>").Count);
        Assert.Contains("<tr class=\"group-row\"><td colspan=\"4\">Remote Configuration Parameters - Storage Service</td></tr>", table);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(Dcsc.Render.Docx.DocxRenderer.Render(md)), false);
        var tables = docx.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Where(x => x.InnerText.Contains("Remote Configuration Parameters - Storage Service", StringComparison.Ordinal)).ToList();
        var rows = Assert.Single(tables).Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.InnerText).ToList();
        Assert.Equal(new[] { "Local Configuration Parameters - Storage Service", "ParameterConfigurableDefault ValueComments", "Calling AE Title (SCU)SERVICESTORE_SCU",
            "Retry intervalUSER60 s", "Remote Configuration Parameters - Storage Service", "ParameterConfigurableDefault ValueComments", "Called AE Title (SCP)SERVICEARCHIVE" }, rows);
    }

    [Fact]
    public void A_part_the_table_does_not_have_is_a_schema_error()
    {
        var yaml = Minimal.Yaml + """

            sections:
              config_media_storage:
                tables:
                  media_storage_service_parameters:
                    - { part: remote, parameter: Destination, configurable: USER, default_value: USB }
            """;
        var check = Compilation.CheckText("s.yaml", yaml);
        Assert.True(check.HasErrors);
        Assert.Contains(check.Diagnostics.Items, d => d.Span.Line > 0 && d.Message.Contains("remote", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spanning_header_cells_keep_their_group_and_leaf_names_in_all_three_formats(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        // 6. A template header cell over name and UID columns ("SOP Classes", "Transfer Syntax"; Tables 1-1, 1-3 … 1-7,
        //    1-14, 5-14) is the group above the leaf names, which the one Markdown header row keeps ("SOP Class Name").
        var spanning = doc.AllTables().Where(t => IsTemplateTable(t) && TemplateTableOf(t).HeaderRows.SelectMany(r => r).Any(c => c.Colspan > 1 && c.Text is "SOP Classes" or "SOP Class" or "Transfer Syntax")).ToList();
        foreach (var t in spanning)
        {
            var tt = TemplateTableOf(t);
            Assert.Equal(tt.Columns.Select(c => c.Title), t.Columns);
            Assert.All(t.Columns, c => Assert.NotEqual("", c));
            Assert.NotNull(t.Groups);
            var expected = tt.HeaderRows[^(tt.HeaderRows.Count == 1 ? 1 : 2)].Select(c => (c.Text, c.Colspan));
            Assert.Equal(expected, t.Groups!.Select(g => (g.Text, g.Span)));
        }
        if (keep || !spanning.Any(t => t.Key == "verification_sop_class")) return;
        var md = MarkdownRenderer.Render(doc).Markdown!;
        Assert.Contains("| SOP Class Name | SOP Class UID | Transfer Syntax Name | Transfer Syntax UID | SCU | SCP |", md);
        var v = spanning.First(t => t.Key == "verification_sop_class");
        Assert.Contains("<!-- dcsc:table {\"id\":\"" + v.Id + "\",\"groups\":[{\"text\":\"SOP Classes\",\"span\":2},{\"text\":\"Transfer Syntax\",\"span\":2},{\"text\":\"SCU\",\"span\":1},{\"text\":\"SCP\",\"span\":1}]", md);
        var html = HtmlRenderer.Render(md);
        var table = html[html.IndexOf($"id=\"{v.Id}\"", StringComparison.Ordinal)..];
        var thead = table[table.IndexOf("<thead>", StringComparison.Ordinal)..table.IndexOf("</thead>", StringComparison.Ordinal)];
        Assert.Equal(2, Regex.Matches(thead, "<tr>").Count);
        Assert.Contains("<th scope=\"col\" colspan=\"2\" class=\"group\">SOP Classes</th><th scope=\"col\" colspan=\"2\" class=\"group\">Transfer Syntax</th><th scope=\"col\" rowspan=\"2\">SCU</th>", thead);
        Assert.Contains("<th scope=\"col\">SOP Class Name</th><th scope=\"col\">SOP Class UID</th>", thead);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unnumbered_tables_get_no_invented_caption_or_header(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        // 6. 3.1, 3.4 and 3.5 (L1290 ff., L1322 ff.): no caption; 3.4 and 3.5 have no header row either.
        foreach (var t in doc.AllTables().Where(t => t.Number is null))
        {
            Assert.Null(t.Caption);
            if (t.TemplateRef == "3.1-a") Assert.Equal(new[] { "Revision", "Date", "Product Version(s)", "Change" }, t.HeaderRow);
            else Assert.All(t.HeaderRow, h => Assert.Equal("", h));
        }
        if (keep) return;
        var html = HtmlRenderer.Render(MarkdownRenderer.Render(doc).Markdown!);
        var terms = html[html.IndexOf("id=\"table-3.4-a\"", StringComparison.Ordinal)..];
        terms = terms[..terms.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<thead>", terms);
        Assert.DoesNotContain("<caption>", terms);
    }

    [Fact]
    public void Private_modules_of_an_IOD_use_the_columns_of_Table_A_26()
    {
        // L20671: Attribute Name, Tag, VR, VM, Identifiable Information, Presence of Attribute, Presence of Value, Value,
        // Conditions, Description (no Source; Description, not Comments).
        var t = TemplateData.Walk(TemplateData.Template.Sections).Single(s => s.Key == "annex_a_iod_private_modules").Tables.Single();
        Assert.Equal(new[] { "Attribute Name", "Tag", "VR", "VM", "Identifiable Information", "Presence of Attribute", "Presence of Value", "Value", "Conditions", "Description" },
            t.Columns.Select(c => c.Title));
        var (_, doc) = Lay("ct-modality.yaml", false);
        var table = doc.AllTables().First(x => x.TemplateRef == "A-26");
        Assert.Equal(t.Columns.Select(c => c.Title), table.Columns);
        Assert.Contains(table.Rows, r => Text(r.Cells[^1]).Length > 0);   // the attribute's comment is its Description
    }
}
