using System.Diagnostics;
using Dcsc.Diagnostics;
using Dcsc.Pipeline;
using Dcsc.Rules;
using Xunit.Abstractions;

namespace Dcsc.Tests.Rules;

/// <summary>The acceptance points of the Rules stage, with exact positions and messages, and rules' edge cases.</summary>
[Collection(Serial.Name)]
public class RuleTests
{
    private static IReadOnlyList<Diagnostic> Lint(string yaml, RuleOptions? options = null)
    {
        var r = Compilation.LintText("statement.yaml", yaml, options);
        Assert.True(r.Statement is not null, string.Join("\n", r.Diagnostics.Items));
        return r.Diagnostics.Sorted();
    }

    private static Diagnostic Single(IEnumerable<Diagnostic> diags, string id) => Assert.Single(diags, d => d.Id == id);

    [Fact]
    public void Minimal_statement_lints_clean() => Assert.Empty(Lint(Minimal.Yaml));

    [Fact]
    public void Another_valid_sop_class_uid_is_a_name_mismatch_error_at_its_line()
    {
        var d = Single(Lint(Minimal.Yaml.Replace("uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT", "uid: 1.2.840.10008.5.1.4.1.1.4\n    name: CT")
            .Replace("- uid: 1.2.840.10008.5.1.4.1.1.2\n", "- uid: 1.2.840.10008.5.1.4.1.1.4\n")), "DCS0104");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(19, d.Span.Line);
        Assert.Equal("SOP Class UID 1.2.840.10008.5.1.4.1.1.4 is \"MR Image Storage\", not \"CT Image Storage\" (\"CT Image Storage\" is 1.2.840.10008.5.1.4.1.1.2)", d.Message);
        Assert.Equal("statement.yaml(19,11): error DCS0104: " + d.Message, d.ToString());
    }

