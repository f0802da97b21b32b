using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Schema;
using Dcsc.Source;

namespace Dcsc.Tests.Schema;

/// <summary>
/// The schema stage validates against the full schema pruned to the keys a statement uses (SchemaPruning, for speed:
/// docs/performance.md). These tests hold it to giving exactly the diagnostics of the full schema.
/// </summary>
public class SchemaPruningTests
{
    private static string Render(IEnumerable<Diagnostic> ds) =>
        string.Join("\n", ds.Select(d => $"{d.Id} {d.Span.Line}:{d.Span.Column} {d.Message}"));

    /// <summary>Diagnostics against the pruned and the full schema; null when the YAML itself does not load.</summary>
    private static (string Pruned, string Full)? BothWays(string yaml, string file = "statement.yaml")
    {
        var bag = new DiagnosticBag();
        var source = new SourceLoader(bag).LoadText(file, yaml, Path.GetDirectoryName(file) is { Length: > 0 } dir ? dir : null);
        if (source is null) return null;
        var pruned = new DiagnosticBag();
        SchemaValidator.ValidateAgainst(SchemaValidator.SchemaFor(source!.Root), source, pruned);
        var full = new DiagnosticBag();
        SchemaValidator.ValidateAgainst(SchemaValidator.Schema, source, full);
        return (Render(pruned.Sorted()), Render(full.Sorted()));
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Order(StringComparer.Ordinal))
            if (!File.ReadAllText(f).Contains("\nextends:", StringComparison.Ordinal) && !File.ReadAllText(f).StartsWith("extends:", StringComparison.Ordinal))
                data.Add(Path.GetFileName(f));
        return data;
    }

    private static readonly Regex KeyValueLine = new(@"^(?<indent>\s*(?:- )?)(?<key>[a-z_]+):(?<rest> .+)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Every example as it is, and mutated at evenly spaced `key: value` lines (a misspelt key; a value of the wrong
    /// kind), in used sections, definitions and top-level keys alike: the same diagnostics either way.
    /// </summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Pruned_schema_reports_what_the_full_schema_reports(string example)
    {
        var path = TestUtil.Repo("examples", example);
        var text = File.ReadAllText(path);
        var (pruned, full) = BothWays(text, path) ?? throw new InvalidOperationException($"{example} does not load");
        Assert.Equal(full, pruned);
        Assert.Equal("", pruned); // the examples are valid

        var lines = text.Split('\n');
        var candidates = Enumerable.Range(0, lines.Length).Where(i => KeyValueLine.IsMatch(lines[i]) && !lines[i].TrimEnd().EndsWith('|') && !lines[i].TrimEnd().EndsWith('>')).ToList();
        int mutations = 0;
        for (int k = 0; k < candidates.Count; k += Math.Max(1, candidates.Count / 6))
        {
            int i = candidates[k];
            var m = KeyValueLine.Match(lines[i]);
            foreach (var replacement in new[]
            {
                $"{m.Groups["indent"].Value}{m.Groups["key"].Value}x:{m.Groups["rest"].Value}",
                $"{m.Groups["indent"].Value}{m.Groups["key"].Value}: [1, {{a: 2}}]",
            })
            {
                var mutated = (string[])lines.Clone();
                mutated[i] = replacement;
                if (BothWays(string.Join('\n', mutated), path) is not var (p, f)) continue; // not YAML any more
                Assert.Equal(f, p);
                Assert.NotEqual("", p); // the mutation is an error, so the comparison compared something
                mutations++;
            }
        }
        Assert.True(mutations >= 8, $"only {mutations} mutations of {example}");
    }

    [Fact]
    public void A_misspelt_section_key_is_reported_with_its_suggestion_as_before()
    {
        var yaml = Minimal.Yaml + "\nsections:\n  intro_audence:\n    text: For reviewers.\n";
        var (pruned, full) = BothWays(yaml)!.Value;
        Assert.Equal(full, pruned);
        Assert.Contains("DCS0051", pruned);
        Assert.Contains("did you mean `intro_audience`?", pruned);
    }

    /// <summary>Errors inside the properties every section has read as against the full schema.</summary>
    [Theory]
    [InlineData("na: 5")]
    [InlineData("fill: [x]")]
    [InlineData("fill: {a: [1]}")]
    [InlineData("added: [{title: 1, texts: x}]")]
    [InlineData("added_tables: [{}]")]
    [InlineData("text: {a: 1}")]
    public void Errors_in_the_shared_section_properties_read_as_against_the_full_schema(string property)
    {
        var yaml = Minimal.Yaml + "\nsections:\n  intro_remarks:\n    " + property + "\n  intro_audience:\n    text: For reviewers.\n";
        var (pruned, full) = BothWays(yaml)!.Value;
        Assert.Equal(full, pruned);
        Assert.NotEqual("", pruned);
    }

    [Fact]
    public void A_statement_is_validated_against_a_schema_of_the_keys_it_uses_only()
    {
        var full = SchemaValidator.SchemaText.Length;
        var pruning = new SchemaPruning(SchemaValidator.SchemaText);
        var (source, _) = TestUtil.Load(Minimal.Yaml + "\nsections:\n  intro_remarks:\n    text: For reviewers.\n");
        var (top, sections) = SchemaPruning.KeysOf(source!.Root);
        var text = pruning.For(top, sections);
        Assert.True(text.Length < full / 5, $"pruned schema {text.Length} of {full} characters");
        // Every property name stays (unknown keys are still unknown), and a used definition is kept.
        Assert.Contains("\"intro_audience\":{}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"intro_remarks\":{}", text, StringComparison.Ordinal);
        Assert.Contains("\"sop_class\":", text, StringComparison.Ordinal);
    }
}
