using System.Text.Json;
using Dcsc.Diagnostics;
using Dcsc.Match;
using Dcsc.Model;
using Dcsc.Pipeline;
using Dcsc.Tests.Cli;

namespace Dcsc.Tests.Match;

/// <summary>`dcsc match product.yaml --requirements site.yaml`: every requirement kind met, not met and not stated.</summary>
public class RequirementsTests
{
    private static Statement Archive()
    {
        var r = Compilation.Check(TestUtil.Repo("examples", "image-archive.yaml"));
        Assert.False(r.HasErrors);
        return r.Statement!;
    }

    /// <summary>A product whose statement lists no SOP Class, character set, security profile or key table: it states nothing.</summary>
    private const string Silent = """
        product: { name: Acme Silent, version: "1.0", description: A product that says little. }

        """;

    private static SiteRequirements Site(string body)
    {
        var bag = new DiagnosticBag();
        var site = SiteRequirements.LoadText("site.yaml", "requirements: { title: Test tender, site: St. Test }\n" + body, bag);
        Assert.True(site is not null, string.Join("\n", bag.Sorted()));
        return site!;
    }

    private static RequirementResult One(Statement product, string body) => Assert.Single(RequirementsCheck.Run(product, Site(body)).Results);

    private static Statement SilentProduct() => MatcherTests.Compile(Silent, "silent.yaml");

    [Theory]
    [InlineData("services:\n  - { service: storage, role: scp }", RequirementStatus.Met)]
    [InlineData("services:\n  - { service: print, role: scp }", RequirementStatus.NotMet)]
    [InlineData("sop_classes:\n  - { uid: 1.2.840.10008.5.1.4.1.1.2, role: scp }", RequirementStatus.Met)]
    [InlineData("sop_classes:\n  - { uid: 1.2.840.10008.5.1.1.1, role: scp }", RequirementStatus.NotMet)]
    [InlineData("transfer_syntaxes:\n  - { uid: 1.2.840.10008.1.2.4.90, role: scp, sop_class: 1.2.840.10008.5.1.4.1.1.2 }", RequirementStatus.Met)]
    [InlineData("transfer_syntaxes:\n  - { uid: 1.2.840.10008.1.2.4.201, role: scp, sop_class: 1.2.840.10008.5.1.4.1.1.2 }", RequirementStatus.NotMet)]
    [InlineData("query_keys:\n  - { model: Study Root, tag: \"(0010,0010)\", matching: WILDCARD, role: scp }", RequirementStatus.Met)]
    [InlineData("query_keys:\n  - { model: Study Root, tag: \"(0010,0030)\", matching: WILDCARD, role: scp }", RequirementStatus.NotMet)]
    [InlineData("query_keys:\n  - { model: Study Root, tag: \"(0040,A730)\", role: scp }", RequirementStatus.NotMet)]
    [InlineData("security_profiles:\n  - { profile: BCP 195 RFC 8996 TLS Secure Transport Connection }", RequirementStatus.Met)]
    [InlineData("security_profiles:\n  - { profile: Digital Signatures Profile }", RequirementStatus.NotMet)]
    [InlineData("character_sets:\n  - { defined_term: ISO_IR 192 }", RequirementStatus.Met)]
    [InlineData("character_sets:\n  - { defined_term: ISO_IR 166 }", RequirementStatus.NotMet)]
    [InlineData("dicomweb:\n  - { service: Studies, transaction: Retrieve, role: origin_server, media_types: [application/dicom] }", RequirementStatus.Met)]
    [InlineData("dicomweb:\n  - { service: Studies, transaction: Retrieve, role: origin_server, media_types: [video/mp4] }", RequirementStatus.NotMet)]
    [InlineData("dicomweb:\n  - { service: Studies, transaction: Store, role: user_agent }", RequirementStatus.NotMet)]
    public void Each_requirement_kind_is_met_or_not_met_against_the_archive(string body, RequirementStatus expected)
    {
        var result = One(Archive(), body);
        Assert.Equal(expected, result.Status);
        // Every result cites the product's source (a line of the statement) and the requirement's own line.
        Assert.EndsWith("image-archive.yaml", result.Citation.File);
        Assert.True(result.Citation.Line > 0, result.Message);
        Assert.Equal("site.yaml", result.Requirement.At.File);
        Assert.True(result.Requirement.At.Line >= 2);
    }