    [Fact]
    public void Unknown_uid_under_the_dicom_root_is_a_warning_naming_the_edition()
    {
        var diags = Lint(Minimal.Yaml.Replace("- uid: 1.2.840.10008.5.1.4.1.1.2\n", "- uid: 1.2.840.10008.5.1.4.1.1.999\n"));
        var d = Single(diags, "DCS0102");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(18, d.Span.Line);
        Assert.Contains("not in dictionary edition DICOM 2022a (pydicom 2.3.1) + newer", d.Message);
        Assert.DoesNotContain(diags, x => x.Severity == Severity.Error && x.Id.StartsWith("DCS01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tag: (0010,0010)", "tag: (0010,0011)", "DCS0202", "tag: (0010,0011)")]
    [InlineData("tag: (0010,0010)", "tag: (0010,0020)", "DCS0203", "name: Patient's Name")] // the name no longer matches the tag
    [InlineData("name: Patient's Name", "name: PatientID", "DCS0203", "name: PatientID")]
    [InlineData("tag: (0010,0010)", "tag: (0010,001)", "DCS0201", "tag: (0010,001)")]
    public void Bad_tags_and_names_are_errors_at_their_line(string from, string to, string id, string at)
    {
        var yaml = Minimal.Yaml.Replace(from, to);
        int line = yaml.Split('\n').ToList().FindIndex(l => l.Contains(at)) + 1;
        var d = Single(Lint(yaml), id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(line, d.Span.Line);
    }

    [Theory]
    [InlineData("Patient's Name")]
    [InlineData("PATIENT'S NAME")]
    [InlineData("Patient Name")]
    [InlineData("PatientName")]
    [InlineData(">Patient's Name")]
    public void Attribute_names_are_compared_tolerantly(string name)
    {
        // A variant is the right attribute (no DCS0203 error) but is written as PS3.6 names it (DCS0602 warning).
        var diags = Lint(Minimal.Yaml.Replace("name: Patient's Name", $"name: \"{name}\""));
        bool exact = name.TrimStart('>') == "Patient's Name";
        Assert.Equal(exact ? Array.Empty<string>() : new[] { "DCS0602" }, diags.Select(d => d.Id).ToArray());
    }

    [Theory]
    [InlineData("CT Image Storage SOP Class")]
    [InlineData("ct image storage")]
    [InlineData("CT-Image-Storage")]
    [InlineData("CTImageStorage")]
    public void Uid_names_are_compared_tolerantly(string name) =>
        Assert.Empty(Lint(Minimal.Yaml.Replace("name: CT Image Storage", $"name: {name}")));

    [Fact]
    public void Qr_names_may_abbreviate_query_retrieve()
    {
        var entry = Dcsc.Dictionary.DicomDictionary.Standard.FindUid("1.2.840.10008.5.1.4.1.2.2.1")!;
        Assert.True(UidRules.NameMatches("Study Root Q/R Information Model – FIND", entry));
        Assert.True(UidRules.NameMatches("Study Root Query/Retrieve Information Model - FIND SOP Class", entry));
        Assert.False(UidRules.NameMatches("Patient Root Query/Retrieve Information Model - FIND", entry));
    }

    [Fact]
    public void Removing_the_level_of_support_of_a_storage_scp_is_the_ps34_error()
    {
        var (_, passing) = RuleDocsTests.Examples("DCS1007");
        Assert.Empty(Lint(passing!));
        var without = passing!.Replace("      level_of_support: 2\n", "").Replace("      digital_signature_level: 1\n", "");
        var d = Single(Lint(without), "DCS1007");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("PS3.4 B.4.3.2", d.Message);
        Assert.Contains("level_of_support", d.Message);
    }

    [Theory]
    [InlineData("A702", "C-MOVE/C-GET")]
    [InlineData("FF00", "not defined for C-STORE")]
    [InlineData("A801", "not defined for C-STORE")]
    public void C_store_status_codes_of_other_operations_are_errors(string code, string expected)
    {
        var (_, passing) = RuleDocsTests.Examples("DCS0401");
        var d = Single(Lint(passing!.Replace("status_code: A7xx", $"status_code: {code}")), "DCS0401");
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void A_failure_code_in_the_warning_group_is_reported()
    {
        var (failing, _) = RuleDocsTests.Examples("DCS0402");
        var d = Single(Lint(failing!), "DCS0402");
        Assert.Contains("A700 is a Failure status, not Warning", d.Message);
    }

    [Theory]
    [InlineData("See [the manual](https://example.com) and <br> and <https://example.com>.")]
    [InlineData("Ranges are [1 … 10]; footnote[^1]; a reference [RFC 5246].")]
    [InlineData("Values are `<value>` in code and 3 < 4 > 2.")]
    [InlineData("Extended negotiation value <(0),1> is proposed.")]
    public void Markdown_is_not_leftover_template_text(string text) =>
        Assert.DoesNotContain(Lint(Minimal.Yaml.Replace("description: A test product.", $"description: \"{text}\"")), d => d.Id == "DCS0502");

    [Theory]
    [InlineData("Made by <Manufacturer>.")]
    [InlineData("It <<does/does not>> store.")]
    [InlineData("[Describe the product here.]")]
    public void Template_text_is_reported(string text) =>
        Assert.Contains(Lint(Minimal.Yaml.Replace("description: A test product.", $"description: \"{text}\"")), d => d.Id == "DCS0502");

    [Fact]
    public void Severity_overrides_and_warnings_as_errors_apply()
    {
        var yaml = Minimal.Yaml.Replace("- uid: 1.2.840.10008.5.1.4.1.1.2\n", "- uid: 1.2.840.10008.5.1.4.1.1.999\n");
        Assert.Equal(Severity.Error, Single(Lint(yaml, new RuleOptions { WarningsAsErrors = true }), "DCS0102").Severity);
        var off = new RuleOptions { Severities = new Dictionary<string, Severity> { ["DCS0102"] = Severity.Off } };
        Assert.DoesNotContain(Lint(yaml, off), d => d.Id == "DCS0102");
        var err = new RuleOptions { Severities = new Dictionary<string, Severity> { ["DCS0102"] = Severity.Error } };
        Assert.Equal(Severity.Error, Single(Lint(yaml, err), "DCS0102").Severity);
    }

    [Fact]
    public void Declared_extras_extend_the_dictionary()
    {
        var yaml = Minimal.Yaml.Replace("- uid: 1.2.840.10008.5.1.4.1.1.2\n", "- uid: 1.2.840.10008.5.1.4.1.1.999\n")
            .Replace("sop_class: 1.2.840.10008.5.1.4.1.1.2", "sop_class: 1.2.840.10008.5.1.4.1.1.999")
            .Replace("name: CT Image Storage", "name: Future Storage")
            + "\ndictionary:\n  uids:\n    - uid: 1.2.840.10008.5.1.4.1.1.999\n      name: Future Storage\n      type: SOP Class\n      service_class: Storage\n";
        Assert.Empty(Lint(yaml));
    }

    [Theory]
    [InlineData("(0010,0010)", "SINGLE_VALUE", false)]
    [InlineData("(0010,0010)", "WILDCARD", false)]
    [InlineData("(0008,0020)", "RANGE", false)]
    [InlineData("(0010,0010)", "RANGE", true)]
    [InlineData("(0020,000D)", "WILDCARD", true)]
    [InlineData("(0020,000D)", "UID", false)]
    [InlineData("(0008,0020)", "WILDCARD", true)]
    [InlineData("(0040,0100)", "SEQUENCE", false)]
    [InlineData("(0010,0010)", "SEQUENCE", true)]
    public void Matching_types_follow_the_vr(string tag, string type, bool reported)
    {
        var (_, ok) = RuleDocsTests.Examples("DCS0403");
        var yaml = ok!.Replace("tag: (0040,0001)", $"tag: {tag}")
            .Replace("matching_type: SINGLE_VALUE", $"matching_type: {type}");
        Assert.Equal(reported, Lint(yaml).Any(d => d.Id == "DCS0403"));
    }

    [Fact]
    public void Every_rule_id_has_a_descriptor_and_checks_run_only_when_on()
    {
        foreach (var id in RuleRunner.Ids) Assert.True(DiagnosticCatalogue.Contains(id), id);
        var allOff = new RuleOptions { Severities = RuleRunner.Ids.ToDictionary(i => i, _ => Severity.Off) };
        Assert.Empty(Lint(Minimal.Yaml.Replace("name: CT Image Storage", "name: MR Image Storage"), allOff));
    }
}

[Collection(Serial.Name)]
public class RuleScaleTests
{
    /// <summary>A statement with 4,000 attribute and table rows.</summary>
    internal static string Large()
    {
        // The big module goes at the end of the IOD's modules, before the statement's character sets.
        const string charsets = "character_sets:";
        var sb = new System.Text.StringBuilder(Minimal.Yaml[..Minimal.Yaml.IndexOf(charsets, StringComparison.Ordinal)]);
        var attrs = Dcsc.Dictionary.DicomDictionary.Standard.Attributes.Where(a => !a.IsRepeating && !a.Retired && a.Keyword.Length > 0 && !a.Tag.StartsWith("0000", StringComparison.Ordinal)).Take(2000).ToList();
        sb.Append("      - name: Big Module\n        attributes:\n");
        foreach (var a in attrs)
            sb.Append($"          - name: \"{a.Name.Replace("\"", "\\\"")}\"\n            tag: \"{a.DisplayTag}\"\n            source: GENERATED\n            value: Text <b>with</b> [a link](x)\n");
        sb.Append(Minimal.Yaml[Minimal.Yaml.IndexOf(charsets, StringComparison.Ordinal)..]).Append('\n');
        sb.Append("sections:\n  services_scp_study_root_qr_find:\n    tables:\n      supported_c_find_attribute_matching_for_study_root_q_r_model_scp:\n");
        foreach (var a in attrs)
            sb.Append($"        - attribute_name: \"{a.Name.Replace("\"", "\\\"")}\"\n          tag: \"{a.DisplayTag}\"\n          matching_type: UNIVERSAL\n          comments: none\n");
        return sb.ToString();
    }

    [Fact]
    public void Rules_over_4000_dictionary_rows_report_nothing_about_them()
    {
        var r = Compilation.LintText("big.yaml", Large(), new RuleOptions { Severities = new Dictionary<string, Severity> { ["DCS0315"] = Severity.Off } });
        Assert.True(r.Statement is not null, string.Join("\n", r.Diagnostics.Items.Take(5)));
        Assert.True(r.Statement!.Iods.SelectMany(i => i.Modules).Sum(m => m.Attributes.Count) > 2000);
        var diags = RuleRunner.Run(r.Statement!);
        // Every row is a dictionary attribute with its own name and tag: no tag, name or template finding.
        Assert.DoesNotContain(diags, d => d.Id is "DCS0201" or "DCS0202" or "DCS0203" or "DCS0502");
        // Speed is measured by the benchmarks (bench/, docs/performance.md), not asserted in unit tests.
    }
}
