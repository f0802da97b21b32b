using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dcsc.Tests.Codebase;

/// <summary>
/// A key typed wrong in the binder or the layout would silently read as absent: every key ModelBinder reads is a
/// property of the schema, and every section, table or column key (or repeat kind) the layout switches on is in the template.
/// </summary>
public class KeyConsistencyTests
{
    private static HashSet<string> TemplateKeys(string path)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    // Section, table and column keys, and the repeat kinds (ae, activity, iod, …) a section repeats over.
                    if (p.Name is "key" or "repeat" && p.Value.ValueKind == JsonValueKind.String) keys.Add(p.Value.GetString()!);
                    Walk(p.Value);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var i in e.EnumerateArray()) Walk(i);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        Walk(doc.RootElement);
        return keys;
    }

    /// <summary>Names of schema properties (the keys of every <c>properties</c> object).</summary>
    private static HashSet<string> SchemaProperties()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "properties" && p.Value.ValueKind == JsonValueKind.Object)
                        foreach (var q in p.Value.EnumerateObject()) names.Add(q.Name);
                    Walk(p.Value);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var i in e.EnumerateArray()) Walk(i);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(TestUtil.Repo("schema", "dcsc.schema.json")));
        Walk(doc.RootElement);
        return names;
    }

    [Fact]
    public void Every_key_the_binder_reads_is_a_schema_property()
    {
        var binder = File.ReadAllText(TestUtil.Repo("src", "Dcsc.Core", "Model", "ModelBinder.cs"));
        var read = Regex.Matches(binder, @"\.(?:Str|Opt|Map|List|Strings|Bool|Long|Has|Node)\(""([a-z][a-z0-9_]*)""")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(read.Count > 100, $"only {read.Count} keys found: has the binder's reader changed its method names?");
        var schema = SchemaProperties();
        Assert.Empty(read.Where(k => !schema.Contains(k)).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_section_or_table_key_the_layout_switches_on_is_a_template_key()
    {
        var template = TemplateKeys(TestUtil.Repo("src", "Dcsc.Core", "Layout", "Data", "template.json"));
        var layout = Directory.GetFiles(TestUtil.Repo("src", "Dcsc.Core", "Layout"), "*.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"case ""([a-z][a-z0-9_]*)""(?:\s+or\s+""([a-z][a-z0-9_]*)"")*").SelectMany(m =>
                m.Groups.Cast<Group>().Skip(1).SelectMany(g => g.Captures.Select(c => c.Value))))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(layout.Count > 20, $"only {layout.Count} case labels found");
        Assert.Empty(layout.Where(k => !template.Contains(k)).OrderBy(k => k, StringComparer.Ordinal));
    }
}
