using System.Text;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Hostile and broken YAML through <c>dcsc lint</c>: each case names the exact diagnostic, file and line, and
/// (through <see cref="Sandbox.RunChecked"/>) finishes in budget, prints no stack trace and writes nothing.
/// </summary>
[Collection(RobustnessCollection.Name)]
public class YamlCorpusTests
{
    [Theory]
    [InlineData("empty.yaml", "DCS0011", 1)]
    [InlineData("comment-only.yaml", "DCS0011", 1)]
    [InlineData("billion-laughs.yaml", "DCS0004", 8)]
    [InlineData("tabs.yaml", "DCS0002", 3)]
    [InlineData("duplicate-keys.yaml", "DCS0007", 5)]
    [InlineData("huge-number.yaml", "DCS0055", 6)]
    [InlineData("python-tag.yaml", "DCS0013", 1)]
    [InlineData("two-documents.yaml", "DCS0012", 3)]
    [InlineData("mapping-key.yaml", "DCS0002", 2)]
    [InlineData("unclosed-flow.yaml", "DCS0002", 1)]
    [InlineData("undefined-alias.yaml", "DCS0002", 1)]
    public void Corpus_file_is_refused_with_one_diagnostic(string name, string id, int line)
    {
        using var box = new Sandbox();
        var file = box.Corpus(name);
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, id, file, line);
        Assert.True(r.Out.TrimEnd('\n').Split('\n').Length == 1, r.ToString());
    }

    /// <summary>The line of the value appended after <see cref="Minimal.Yaml"/>, a blank line and <c>association:</c>.</summary>
    private static readonly int PortLine = Minimal.Yaml.Split('\n').Length + 2;

    [Theory]
    [InlineData("99999999999999999999999999", "must be at most 65535")]
    [InlineData("-99999999999999999999999999", "must be at least 1")]
    [InlineData("1e400", "must be a whole number")]
    [InlineData("0x10", "must be a whole number")]
    [InlineData(".nan", "must be a whole number")]
    public void Huge_and_odd_numbers_get_one_diagnostic(string value, string message)
    {
        using var box = new Sandbox();
        var file = box.Write("n.yaml", Minimal.Yaml + "\nassociation:\n  port: " + value + "\n");
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, message.Contains("whole") ? "DCS0050" : "DCS0055", file, PortLine, 9);
        Assert.Contains(message, r.Out);
        Assert.True(r.Out.TrimEnd('\n').Split('\n').Length == 1, r.ToString());
    }

    [Fact]
    public void Huge_number_without_a_schema_maximum_is_out_of_range()
    {
        using var box = new Sandbox();
        var file = box.Write("n.yaml", Minimal.Yaml + "\nassociation:\n  max_pdu_length: 123456789012345678901234567890123456789012345678901234567890\n");
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0055", file, PortLine, 19);
        Assert.Contains("must be at most 9223372036854775807", r.Out);
    }

    [Fact]
    public void Author_text_cannot_forge_diagnostic_lines_or_workflow_commands()
    {
        using var box = new Sandbox();
        var file = box.Corpus("forged-lines.yaml");
        var text = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(text, "DCS0051", file, 6, 3);
        Assert.Single(text.Out.TrimEnd('\n').Split('\n'));
        Assert.Contains("unknown key `x\\n::warning file=a.yaml::pwned\\nforged.yaml(1,1)", text.Out);

        var github = box.RunChecked("lint", "--format", "github", file);
        Assert.Equal(1, github.Code);
        var lines = github.Out.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("::error file=", lines[0]);

        var markdown = box.RunChecked("lint", "--format", "markdown", file);
        Assert.Equal(1, markdown.Code);
        Assert.DoesNotContain("\nforged", markdown.Out);
        Assert.DoesNotContain("\n::warning", markdown.Out);
    }

    [Fact]
    public void Json_format_carries_the_same_diagnostic()
    {
        using var box = new Sandbox();
        var file = box.Corpus("billion-laughs.yaml");
        var r = box.RunChecked("lint", "--format", "json", file);
        Assert.Equal(1, r.Code);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var d = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DCS0004", d.GetProperty("id").GetString());
        Assert.Equal(file, d.GetProperty("file").GetString());
    }

    [Theory]
    [InlineData('[', ']', 1, 65)]
    [InlineData('{', '}', 1, 65)]
    public void Ten_thousand_deep_flow_nesting_is_refused(char open, char close, int line, int column)
    {
        using var box = new Sandbox();
        var text = "product: " + new string(open, 10_000) + new string(close, 10_000) + "\n";
        if (open == '{') text = "product: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "x" + new string('}', 10_000) + "\n";
        var file = box.Write("deep.yaml", text);
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0005", file, line);
        Assert.Contains("deeper than 64 levels", r.Out);
        _ = column;
    }

    [Fact]
    public void Ten_thousand_deep_block_nesting_is_refused()
    {
        // Compact block sequences ("- - - x") nest 10,000 deep in 20 KB.
        using var box = new Sandbox();
        var file = box.Write("deep.yaml", "product:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n");
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0005", file, 2, 127);
    }

    [Fact]
    public void Thousand_deep_indented_mappings_are_refused()
    {
        using var box = new Sandbox();
        var sb = new StringBuilder();
        for (int i = 0; i < 1_000; i++) sb.Append(' ', i).Append("k:\n");
        var file = box.Write("deep.yaml", sb.ToString());
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0005", file, 65, 65);
    }

    [Fact]
    public void Nesting_built_from_aliases_is_limited_like_written_nesting()
    {
        // Each anchor nests 60 levels and ends in the previous anchor: 200 of them would be 12,000 levels
        // deep after expansion, with only ~12,000 nodes (far below the alias expansion limit).
        using var box = new Sandbox();
        var sb = new StringBuilder("product:\n");
        for (int i = 0; i < 200; i++)
        {
            sb.Append("  a").Append(i).Append(": &a").Append(i).Append(' ');
            sb.Append(new string('[', 60));
            sb.Append(i == 0 ? "x" : "*a" + (i - 1));
            sb.Append(new string(']', 60)).Append('\n');
        }
        var file = box.Write("alias-depth.yaml", sb.ToString());
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0005", file, 3);
    }

    [Fact]
    public void File_above_the_size_limit_is_refused_without_reading_it()
    {
        using var box = new Sandbox();
        var file = Path.Combine(box.Project, "huge.yaml");
        using (var fs = File.Create(file)) fs.SetLength(50L * 1024 * 1024); // sparse: no 50 MB written
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0006", file, null);
        Assert.Contains("52,428,800 bytes; the limit is 2,097,152 bytes", r.Out);
        Assert.True(r.AllocatedBytes < 20L * 1024 * 1024, $"read the file? {r.AllocatedBytes:N0} bytes allocated");
    }

    [Fact]
    public void File_just_below_the_size_limit_is_read_within_budget()
    {
        // 2 MiB of real YAML (one long text value): read, parsed and schema-checked in budget.
        using var box = new Sandbox();
        var body = new string('x', (int)Dcsc.Source.LoaderLimits.Default.MaxFileBytes - Minimal.Yaml.Length - 100);
        var file = box.Write("big.yaml", Minimal.Yaml.Replace("description: A test product.", "description: \"" + body + "\"") + "\n");
        Assert.True(new FileInfo(file).Length < Dcsc.Source.LoaderLimits.Default.MaxFileBytes);
        var r = box.RunChecked("lint", file);
        Assert.True(r.Code == 0, r.ToString()[..Math.Min(3000, r.ToString().Length)]);
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_and_line()
    {
        using var box = new Sandbox();
        var bytes = Encoding.UTF8.GetBytes("product:\n  name: Acme\n  version: \"1.0\"\n  description: caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        var file = box.Write("latin1.yaml", bytes);
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0003", file, 4, 19);
        Assert.Contains("byte 0xE9", r.Out);
    }

    [Fact]
    public void Utf16_with_bom_is_accepted_and_positions_are_in_characters()
    {
        using var box = new Sandbox();
        var ok = box.Write("u16le.yaml", new UnicodeEncoding(false, true).GetPreamble().Concat(new UnicodeEncoding(false, false).GetBytes(Minimal.Yaml)).ToArray());
        Assert.Equal(0, box.RunChecked("lint", ok).Code);
        var bad = box.Write("u16be.yaml", new UnicodeEncoding(true, true).GetPreamble().Concat(new UnicodeEncoding(true, false).GetBytes(Minimal.Yaml.Replace("create: S", "create: X"))).ToArray());
        var r = box.RunChecked("lint", bad);
        Sandbox.AssertDiagnostic(r, "DCS0053", bad, 22, 13);
    }

    [Fact]
    public void Utf16_without_bom_is_refused_as_binary()
    {
        using var box = new Sandbox();
        var file = box.Write("u16.yaml", new UnicodeEncoding(false, false).GetBytes(Minimal.Yaml));
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0003", file, 1, 2);
    }

    [Fact]
    public void Nul_byte_is_refused_at_its_position()
    {
        using var box = new Sandbox();
        var file = box.Write("nul.yaml", Encoding.UTF8.GetBytes("product:\n  name: Ac\0me\n"));
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0003", file, 2, 11);
        Assert.Contains("NUL", r.Out);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Binary_garbage_is_refused(int seed)
    {
        using var box = new Sandbox();
        var bytes = new byte[64 * 1024];
        new Random(seed).NextBytes(bytes);
        var file = box.Write("garbage.bin", bytes);
        var r = box.RunChecked("lint", file);
        Sandbox.AssertDiagnostic(r, "DCS0003", file, Sandbox.AnyLine);
    }

    [Fact]
    public void Control_characters_in_text_are_accepted_by_lint()
    {
        // Controls other than NUL are legal YAML when escaped; they are removed when rendering (ContentTests).
        using var box = new Sandbox();
        var file = box.Write("ctl.yaml", Minimal.Yaml.Replace("description: A test product.", "description: \"bell\\a esc\\e vt\\v del\\x7F c1\\x85\\u0080 \\uFFFE\""));
        var r = box.RunChecked("lint", file);
        Assert.True(r.Code == 0, r.ToString());
    }

    [Fact]
    public void Heavy_inputs_stay_inside_a_hard_300_MB_heap_in_a_child_process()
    {
        // The in-process checks measure allocation; this one enforces the bound: the child's GC heap is capped.
        using var box = new Sandbox();
        var bomb = box.Corpus("billion-laughs.yaml");
        var deep = box.Write("deep.yaml", "product:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n");
        var huge = Path.Combine(box.Project, "huge.yaml");
        using (var fs = File.Create(huge)) fs.SetLength(50L * 1024 * 1024);
        var r = ChildProcess.Run(new[] { "lint", bomb, deep, huge });
        Assert.True(r.Code == 1, r.ToString());
        Sandbox.AssertNoStackTrace(r);
        Assert.Contains($"{bomb}(8,", r.Out);
        Assert.Contains($"{deep}(2,", r.Out);
        Assert.Contains($"{huge}: error DCS0006", r.Out);
    }
}
