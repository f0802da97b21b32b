using Dcsc.Diagnostics;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Rules;

/// <summary>Edge cases of the DICOMweb checks (DCS0623–DCS0629) and of hand-written references (DCS0506).</summary>
public class WebRulesTests
{
    private const string Web = """
        dicomweb:
          transactions:
            - service: Studies
              transaction: Retrieve
              user_agent: true
              media_types: [application/dicom]
              query_parameters: [accept, "ScheduledStationNameCodeSequence.CodeValue", 00100020, "PatientID=123"]
        sections:
          status_studies_ws_retrieve_ua:
            tables:
              status_codes_of_user_agent_for_retrieve_transaction:
        """;

    private static List<Diagnostic> Lint(string rows) =>
        Dcsc.Pipeline.Lint.RunText("statement.yaml", Minimal.Yaml.Replace("    scu: [STORAGE-SCU]\n", "    scu: [STORAGE-SCU]\n    user_agent: true\n") + "\n" + Web + "\n" + rows).ToList();

    [Fact]
    public void Several_codes_in_one_cell_dotted_keyword_paths_tags_and_values_are_accepted()
    {
        var d = Lint("          - { status: Success, code: \"200\", behavior: Shown. }\n          - { status: Server Error, code: \"500; 503\", behavior: Retried once. }\n");
        Assert.DoesNotContain(d, x => x.Id is "DCS0623" or "DCS0624" or "DCS0625" or "DCS0628");
    }

    [Theory]
    [InlineData("OK", "DCS0623")]
    [InlineData("99", "DCS0623")]
    [InlineData("2000", "DCS0623")]
    [InlineData("201", "DCS0625")]
    [InlineData("415", "DCS0625")]
    public void Codes_that_are_not_http_or_not_of_a_retrieve_are_reported(string code, string id)
    {
        var status = code.StartsWith('4') ? "Client Error" : "Success";
        var d = Lint($"          - {{ status: {status}, code: \"{code}\", behavior: Shown. }}\n");
        Assert.Contains(d, x => x.Id == id && x.Message.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void A_hostile_code_cell_is_reported_briefly()
    {
        var d = Lint($"          - {{ status: Success, code: \"{new string('9', 10000)}\", behavior: Shown. }}\n");
        var hit = Assert.Single(d, x => x.Id == "DCS0623");
        Assert.True(hit.Message.Length < 400);
    }

    [Fact]
    public void Section_token_in_author_text_prints_the_live_number_and_a_literal_one_is_checked()
    {
        var yaml = Minimal.Yaml.Replace("    description: Sends images.\n", "    description: Sends images (see {section:8} and Section 99.1).\n");
        var d = Dcsc.Pipeline.Lint.RunText("statement.yaml", yaml);
        var hit = Assert.Single(d, x => x.Id == "DCS0506");
        Assert.Contains("\"Section 99.1\" names no section", hit.Message);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("Section 99.1", StringComparison.Ordinal)) + 1;
        Assert.Equal((line, yaml.Split('\n')[line - 1].IndexOf("Section 99.1", StringComparison.Ordinal) + 1), (hit.Span.Line, hit.Span.Column));
        var text = Build.RunText("statement.yaml", yaml, new BuildOptions { Formats = new[] { "md" } }).Markdown!;
        Assert.Contains("(see [Section 8](#sect-8) and Section 99.1)", text);
    }

    [Fact]
    public void References_to_other_documents_are_not_checked()
    {
        var yaml = Minimal.Yaml.Replace("    description: Sends images.\n", "    description: Status codes follow PS3.4 Table B.2-1 and Section 10.4 of PS3.18.\n");
        Assert.DoesNotContain(Dcsc.Pipeline.Lint.RunText("statement.yaml", yaml), x => x.Id == "DCS0506");
    }
}
