using Dcsc.Pipeline;
using Dcsc.Render.Docx;
using Dcsc.Render.Html;
using DocumentFormat.OpenXml.Packaging;
using static Dcsc.Tests.Layout.LayoutFixtures;

namespace Dcsc.Tests.Layout;

/// <summary>Issue 12 points 5, 6, 9: key tables, C-ECHO/C-GET status codes, network, character-set code elements, TLS, audit trail.</summary>
public class ProductDetailsTests
{
    internal static readonly string Yaml = File.ReadAllText(TestUtil.Repo("tests", "Dcsc.Tests", "Layout", "details.yaml"));

    [Fact]
    public void Key_tables_go_to_the_section_of_their_model_and_role_with_only_the_columns_they_use()
    {
        var doc = Lay(Yaml);
        var study = doc.FindByNumber("5.2.7.5")!;
        var table = Assert.Single(study.Blocks.OfType<Dcsc.Layout.TableBlock>(), b => b.Table.Title.StartsWith("Supported C-FIND Keys", StringComparison.Ordinal)).Table;
        Assert.Equal("Supported C-FIND Keys for the Study Root Information Model - STUDY Level - SCP", table.Title);
        Assert.Equal(new[] { "Attribute Name", "Tag", "VR", "Return Key", "Matching Type" }, table.Columns);
        var patient = doc.FindByNumber("5.2.7.6")!;
        Assert.Contains(patient.Blocks.OfType<Dcsc.Layout.TableBlock>(), b => b.Table.Title.EndsWith("PATIENT Level - SCP", StringComparison.Ordinal));
        // C-GET identifiers are in 5.2.7 itself (the template has no C-GET subsection).
        Assert.Contains(doc.FindByNumber("5.2.7")!.Blocks.OfType<Dcsc.Layout.TableBlock>(), b => b.Table.Title.StartsWith("Supported C-GET Identifier Keys", StringComparison.Ordinal));
    }

    [Fact]
    public void Sequence_nesting_is_kept_in_markdown_html_and_docx()
    {
        var md = Markdown(Yaml);
        Assert.Contains("| \\>Referenced SOP Class UID | \\>(0008,1150) | UI |  | UID |", md);
        var html = HtmlRenderer.Render(md);
        Assert.Contains("<td>&gt;Referenced SOP Class UID</td>", html);
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(md)), false);
        Assert.Contains(">Referenced SOP Class UID", doc.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void C_echo_and_c_get_status_codes_are_added_subsections_of_7_3_2_with_an_other_codes_row()
    {
        var doc = Lay(Yaml);
        var verification = doc.AllSections().Single(s => s.Title == "Verification Service");
        Assert.StartsWith("7.3.2.", verification.Number);
        Assert.True(verification.IsAdded);
        Assert.Equal(new[] { "SCU of the Verification SOP Class - C-ECHO", "SCP of the Verification SOP Class - C-ECHO" }, verification.Children.Select(c => c.Title));
        var scu = Assert.Single(verification.Children[0].Blocks.OfType<Dcsc.Layout.TableBlock>()).Table;
        Assert.Equal(new[] { "Service Status", "Further Meaning", "Status Codes", "Behavior" }, scu.Columns);
        Assert.Equal("Any other status code", scu.Rows[^1].Cells[0].Single().Text);
        Assert.Equal("Treated as failure.", scu.Rows[^1].Cells[3].Single().Text);
        var get = doc.AllSections().Single(s => s.Title == "SCP of the Query/Retrieve GET SOP Classes - C-GET");
        Assert.StartsWith("7.3.2.7.", get.Number);
        var rows = Assert.Single(get.Blocks.OfType<Dcsc.Layout.TableBlock>()).Table.Rows;
        Assert.Contains(rows, r => r.Cells[2].Single().Text == "Cxxx");
        Assert.Equal("Condition", Assert.Single(get.Blocks.OfType<Dcsc.Layout.TableBlock>()).Table.Columns[3]);
    }

    [Fact]
    public void Status_codes_are_checked_like_the_template_status_tables()
    {
        var bad = Yaml.Replace("""code: "0122", behavior: Shown as error.""", """code: "A801", behavior: Shown as error.""")
            .Replace("{ status: Failure, meaning: Unable to process, code: \"Cxxx\"", "{ status: Warning, meaning: Unable to process, code: \"Cxxx\"");
        var r = Compilation.LintText("statement.yaml", bad);
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0401" && d.Message.Contains("A801", StringComparison.Ordinal) && d.Message.Contains("C-ECHO", StringComparison.Ordinal));
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0402" && d.Message.Contains("Cxxx", StringComparison.Ordinal));
        var ok = Compilation.LintText("statement.yaml", Yaml);
        Assert.DoesNotContain(ok.Diagnostics.Items, d => d.Id is "DCS0401" or "DCS0402" or "DCS0403" or "DCS0201" or "DCS0203");
    }

    [Fact]
    public void Key_attributes_are_checked_against_the_dictionary_and_the_vr_rules()
    {
        var bad = Yaml.Replace("{ name: Patient ID, tag: \"(0010,0020)\", matching_type: SINGLE_VALUE }", "{ name: Patient Identifier, tag: \"(0010,0020)\", matching_type: RANGE }")
            .Replace("tag: \">(0008,1150)\"", "tag: \">(0008,115G)\"");
        var r = Compilation.LintText("statement.yaml", bad);
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0203");
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0403" && d.Message.Contains("RANGE", StringComparison.Ordinal));
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0201");
    }

    [Fact]
    public void Network_character_set_code_elements_tls_and_audit_trail_are_in_8_2_5_7_and_annex_c()
    {
        var doc = Lay(Yaml);
        string[] Titles(string number) => doc.FindByNumber(number)!.Blocks.OfType<Dcsc.Layout.TableBlock>().Select(b => b.Table.Title).ToArray();
        Assert.Equal(new[] { "Physical Network Interfaces", "Additional Network Protocols" }, Titles("8.2"));
        Assert.Equal(new[] { "Code Elements of the ISO 2022 Specific Character Sets" }, Titles("5.7"));
        var tls = doc.AllSections().Single(s => s.Title == "Secure Transport Connection Details");
        Assert.Contains(tls.Blocks.OfType<Dcsc.Layout.ParagraphBlock>(), p => p.Inlines.Any(i => i.Text == "TLS versions: TLS 1.2; TLS 1.3."));
        Assert.Equal("TLS Cipher Suites", Assert.Single(tls.Blocks.OfType<Dcsc.Layout.TableBlock>()).Table.Title);
        var audit = doc.AllSections().Single(s => s.Title == "Audit Trail Messages");
        Assert.Equal("Audit Messages Sent", Assert.Single(audit.Blocks.OfType<Dcsc.Layout.TableBlock>()).Table.Title);
        Assert.Contains(audit.Blocks.OfType<Dcsc.Layout.ParagraphBlock>(), p => p.Inlines.Any(i => i.Text == "Transport: SYSLOG-TLS."));
    }

    [Fact]
    public void A_statement_without_details_lays_out_as_before()
    {
        var plain = Yaml[..Yaml.IndexOf("dimse:", StringComparison.Ordinal)];
        var doc = Lay(plain);
        Assert.DoesNotContain(doc.AllSections(), s => s.Title == "Verification Service");
        Assert.Equal("N/A", doc.FindByNumber("8.2") is { IsNa: true } ? "N/A" : "shown");
    }
}
