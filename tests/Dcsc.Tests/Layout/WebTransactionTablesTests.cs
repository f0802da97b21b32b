using Dcsc.Layout;
using static Dcsc.Tests.Layout.LayoutFixtures;

namespace Dcsc.Tests.Layout;

/// <summary>
/// The query parameters and Transfer Syntaxes a DICOMweb transaction declares are printed where the PS3.2 template
/// puts them: each side's "Query Parameters for … Transaction - User Agent / Origin Server" table (after the author's
/// rows, once per parameter), and a "Transfer Syntaxes for DICOM Media Types" table with the transaction's media types.
/// </summary>
public class WebTransactionTablesTests
{
    private static readonly string WebServer = File.ReadAllText(TestUtil.Repo("examples", "dicomweb-server.yaml"));

    private static string Edit(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml);
        return yaml.Replace(from, to);
    }

    private static LaidOutTable Table(LaidOutDocument doc, string title) =>
        Assert.Single(doc.AllSections().SelectMany(s => s.Blocks.OfType<TableBlock>()), b => b.Table.Title == title).Table;

    private static List<string> FirstColumn(LaidOutTable t) => t.Rows.Where(r => !r.IsHeader && !r.IsGroup).Select(r => string.Concat(r.Cells[0].Select(x => x.Text))).ToList();

    [Fact]
    public void Declared_query_parameters_fill_the_query_parameters_table_of_their_side()
    {
        var doc = Lay(WebServer);
        var t = Table(doc, "Query Parameters for Search Transaction - Origin Server");
        Assert.Equal(new[] { "Query Parameter", "Supported Values", "Comments" }, t.Columns);
        Assert.Equal(new[] { "includefield", "fuzzymatching", "limit", "offset" }, FirstColumn(t));
        var section = doc.AllSections().Single(s => s.Blocks.OfType<TableBlock>().Any(b => b.Table == t));
        Assert.Equal("Origin Server", section.Title);
        Assert.StartsWith("Search Transaction", doc.AllSections().Single(s => s.Children.Contains(section)).Title);
    }

    [Fact]
    public void Author_rows_come_first_and_a_parameter_they_name_is_not_repeated()
    {
        var yaml = Edit(WebServer, "  services_search_qido_rs_os:\n    tables:\n", """
              services_search_qido_rs_os:
                tables:
                  query_parameters_for_search_transaction_origin_server:
                    - { query_parameter: "{attributeID}={value}", supported_values: Keys of the searchable attributes tables }
                    - { query_parameter: "LIMIT=1000", supported_values: "[1 … 1000]" }

            """);
        var t = Table(Lay(yaml), "Query Parameters for Search Transaction - Origin Server");
        Assert.Equal(new[] { "{attributeID}={value}", "LIMIT=1000", "includefield", "fuzzymatching", "offset" }, FirstColumn(t));
        Assert.Equal("[1 … 1000]", string.Concat(t.Rows.Single(r => r.Cells[0].Any(c => c.Text == "LIMIT=1000")).Cells[1].Select(c => c.Text)));
    }

    [Fact]
    public void A_transaction_with_both_sides_lists_its_parameters_on_both()
    {
        var yaml = Edit(WebServer, "      transaction: Search\n      origin_server: true\n      resources: [Study, Series, Instance]",
            "      transaction: Search\n      origin_server: true\n      user_agent: true\n      resources: [Study, Series, Instance]");
        var doc = Lay(yaml);
        Assert.Equal(new[] { "includefield", "fuzzymatching", "limit", "offset" }, FirstColumn(Table(doc, "Query Parameters for Search Transaction - User Agent")));
        Assert.Equal(new[] { "includefield", "fuzzymatching", "limit", "offset" }, FirstColumn(Table(doc, "Query Parameters for Search Transaction - Origin Server")));
    }

    [Fact]
    public void Without_declared_parameters_or_rows_there_is_no_query_parameters_table()
    {
        var yaml = Edit(WebServer, "      query_parameters: [includefield, fuzzymatching, limit, offset]\n", "");
        Assert.DoesNotContain(Lay(yaml).AllSections().SelectMany(s => s.Blocks.OfType<TableBlock>()), b => b.Table.Title.StartsWith("Query Parameters", StringComparison.Ordinal));
    }

    [Fact]
    public void Transfer_syntaxes_of_a_transaction_are_printed_with_its_media_types()
    {
        var yaml = Edit(WebServer, "      resources: [Study]\n      media_types: [application/dicom, application/dicom+json]\n",
            "      resources: [Study]\n      media_types: [application/dicom, application/dicom+json]\n      transfer_syntaxes: [1.2.840.10008.1.2.1, 1.2.840.10008.1.2.4.90]\n");
        var doc = Lay(yaml);
        var t = Table(doc, "Transfer Syntaxes for DICOM Media Types - Studies Store");
        Assert.Equal(new[] { "Transfer Syntax", "UID" }, t.Columns);
        Assert.Equal(new[] { "Explicit VR Little Endian", "JPEG 2000 Image Compression (Lossless Only)" }, FirstColumn(t));
        // In the same section as the media types, right after them.
        var blocks = doc.AllSections().Single(s => s.Blocks.OfType<TableBlock>().Any(b => b.Table == t)).Blocks.OfType<TableBlock>().Select(b => b.Table.Title).ToList();
        Assert.Equal(blocks.IndexOf("Media Types - Studies Store") + 1, blocks.IndexOf(t.Title));
        Assert.DoesNotContain(Lay(WebServer).AllSections().SelectMany(s => s.Blocks.OfType<TableBlock>()), b => b.Table.Title.StartsWith("Transfer Syntaxes for DICOM Media Types", StringComparison.Ordinal));
    }
}