    [Theory]
    [InlineData("services:\n  - { service: storage, role: scp }")]
    [InlineData("sop_classes:\n  - { uid: 1.2.840.10008.5.1.4.1.1.2, role: scp }")]
    [InlineData("transfer_syntaxes:\n  - { uid: 1.2.840.10008.1.2.4.90, role: scp }")]
    [InlineData("query_keys:\n  - { model: Study Root, tag: \"(0010,0010)\", role: scp }")]
    [InlineData("security_profiles:\n  - { profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile }")]
    [InlineData("character_sets:\n  - { defined_term: ISO_IR 192 }")]
    public void Each_requirement_kind_is_not_stated_when_the_statement_says_nothing_about_it(string body)
    {
        Assert.Equal(RequirementStatus.NotStated, One(SilentProduct(), body).Status);
    }

    [Fact]
    public void Not_stated_transfer_syntaxes_query_keys_and_media_types_of_a_product_that_has_the_service()
    {
        // The SOP Class names no Transfer Syntax Set: only the default can be assumed.
        var noSets = MatcherTests.Compile(MatchPairs.Scu.Replace("    transfer_syntax_sets: [U]\n", ""), "a.yaml");
        Assert.Equal(RequirementStatus.NotStated, One(noSets, "transfer_syntaxes:\n  - { uid: 1.2.840.10008.1.2.4.90, role: scu }").Status);
        // The product is a storage SCU with no key tables at all.
        Assert.Equal(RequirementStatus.NotStated, One(MatcherTests.Compile(MatchPairs.Scu, "a.yaml"), "query_keys:\n  - { model: Study Root, tag: \"(0010,0010)\", role: scu }").Status);
        // The transaction is declared without media types.
        var web = MatcherTests.Compile(MatchPairs.Scu + "\ndicomweb:\n  transactions:\n    - { service: Studies, transaction: Retrieve, origin_server: true }\n", "a.yaml");
        Assert.Equal(RequirementStatus.NotStated, One(web, "dicomweb:\n  - { service: Studies, transaction: Retrieve, role: origin_server, media_types: [application/dicom] }").Status);
        Assert.Equal(RequirementStatus.Met, One(web, "dicomweb:\n  - { service: Studies, transaction: Retrieve, role: origin_server }").Status);
    }

    [Fact]
    public void Any_transfer_syntax_claims_and_every_storage_sop_class_meet_requirements()
    {
        var gateway = Compilation.Check(TestUtil.Repo("examples", "storage-gateway.yaml"));
        Assert.False(gateway.HasErrors);
        var mr = One(gateway.Statement!, "sop_classes:\n  - { uid: 1.2.840.10008.5.1.4.1.1.4, role: scp }");
        Assert.Equal(RequirementStatus.Met, mr.Status);
        Assert.Contains("every Storage SOP Class", mr.Message);
        var htj2k = One(gateway.Statement!, "transfer_syntaxes:\n  - { uid: 1.2.840.10008.1.2.4.201, role: scp, sop_class: 1.2.840.10008.5.1.4.1.1.4 }");
        Assert.Equal(RequirementStatus.Met, htj2k.Status);
        Assert.Contains("accepts any Transfer Syntax proposed", htj2k.Message);
    }

    [Fact]
    public void The_documented_example_site_file_is_valid()
    {
        var bag = new DiagnosticBag();
        var site = SiteRequirements.Load(TestUtil.Repo("docs", "examples", "site-requirements.yaml"), bag);
        Assert.True(site is not null, string.Join("\n", bag.Sorted()));
        Assert.Equal(9, site!.Items.Count);
        var report = RequirementsCheck.Run(Archive(), site);
        Assert.Equal(7, report.Count(RequirementStatus.Met));
        Assert.True(report.Fails);
    }

