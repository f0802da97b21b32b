using System.Text;
using Dcsc.Import;
using Dcsc.Model;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Import;

/// <summary>
/// The DICOMweb declarations read back by `dcsc import` (StatementAssembler.Web.cs): product additions (PS3.18 defines
/// no such transaction), read from the added section the layout prints, and what happens when such a section is not
/// what dcsc prints (it stays an added section, nothing is lost); the query parameters and Transfer Syntaxes of a
/// transaction, read from its side's Query Parameters table and its Transfer Syntaxes table.
/// </summary>
public class WebImportTests
{
    private static byte[] Built(string example, string format)
    {
        var build = Build.Run(TestUtil.Repo("examples", example), new BuildOptions { Formats = new[] { format } });
        Assert.NotNull(build.Outputs);
        return build.Outputs!.Single(o => o.Extension == format).Content;
    }

    /// <summary>Imports a document and compiles the imported project (model only).</summary>
    private static (Statement Statement, string Yaml) Import(byte[] document, string format)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "statement." + format);
        File.WriteAllBytes(file, document);
        var result = Importer.Import(file);
        var statementFile = ImportedProject.Write(result, Path.Combine(dir.Path, "imported"));
        var check = Compilation.Check(statementFile, options: CheckOptions.ModelOnly);
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        return (check.Statement!, File.ReadAllText(statementFile));
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("docx")]
    public void Product_addition_is_read_back(string format)
    {
        var (s, _) = Import(Built("dicomweb-server.yaml", format), format);
        var a = Assert.Single(s.Details.WebAdditions);
        Assert.Equal(("Studies", "Delete Study", "DELETE", "/studies/{StudyInstanceUID}"), (a.Service, a.Name, a.Method, a.Path));
        // The code span survives every format (in .docx a run of the "Verbatim Char" style).
        Assert.Contains("Only tokens with the `nimbus.admin` scope may call it", a.Description.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal(new[] { "204 Success The study was deleted.", "403 Client Error The token lacks the administrator scope.", "404 Client Error The tenant has no such study." },
            a.HttpStatus.Select(h => $"{h.Code} {h.Status} {h.Meaning}"));
        Assert.DoesNotContain(s.Sections.Values.SelectMany(c => c.Added), x => x.Title.Contains("product addition", StringComparison.Ordinal));
    }

    /// <summary>The Markdown of dicomweb-server with one edit in the Delete Study section.</summary>
    private static byte[] EditedAddition(string from, string to)
    {
        var md = Encoding.UTF8.GetString(Built("dicomweb-server.yaml", "md"));
        var start = md.IndexOf("Delete Study (product addition", StringComparison.Ordinal);
        var at = md.IndexOf(from, start, StringComparison.Ordinal);
        Assert.True(start > 0 && at > start, $"\"{from}\" not found in the Delete Study section");
        return Encoding.UTF8.GetBytes(md[..at] + to + md[(at + from.Length)..]);
    }

    [Theory]
    [InlineData("Request: DELETE /studies/{StudyInstanceUID}", "Request DELETE to the study")]  // no request line
    [InlineData("| 403 | Client Error |", "| 4O3 | Client Error |")]                              // a status code that is not a number
    [InlineData("HTTP Status Codes - Delete Study", "Deletion Results")]                      // another table
    public void Section_that_is_not_an_addition_as_printed_stays_an_added_section(string from, string to)
    {
        var (s, yaml) = Import(EditedAddition(from, to), "md");
        Assert.Empty(s.Details.WebAdditions);
        var added = Assert.Single(s.Sections["services_studies_ws"].Added);
        Assert.Equal("Delete Study (product addition, not defined in PS3.18)", added.Title);
        Assert.Contains("nimbus.admin", added.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("additions:", yaml, StringComparison.Ordinal);
    }

    private static WebTransaction Transaction(Dcsc.Model.Statement s, string service, string name) =>
        s.DicomWeb.Transactions.Single(t => t.Service == service && t.Transaction == name);

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("docx")]
    public void Query_parameters_and_transfer_syntaxes_are_read_back(string format)
    {
        var original = Compilation.Check(TestUtil.Repo("examples", "image-archive.yaml"), options: CheckOptions.ModelOnly).Statement!;
        var (s, yaml) = Import(Built("image-archive.yaml", format), format);
        foreach (var (service, name) in new[] { ("Studies", "Retrieve"), ("Studies", "Search"), ("Worklist", "Search") })
        {
            var (a, b) = (Transaction(original, service, name), Transaction(s, service, name));
            Assert.Equal(a.QueryParameters.Order(StringComparer.Ordinal), b.QueryParameters.Order(StringComparer.Ordinal));
            Assert.Equal(a.TransferSyntaxes, b.TransferSyntaxes);
        }
        Assert.Equal(4, Transaction(s, "Studies", "Retrieve").TransferSyntaxes.Count);
        // The author's rows stay rows (with what they say about the values); a pattern is no parameter.
        var rows = s.Sections["services_search_qido_rs_os"].Tables["query_parameters_for_search_transaction_origin_server"];
        Assert.Equal(new[] { "{attributeID}={value}", "includefield", "fuzzymatching", "limit", "offset" }, rows.Select(r => r.Cells["query_parameter"].Single()));
        Assert.DoesNotContain("{attributeID}", string.Join(",", Transaction(s, "Studies", "Search").QueryParameters), StringComparison.Ordinal);
        // Rows that only named a declared parameter are the declaration's, not rows of the table.
        Assert.DoesNotContain("query_parameter: PatientID", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_row_of_a_query_parameters_table_is_no_parameter()
    {
        var md = Encoding.UTF8.GetString(Built("image-archive.yaml", "md"));
        const string row = "| accept | Any supported media type |  |";
        Assert.Contains(row, md);
        var (s, _) = Import(Encoding.UTF8.GetBytes(md.Replace(row, "| Rendered resource |  |  |\n" + row)), "md");
        Assert.DoesNotContain("Rendered resource", Transaction(s, "Studies", "Retrieve").QueryParameters);
        var rows = s.Sections["services_retrieve_supported_wado_rs_os"].Tables["query_parameters_for_retrieve_transaction_origin_server"];
        Assert.All(rows, r => Assert.Equal("Rendered resource", r.Group));
    }

    [Fact]
    public void Query_parameters_of_a_side_no_transaction_takes_are_kept_as_rows_and_reported()
    {
        // The Search transaction no longer in the services overview table: its parameters stay in the table.
        var md = Encoding.UTF8.GetString(Built("dicomweb-server.yaml", "md"));
        var at = md.IndexOf("| Search | Study; Series; Instance | N | Y |", StringComparison.Ordinal);
        Assert.True(at > 0);
        var (start, end) = (md.LastIndexOf('\n', at) + 1, md.IndexOf('\n', at));
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "s.md");
        File.WriteAllText(file, md[..start] + md[(end + 1)..]);
        var result = Importer.Import(file);
        var yaml = Encoding.UTF8.GetString(result.Files.Single(f => f.Path == result.StatementFile).Content);
        Assert.Contains("query_parameter: includefield", yaml.Replace("{ ", "").Replace("- ", ""), StringComparison.Ordinal);
        var report = Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "import-report.md").Content);
        Assert.Contains("no DICOMweb transaction of the services tables takes that side", report, StringComparison.Ordinal);
        Assert.Contains("Query Parameters for Search Transaction - Origin Server | structured | query_parameters of the DICOMweb transaction of 5.3.2.4.2 Origin Server", report, StringComparison.Ordinal);
    }
}
