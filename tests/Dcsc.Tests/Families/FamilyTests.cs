using Dcsc.Diagnostics;
using Dcsc.Diff;
using Dcsc.Pipeline;
using Dcsc.Source;

namespace Dcsc.Tests.Families;

/// <summary>Product families (`extends:`, `remove:`; docs/families.md): merge by identity, removal, chains, limits,
/// and diagnostics that point at the file that introduced the fact.</summary>
public class FamilyTests
{
    private const string Echo = """
        product:
          name: Acme Base
          version: "1.0"
          description: The base product.
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
          - name: PRINT
            ae_title: ACME_PRINT
            description: Answers C-ECHO for the print spooler.
        sop_classes:
          - uid: 1.2.840.10008.1.1
            name: Verification
            scu: [ECHO, PRINT]
            scp: [ECHO]
            transfer_syntax_sets: [U]
        """;

    private static (CheckResult Result, string Dir) Check(TestUtil.TempDir dir, string product, string? baseText = null, params (string Name, string Text)[] more)
    {
        dir.File("base.yaml", baseText ?? Echo);
        foreach (var (name, text) in more) dir.File(name, text);
        var path = dir.File("product.yaml", product);
        return (Compilation.Check(path, options: CheckOptions.ModelOnly), dir.Path);
    }

    [Fact]
    public void Product_facts_are_overridden_and_the_rest_is_inherited()
    {
        using var dir = new TestUtil.TempDir();
        var (r, _) = Check(dir, "extends: base.yaml\nproduct:\n  name: Acme Branded\n");
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        Assert.Equal("Acme Branded", r.Statement!.Product.Name);
        Assert.Equal("The base product.", r.Statement.Product.Description);
        Assert.Equal(2, r.Statement.ApplicationEntities.Count);
        Assert.EndsWith("base.yaml", r.Statement.Product.Location.Of("description").File);
        Assert.EndsWith("product.yaml", r.Statement.Product.Location.Of("name").File);
    }

    [Fact]
    public void Lists_merge_by_identity_never_by_position()
    {
        using var dir = new TestUtil.TempDir();
        // The product names the second AE first and changes its title; a new AE and a new SOP Class are added.
        var (r, _) = Check(dir, """
            extends: base.yaml
            application_entities:
              - name: PRINT
                ae_title: BRAND_PRINT
              - name: STORE
                ae_title: BRAND_STORE
                description: Receives images.
            sop_classes:
              - uid: 1.2.840.10008.1.1
                scp: [ECHO, STORE]
              - uid: 1.2.840.10008.5.1.4.1.1.7
                name: Secondary Capture Image Storage
                scp: [STORE]
                transfer_syntax_sets: [U]
            """);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        var s = r.Statement!;
        Assert.Equal(new[] { "ECHO", "PRINT", "STORE" }, s.ApplicationEntities.Select(a => a.Name));
        Assert.Equal("BRAND_PRINT", s.ApplicationEntities[1].AeTitle);
        Assert.Equal("Answers C-ECHO for the print spooler.", s.ApplicationEntities[1].Description);
        var verification = s.SopClasses.Single(c => c.Uid == "1.2.840.10008.1.1");
        Assert.Equal(new[] { "ECHO", "PRINT" }, verification.Scu);
        Assert.Equal(new[] { "ECHO", "STORE" }, verification.Scp);
        Assert.Equal(2, s.SopClasses.Count);
    }

    [Fact]
    public void Remove_takes_out_an_ae_with_its_roles_a_single_role_and_a_section()
    {
        using var dir = new TestUtil.TempDir();
        var baseText = Echo + "\nsections:\n  overview_printing:\n    text: Printing is offered.\n";
        var (r, _) = Check(dir, """
            extends: base.yaml
            remove:
              application_entities: [PRINT]
              sop_classes:
                - { uid: 1.2.840.10008.1.1, scp: [ECHO] }
              sections: [overview_printing]
            """, baseText);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        var s = r.Statement!;
        Assert.Equal(new[] { "ECHO" }, s.ApplicationEntities.Select(a => a.Name));
        var verification = Assert.Single(s.SopClasses);
        Assert.Equal(new[] { "ECHO" }, verification.Scu);
        Assert.Empty(verification.Scp);
        Assert.False(s.Sections.ContainsKey("overview_printing"));
    }

    [Fact]
    public void Remove_of_something_the_base_lacks_is_a_warning_at_that_item()
    {
        using var dir = new TestUtil.TempDir();
        var (r, _) = Check(dir, "extends: base.yaml\nremove:\n  application_entities: [FAX]\n");
        var d = Assert.Single(r.Diagnostics.Items, x => x.Id == "DCS0015");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal((3, 26), (d.Span.Line, d.Span.Column));
        Assert.False(r.HasErrors);
    }

    [Fact]
    public void Chains_merge_in_order()
    {
        using var dir = new TestUtil.TempDir();
        var (r, _) = Check(dir, "extends: middle.yaml\nproduct:\n  version: \"3.0\"\n", null,
            ("middle.yaml", "extends: base.yaml\nproduct:\n  name: Acme Middle\n  version: \"2.0\"\n"));
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        Assert.Equal(("Acme Middle", "3.0", "The base product."), (r.Statement!.Product.Name, r.Statement.Product.Version, r.Statement.Product.Description));
    }

