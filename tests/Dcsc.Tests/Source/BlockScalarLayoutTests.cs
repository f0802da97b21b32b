using Dcsc.Pipeline;
using Dcsc.Source;

namespace Dcsc.Tests.Source;

/// <summary>Findings inside <c>|</c> and <c>&gt;</c> block scalars point at the exact line and column of the text.</summary>
public class BlockScalarLayoutTests
{
    private static (int Line, int Column) Where(string yaml, string marker)
    {
        int i = yaml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(i >= 0, "marker not found");
        int line = yaml[..i].Count(c => c == '\n') + 1;
        return (line, i - (yaml.LastIndexOf('\n', Math.Max(0, i - 1)) + 1) + 1);
    }

    private static YamlScalar Description(string yaml)
    {
        var (src, bag) = TestUtil.Load(yaml);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var product = (YamlMapping)((YamlMapping)src!.Root)["product"]!;
        return (YamlScalar)product["description"]!;
    }

    [Theory]
    [InlineData("|")]
    [InlineData("|-")]
    [InlineData("|+")]
    [InlineData(">")]
    [InlineData(">-")]
    public void Every_character_of_a_block_scalar_maps_to_its_line_and_column(string indicator)
    {
        var yaml = "product:\n  name: X\n  description: " + indicator + "\n    First line of text,\n      more indented line\n\n    last line after a blank one.\n  version: \"1\"\n";
        var scalar = Description(yaml);
        Assert.NotNull(scalar.Block);
        foreach (var word in new[] { "First", "text,", "more", "indented", "last", "one." })
        {
            int index = scalar.Value.IndexOf(word, StringComparison.Ordinal);
            var at = scalar.Block!.PositionOf(index);
            Assert.NotNull(at);
            var expected = Where(yaml, word);
            Assert.Equal(expected, (at!.Value.Line, at.Value.Column));
        }
    }

    [Fact]
    public void Folded_line_breaks_map_to_no_position()
    {
        var scalar = Description("product:\n  name: X\n  description: >\n    one\n    two\n  version: \"1\"\n");
        Assert.Equal("one two\n", scalar.Value);
        Assert.Null(scalar.Block!.PositionOf(3)); // the space that replaces the line break
        Assert.Equal(5, scalar.Block.PositionOf(4)!.Value.Line);
    }

    [Fact]
    public void Plain_and_quoted_scalars_have_no_block_layout()
    {
        Assert.Null(Description("product:\n  name: X\n  description: plain text\n  version: \"1\"\n").Block);
        Assert.Null(Description("product:\n  name: X\n  description: \"quoted\n    text\"\n  version: \"1\"\n").Block);
    }

    [Fact]
    public void Block_scalar_with_crlf_line_ends_maps_exactly()
    {
        var yaml = "product:\r\n  name: X\r\n  description: |\r\n    alpha\r\n    beta gamma\r\n  version: \"1\"\r\n";
        var scalar = Description(yaml);
        var at = scalar.Block!.PositionOf(scalar.Value.IndexOf("gamma", StringComparison.Ordinal));
        Assert.Equal((5, 10), (at!.Value.Line, at.Value.Column));
    }

    [Theory]
    [InlineData("|")]
    [InlineData(">")]
    public void A_narrative_finding_in_a_block_scalar_is_reported_at_its_exact_column(string indicator)
    {
        var yaml = Minimal.Yaml.Replace("    description: Sends images.\n",
            "    description: " + indicator + "\n      Sends images; the AE reads\n        Patient ID (0010,0010) from the worklist.\n");
        var r = Compilation.LintText("statement.yaml", yaml);
        var d = Assert.Single(r.Diagnostics.Items, x => x.Id == "DCS0603");
        Assert.Equal(Where(yaml, "(0010,0010) from"), (d.Span.Line, d.Span.Column));
    }
}
