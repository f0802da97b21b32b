using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Tests.Source;

public class SourceLoaderTests
{
    [Fact]
    public void Nodes_keep_file_line_and_column()
    {
        var (src, bag) = TestUtil.Load("product:\n  name: Acme\n  list:\n    - a\n    - \"b\"\n");
        Assert.False(bag.HasErrors);
        var root = Assert.IsType<YamlMapping>(src!.Root);
        var product = Assert.IsType<YamlMapping>(root["product"]);
        var name = Assert.IsType<YamlScalar>(product["name"]);
        Assert.Equal(("statement.yaml", 2, 9), (name.Span.File, name.Span.Line, name.Span.Column));
        var list = Assert.IsType<YamlSequence>(product["list"]);
        Assert.Equal(5, list.Items[1].Span.Line);
        Assert.True(((YamlScalar)list.Items[0]).IsPlain);
        Assert.False(((YamlScalar)list.Items[1]).IsPlain);
    }

    [Fact]
    public void Duplicate_key_is_an_error_at_the_second_key()
    {
        var (_, bag) = TestUtil.Load("product:\n  name: A\n  name: B\n");
        var d = Assert.Single(bag.Items);
        Assert.Equal("DCS0007", d.Id);
        Assert.Equal(3, d.Span.Line);
        Assert.Equal(3, d.Span.Column);
        Assert.Contains("first at line 2", d.Message);
    }

    [Fact]
    public void Malformed_yaml_reports_a_position_and_no_exception()
    {
        var (src, bag) = TestUtil.Load("product:\n  name: [unclosed\n  version: 1\n");
        Assert.Null(src);
        var d = Assert.Single(bag.Items);
        Assert.Equal("DCS0002", d.Id);
        Assert.True(d.Span.Line >= 2);
        Assert.DoesNotContain("(Line:", d.Message);
    }

    [Fact]
    public void Billion_laughs_is_refused_by_the_alias_limit()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; c++)
            yaml += $"{c}: &{c} [*{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}]\n";
        var (src, bag) = TestUtil.Load(yaml);
        Assert.Null(src);
        Assert.Contains(bag.Items, d => d.Id == "DCS0004");
    }

    [Fact]
    public void Small_aliases_are_expanded()
    {
        var (src, bag) = TestUtil.Load("base: &b {x: 1}\nother: *b\n");
        Assert.False(bag.HasErrors);
        var root = (YamlMapping)src!.Root;
        Assert.Same(root["base"], root["other"]);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var yaml = new string('[', 10_000) + new string(']', 10_000);
        var (src, bag) = TestUtil.Load(yaml);
        Assert.Null(src);
        Assert.Contains(bag.Items, d => d.Id == "DCS0005");
    }

    [Fact]
    public void Empty_and_comment_only_files_are_empty_statements()
    {
        Assert.Equal("DCS0011", Assert.Single(TestUtil.Load("").Diagnostics.Items).Id);
        Assert.Equal("DCS0011", Assert.Single(TestUtil.Load("# just a comment\n").Diagnostics.Items).Id);
    }

    [Fact]
    public void Unknown_tag_is_refused()
    {
        var (_, bag) = TestUtil.Load("product: !!python/object:os.system x\n");
        Assert.Contains(bag.Items, d => d.Id == "DCS0013");
    }

    [Fact]
    public void Includes_resolve_relative_to_the_including_file_and_keep_their_own_positions()
    {
        using var dir = new TestUtil.TempDir();
        var main = dir.File("statement.yaml", "product: !include parts/product.yaml\n");
        dir.File("parts/product.yaml", "name: Acme\nversion: '1'\n");
        var bag = new DiagnosticBag();
        var src = new SourceLoader(bag).Load(main);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var product = (YamlMapping)((YamlMapping)src!.Root)["product"]!;
        Assert.EndsWith("product.yaml", product["name"]!.Span.File);
        Assert.Equal(1, product["name"]!.Span.Line);
        Assert.Equal(2, src.Files.Count);
    }

    [Theory]
    [InlineData("../outside.yaml", "DCS0009")]
    [InlineData("/etc/passwd", "DCS0009")]
    [InlineData("missing.yaml", "DCS0008")]
    [InlineData("folder", "DCS0008")]
    public void Bad_includes_are_diagnosed(string target, string id)
    {
        using var dir = new TestUtil.TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "project", "folder"));
        dir.File("outside.yaml", "x: 1\n");
        var main = dir.File("project/statement.yaml", $"product: !include {target}\n");
        var bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag).Load(main));
        var d = Assert.Single(bag.Items);
        Assert.Equal(id, d.Id);
        Assert.Equal(1, d.Span.Line);
    }

    [Fact]
    public void Symlink_pointing_outside_the_project_is_refused()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("secret.yaml", "x: 1\n");
        var main = dir.File("project/statement.yaml", "product: !include link.yaml\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "project", "link.yaml"), Path.Combine(dir.Path, "secret.yaml"));
        var bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag).Load(main));
        Assert.Equal("DCS0009", Assert.Single(bag.Items).Id);
    }

    [Fact]
    public void Include_cycle_is_diagnosed()
    {
        using var dir = new TestUtil.TempDir();
        var main = dir.File("a.yaml", "x: !include b.yaml\n");
        dir.File("b.yaml", "y: !include a.yaml\n");
        var bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag).Load(main));
        Assert.Contains(bag.Items, d => d.Id == "DCS0010");
    }

    [Fact]
    public void Invalid_utf8_and_nul_bytes_are_refused_with_a_position()
    {
        using var dir = new TestUtil.TempDir();
        var bad = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllBytes(bad, new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28, (byte)'\n' });
        var bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag).Load(bad));
        var d = Assert.Single(bag.Items);
        Assert.Equal("DCS0003", d.Id);
        Assert.Equal(1, d.Span.Line);

        var nul = Path.Combine(dir.Path, "nul.yaml");
        File.WriteAllBytes(nul, new byte[] { (byte)'a', (byte)':', 0, (byte)'\n' });
        bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag).Load(nul));
        Assert.Equal("DCS0003", Assert.Single(bag.Items).Id);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        using var dir = new TestUtil.TempDir();
        var p = Path.Combine(dir.Path, "u16.yaml");
        File.WriteAllText(p, "product:\n  name: Ä\n", new System.Text.UnicodeEncoding(false, true));
        var bag = new DiagnosticBag();
        var src = new SourceLoader(bag).Load(p);
        Assert.False(bag.HasErrors);
        Assert.Equal("Ä", ((YamlScalar)((YamlMapping)((YamlMapping)src!.Root)["product"]!)["name"]!).Value);
    }

    [Fact]
    public void Oversized_file_is_refused_before_reading()
    {
        using var dir = new TestUtil.TempDir();
        var p = dir.File("big.yaml", "a: " + new string('x', 2000) + "\n");
        var bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag, new LoaderLimits { MaxFileBytes = 1000 }).Load(p));
        Assert.Equal("DCS0006", Assert.Single(bag.Items).Id);
    }

    [Fact]
    public void Missing_file_is_a_diagnostic()
    {
        var bag = new DiagnosticBag();
        Assert.Null(new SourceLoader(bag).Load("/nonexistent/dir/statement.yaml"));
        Assert.Equal("DCS0001", Assert.Single(bag.Items).Id);
    }
}