    [Theory]
    [InlineData("extends: product.yaml\n", "cycle")]
    [InlineData("extends: ../outside.yaml\n", "outside the project folder")]
    [InlineData("extends: /etc/passwd\n", "absolute path")]
    [InlineData("extends: missing.yaml\n", "missing.yaml")]
    [InlineData("extends: [a, b]\n", "takes the path")]
    public void Bad_extends_is_an_error_at_the_extends_line(string product, string says)
    {
        using var dir = new TestUtil.TempDir();
        var (r, _) = Check(dir, product);
        Assert.True(r.HasErrors);
        var d = r.Diagnostics.Items.First(x => x.Severity == Severity.Error);
        Assert.Contains(says, d.Message);
        Assert.Equal(1, d.Span.Line);
        Assert.Null(r.Statement);
    }

    [Fact]
    public void A_chain_longer_than_the_limit_is_refused()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("base.yaml", Echo);
        string previous = "base.yaml";
        for (int i = 0; i < StatementFamily.MaxChain + 1; i++)
        {
            dir.File($"p{i}.yaml", $"extends: {previous}\n");
            previous = $"p{i}.yaml";
        }
        var r = Compilation.Check(Path.Combine(dir.Path, previous), options: CheckOptions.ModelOnly);
        Assert.Contains(r.Diagnostics.Items, x => x.Id == "DCS0014" && x.Message.Contains($"more than {StatementFamily.MaxChain}"));
    }

    [Fact]
    public void Remove_without_extends_is_an_error()
    {
        using var dir = new TestUtil.TempDir();
        var r = Compilation.Check(dir.File("s.yaml", Echo + "\nremove:\n  application_entities: [PRINT]\n"), options: CheckOptions.ModelOnly);
        Assert.Contains(r.Diagnostics.Items, x => x.Id == "DCS0014" && x.Message.Contains("no `extends`"));
    }

    [Fact]
    public void An_error_in_the_base_names_the_base_line_and_the_extends_line()
    {
        using var dir = new TestUtil.TempDir();
        var broken = Echo.Replace("name: Verification", "name: CT Image Storage");
        dir.File("base.yaml", broken);
        var path = dir.File("product.yaml", "# branded\nextends: base.yaml\n");
        var diagnostics = Lint.Run(path);
        var d = Assert.Single(diagnostics, x => x.Id == "DCS0104");
        Assert.EndsWith("base.yaml", d.Span.File);
        Assert.Equal(20, d.Span.Line);
        Assert.Contains("reached through `extends:` at", d.Message);
        Assert.Contains("product.yaml(2,10)", d.Message);
    }

    [Fact]
    public void The_family_example_lints_clean_and_diff_lists_exactly_its_changes()
    {
        var variant = TestUtil.Repo("examples", "image-archive-cloud.yaml");
        Assert.Empty(Lint.Run(variant));
        var a = Compilation.Check(TestUtil.Repo("examples", "image-archive.yaml"), options: CheckOptions.ModelOnly).Statement!;
        var b = Compilation.Check(variant, options: CheckOptions.ModelOnly).Statement!;
        var changes = StatementDiff.Compare(a, b).Select(c => $"{c.Verb} {c.Category} {c.Subject}").ToList();
        Assert.Equal(new[]
        {
            "added DICOMweb transaction Non-Patient Instance Retrieve",
            "removed De-identification profile \"Basic Application Level Confidentiality Profile\"",
        }, changes.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal("Acme Vault Cloud", b.Product.Name);
        Assert.Equal(a.SopClasses.Select(s => s.Uid), b.SopClasses.Select(s => s.Uid));
    }

    [Fact]
    public void The_family_example_builds_the_merged_tables()
    {
        var result = Build.Run(TestUtil.Repo("examples", "image-archive-cloud.yaml"), new BuildOptions { Layout = new Dcsc.Layout.LayoutOptions { ReadEnvironment = false } });
        Assert.NotNull(result.Outputs);
        var md = System.Text.Encoding.UTF8.GetString(result.Outputs![0].Content);
        Assert.Contains("| Non-Patient Instance Web Service | Retrieve | Instance | N | Y |", md);
        Assert.Contains("The origin server answers Retrieve requests for Hanging Protocol", md);
        Assert.Contains("## 1.6 De-identification Profiles - N/A", md);
        Assert.DoesNotContain("Acme Vault PACS", md.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Explain_finds_values_by_key_position_and_identity()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("base.yaml", Echo);
        var path = dir.File("product.yaml", "extends: base.yaml\nproduct:\n  name: Acme Branded\n");
        var bag = new DiagnosticBag();
        var source = StatementFamily.Load(path, null, bag, null)!;
        var (name, _) = StatementFamily.Find(source.Root, "product.name");
        Assert.EndsWith("product.yaml", name!.Span.File);
        var (title, _) = StatementFamily.Find(source.Root, "application_entities[PRINT].ae_title");
        Assert.Equal("ACME_PRINT", ((YamlScalar)title!).Value);
        Assert.EndsWith("base.yaml", title.Span.File);
        var (scu, _) = StatementFamily.Find(source.Root, "sop_classes[1.2.840.10008.1.1].scu[1]");
        Assert.Equal("PRINT", ((YamlScalar)scu!).Value);
        var (none, problem) = StatementFamily.Find(source.Root, "application_entities[FAX]");
        Assert.Null(none);
        Assert.Contains("no item `FAX`", problem);
    }
}
