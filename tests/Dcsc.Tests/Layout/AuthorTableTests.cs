using Dcsc.Layout;
using Dcsc.Pipeline;
using Dcsc.Render.Docx;
using Dcsc.Render.Html;
using DocumentFormat.OpenXml.Packaging;
using static Dcsc.Tests.Layout.LayoutFixtures;

namespace Dcsc.Tests.Layout;

/// <summary>Issue 12 point 8: tables the product adds to template and added sections.</summary>
public class AuthorTableTests
{
    private const string Base = """
        product:
          name: Acme Tables
          version: "1.0"
          description: Rejections are listed in {table:rejections}; remote AEs in {table:remote_aes}.
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2
                name: Implicit VR Little Endian
        application_entities:
          - name: ECHO
            ae_title: ACME_ECHO
            description: Verifies connectivity.
        sop_classes:
          - uid: 1.2.840.10008.1.1
            name: Verification
            scu: [ECHO]
            scp: [ECHO]
            transfer_syntax_sets: [U]
        association:
          max_pdu_length: 16384
        sections:
          netcomm_general:
            text: The reasons are in {table:rejections}, the parameters in {table:7-1}.
            added_tables:
              - key: rejections
                caption: Association Rejection Reasons
                columns: [Result, Source, Reason]
                rows:
                  - [rejected-permanent, "1", "2 - application-context-name-not-supported"]
                  - [rejected-transient, "3", "1 - temporary congestion <script>x</script> | pipe"]
                footnotes: [Only under load., "All rejections are logged; see {table:remote_aes}."]
          services_cross_considerations:
            added:
              - title: Remote AE Configuration
                text: Remote AEs are configured as in {table:remote_aes}.
                tables:
                  - key: remote_aes
                    caption: Remote AE Configuration
                    columns: [AE Title, Host, Port]
                    rows:
                      - [PACS, pacs.local, 104]
        """;

    [Fact]
    public void Author_tables_are_numbered_in_sequence_with_the_template_tables_of_their_major_section()
    {
        var doc = Lay(Base);
        var sevens = doc.AllTables().Where(t => t.Number?.StartsWith("7-", StringComparison.Ordinal) == true).Select(t => (t.Number, t.Title)).ToList();
        // 7.1 comes first with the template's Table 7-1 (its own subsection 7.1.1 follows its body).
        Assert.Contains(("7-1", "Association Rejection Reasons"), sevens);
        Assert.Contains(("7-2", "General Association Parameters"), sevens);
        var remote = doc.AllTables().Single(t => t.Title == "Remote AE Configuration");
        Assert.StartsWith("5-", remote.Number);
        Assert.Equal("5.6.1", doc.AllSections().Single(s => s.Title == "Remote AE Configuration").Number);
    }

    [Fact]
    public void Table_tokens_in_narrative_cells_and_footnotes_link_to_the_number_the_table_got()
    {
        var md = Markdown(Base);
        Assert.Contains("Rejections are listed in [Table 7-1](#table-7-1)", md);
        Assert.Contains("the parameters in [Table 7-2](#table-7-2)", md);
        var remote = Lay(Base).AllTables().Single(t => t.Title == "Remote AE Configuration");
        Assert.Contains($"Remote AEs are configured as in [Table {remote.Number}](#{remote.Id})", md);
        Assert.Contains($"Note 2: All rejections are logged; see [Table {remote.Number}](#{remote.Id})", md);
        Assert.DoesNotContain("{table:", md);
    }

    [Fact]
    public void Rows_and_footnotes_are_rendered_and_author_text_is_escaped()
    {
        var md = Markdown(Base);
        Assert.Contains("| Result | Source | Reason |", md);
        Assert.Contains("| rejected-permanent | 1 | 2 - application-context-name-not-supported |", md);
        Assert.Contains("temporary congestion", md);
        Assert.Contains("\\| pipe |", md);
        Assert.Contains("Note 1: Only under load.", md);
        Assert.DoesNotContain("<script>", md);
        var html = HtmlRenderer.Render(md);
        Assert.DoesNotContain("<script>x", html);
        Assert.Contains("id=\"table-7-1\"", html);
    }

    [Fact]
    public void Docx_has_the_author_tables_with_their_captions()
    {
        var md = Markdown(Base);
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(md)), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Table 7-1 Association Rejection Reasons", text);
        Assert.Contains("Remote AE Configuration", text);
        Assert.Contains("pacs.local", text);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_and_a_duplicate_key_are_DCS0510()
    {
        var bad = Base.Replace("""- [PACS, pacs.local, 104]""", """- [PACS, pacs.local]""").Replace("key: remote_aes", "key: rejections");
        var r = Compilation.LintText("statement.yaml", bad);
        var ids = r.Diagnostics.Items.Where(d => d.Id == "DCS0510").Select(d => d.Message).ToList();
        Assert.Contains(ids, m => m.Contains("has 2 cell(s) but the table has 3 column(s)", StringComparison.Ordinal));
        Assert.Contains(ids, m => m.Contains("\"rejections\" is used by two author tables", StringComparison.Ordinal));
        Assert.DoesNotContain(Compilation.LintText("statement.yaml", Base).Diagnostics.Items, d => d.Id is "DCS0510" or "DCS0511");
    }

    [Fact]
    public void A_reference_to_no_table_is_DCS0511_with_its_line()
    {
        var r = Compilation.LintText("statement.yaml", Base.Replace("in {table:rejections}, the", "in {table:rejection}, the"));
        var d = Assert.Single(r.Diagnostics.Items, d => d.Id == "DCS0511");
        Assert.Equal(25, d.Span.Line);
        Assert.Contains("rejections", d.Message);
    }

    [Fact]
    public void A_caption_less_or_column_less_table_is_a_schema_error()
    {
        var r = Compilation.LintText("statement.yaml", Base.Replace("caption: Remote AE Configuration", "captions: Remote AE Configuration"));
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0052");
        r = Compilation.LintText("statement.yaml", Base.Replace("columns: [AE Title, Host, Port]", "columns: []"));
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0056");
    }
}