    [Fact]
    public void Bad_requirements_files_get_diagnostics_with_positions()
    {
        var bag = new DiagnosticBag();
        Assert.Null(SiteRequirements.LoadText("site.yaml", "requirements: { title: T }\nsop_classes:\n  - { uid: 1.2.840.10008.5.1.4.1.1.2, role: owner }\n", bag));
        var d = Assert.Single(bag.Sorted(), x => x.Severity == Severity.Error);
        Assert.Equal(3, d.Span.Line);
        var unknown = new DiagnosticBag();
        Assert.Null(SiteRequirements.LoadText("site.yaml", "requirements: { title: T }\nwishes: [fast]\n", unknown));
        Assert.Contains(unknown.Sorted(), x => x.Message.Contains("wishes"));
        var broken = new DiagnosticBag();
        Assert.Null(SiteRequirements.LoadText("site.yaml", "requirements: [\n", broken));
        Assert.True(broken.HasErrors);
    }

    private const string SiteFile = """
        requirements:
          title: CT replacement tender 2026
          site: St. Example Hospital, Radiology
        services:
          - { service: storage, role: scp, note: Images from every modality. }
          - { service: print, role: scp, required: false }
        sop_classes:
          - { uid: 1.2.840.10008.5.1.4.1.1.2, role: scp }
        character_sets:
          - { defined_term: ISO_IR 192 }
        dicomweb:
          - { service: Studies, transaction: Store, role: user_agent }

        """;

    [Fact]
    public void Cli_reports_each_requirement_and_exits_1_when_a_required_one_is_not_met()
    {
        using var dir = new TestUtil.TempDir();
        var site = dir.File("site.yaml", SiteFile);
        var product = TestUtil.Repo("examples", "image-archive.yaml");
        var (code, stdout, _) = CliTests.Run("match", product, "--requirements", site);
        Assert.Equal(1, code); // the archive is no STOW-RS user agent
        Assert.Contains("Result: NOT MET (3 met, 2 not met, 0 not stated)", stdout);
        Assert.Matches(@"not met +Studies Store \(STOW-RS\) as DICOMweb user agent: ", stdout);
        Assert.Contains("not met    Print Management as SCP (desired)", stdout);

        var desiredOnly = dir.File("site2.yaml", SiteFile.Replace("  - { service: Studies, transaction: Store, role: user_agent }", "  - { service: Studies, transaction: Store, role: user_agent, required: false }"));
        Assert.Equal(0, CliTests.Run("match", product, "--requirements", desiredOnly).Code);

        var md = CliTests.Run("match", product, "--requirements", site, "--format", "markdown").Out;
        Assert.StartsWith("# CT replacement tender 2026: Acme Vault PACS 8.1\n", md);
        Assert.Contains("| Storage as SCP | met |", md);
        Assert.Contains("## DICOMweb transactions", md);

        var json = CliTests.Run("match", product, "--requirements", site, "--format", "json").Out;
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("dcsc-requirements-report/1", doc.RootElement.GetProperty("format").GetString());
        Assert.True(doc.RootElement.GetProperty("fails").GetBoolean());
        var first = doc.RootElement.GetProperty("results")[0];
        Assert.Equal("services", first.GetProperty("kind").GetString());
        Assert.Equal("met", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("product").GetProperty("line").GetInt32() > 0);

        // Usage: two statements and --requirements, or one statement without it.
        Assert.Equal(2, CliTests.Run("match", product, product, "--requirements", site).Code);
        Assert.Equal(2, CliTests.Run("match", product).Code);
        // A bad requirements file: diagnostics, exit 1, no report.
        var bad = dir.File("bad.yaml", "requirements: { title: T }\nservices:\n  - { service: teleportation, role: scp }\n");
        var r = CliTests.Run("match", product, "--requirements", bad);
        Assert.Equal(1, r.Code);
        Assert.Matches(@"bad\.yaml\(3,\d+\): error DCS\d{4}: ", r.Out);
        Assert.DoesNotContain("Result:", r.Out);
    }
}
