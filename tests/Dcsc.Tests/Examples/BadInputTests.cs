using Dcsc.Diagnostics;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Examples;

/// <summary>
/// Each test breaks a copy of examples/web-viewer.yaml in one place and expects exactly one diagnostic, with the right
/// id, at the line and column of the change (computed from the modified text, not hard-coded).
/// </summary>
public class BadInputTests
{
    private static readonly string Original = File.ReadAllText(TestUtil.Repo("examples", "web-viewer.yaml")).ReplaceLineEndings("\n");

    /// <summary>Replaces the single occurrence of <paramref name="find"/>; returns the new text and the 1-based
    /// line and column where <paramref name="marker"/> (a part of the replacement) starts.</summary>
    private static (string Text, int Line, int Column) Modify(string find, string replacement, string marker)
    {
        int at = Original.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"`{find}` is not in the example any more");
        Assert.Equal(-1, Original.IndexOf(find, at + 1, StringComparison.Ordinal));
        var text = Original[..at] + replacement + Original[(at + find.Length)..];
        int pos = at + replacement.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(pos >= at, "marker not in replacement");
        int line = 1 + text[..pos].Count(c => c == '\n');
        int column = pos - (text.LastIndexOf('\n', pos - 1) + 1) + 1;
        return (text, line, column);
    }

    private static Diagnostic CheckSingle(string text)
    {
        using var dir = new TestUtil.TempDir();
        var path = dir.File("web-viewer.yaml", text);
        var result = Compilation.Check(path);
        return Assert.Single(result.Diagnostics.Items);
    }

    [Fact]
    public void Wrong_type_is_DCS0050_at_the_value()
    {
        var (text, line, col) = Modify("  max_pdu_length: 65536\n", "  max_pdu_length: lots\n", "lots");
        var d = CheckSingle(text);
        Assert.Equal("DCS0050", d.Id);
        Assert.Equal((line, col), (d.Span.Line, d.Span.Column));
        Assert.Contains("association.max_pdu_length", d.Message);
    }

    [Fact]
    public void Unknown_key_is_DCS0051_at_the_key_with_a_did_you_mean_hint()
    {
        var (text, line, col) = Modify("  manufacturer: Acme Medical Systems\n", "  manufacturor: Acme Medical Systems\n", "manufacturor");
        var d = CheckSingle(text);
        Assert.Equal("DCS0051", d.Id);
        Assert.Equal((line, col), (d.Span.Line, d.Span.Column));
        Assert.Contains("did you mean `manufacturer`", d.Message);
    }

    [Fact]
    public void Missing_required_property_is_DCS0052_at_the_mapping_that_needs_it()
    {
        // Removing product.version: the diagnostic points at the product mapping (its first key, `name`).
        var (text, line, col) = Modify("  name: Acme Lumen Viewer\n  version: \"3.0\"\n", "  name: Acme Lumen Viewer\n", "name");
        var d = CheckSingle(text);
        Assert.Equal("DCS0052", d.Id);
        Assert.Equal((line, col), (d.Span.Line, d.Span.Column));
        Assert.Contains("`version`", d.Message);
    }

    [Fact]
    public void Bad_enum_value_is_DCS0053_at_the_value()
    {
        var (text, line, col) = Modify("duplicate_instances: Overwrite\n", "duplicate_instances: Replace\n", "Replace");
        var d = CheckSingle(text);
        Assert.Equal("DCS0053", d.Id);
        Assert.Equal((line, col), (d.Span.Line, d.Span.Column));
        Assert.Contains("Reject, Overwrite, Ignore", d.Message);
    }

    [Fact]
    public void Malformed_yaml_is_DCS0002_at_the_offending_colon()
    {
        // "Acme: Medical" inside a plain scalar: the scanner stops at the second ": " on the line.
        var (text, line, col) = Modify("  manufacturer: Acme Medical Systems\n", "  manufacturer: Acme: Medical Systems\n", ": Medical");
        var d = CheckSingle(text);
        Assert.Equal("DCS0002", d.Id);
        Assert.Equal((line, col), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void The_unmodified_copy_is_clean()
    {
        using var dir = new TestUtil.TempDir();
        var result = Compilation.Check(dir.File("web-viewer.yaml", Original));
        Assert.Empty(result.Diagnostics.Items);
    }
}
