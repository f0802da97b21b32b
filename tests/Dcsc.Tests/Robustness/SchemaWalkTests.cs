using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Walks the bundled example statements: every mapping (and list) they contain is replaced, one at a time,
/// by a scalar; each mutation must fail with exactly one DCS0050 at the line of that key.
/// Paths are taken once per schema location (list indices folded), across all examples.
/// </summary>
[Collection(RobustnessCollection.Name)]
public class SchemaWalkTests
{
    // Whole statements only: a family member (`extends:`) needs its base beside it and is tested in Families/.
    internal static IEnumerable<string> Examples => Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml")
        .Where(p => !File.ReadLines(p).Any(l => l.StartsWith("extends:", StringComparison.Ordinal)))
        .OrderBy(p => p, StringComparer.Ordinal);

    internal static YamlNode LoadExample(string path)
    {
        var bag = new DiagnosticBag();
        var src = new SourceLoader(bag).Load(path);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return src!.Root;
    }

    /// <summary>Every collection node below the root with its path (<c>a.b[2].c</c>) and schema path (<c>a.b[*].c</c>).</summary>
    internal static IEnumerable<(YamlNode Node, string Path, string SchemaPath)> Collections(YamlNode root)
    {
        var todo = new Stack<(YamlNode, string, string)>();
        todo.Push((root, "", ""));
        while (todo.Count > 0)
        {
            var (node, path, schemaPath) = todo.Pop();
            if (path.Length > 0 && node is YamlMapping or YamlSequence) yield return (node, path, schemaPath);
            if (node is YamlMapping m)
                foreach (var (k, v) in m.Entries.Reverse())
                    todo.Push((v, path.Length == 0 ? k.Value : path + "." + k.Value, schemaPath.Length == 0 ? k.Value : schemaPath + "." + k.Value));
            else if (node is YamlSequence q)
                for (int i = q.Items.Count - 1; i >= 0; i--)
                    todo.Push((q.Items[i], $"{path}[{i}]", schemaPath + "[*]"));
        }
    }

    [Fact]
    public void Emitted_examples_lint_clean()
    {
        using var box = new Sandbox();
        foreach (var example in Examples)
        {
            var (text, _) = YamlEmitter.Emit(LoadExample(example));
            var file = box.Write(Path.GetFileName(example), text);
            var r = Sandbox.Run("lint", file);
            Assert.True(r.Code == 0, r.ToString());
        }
    }

    private static readonly System.Text.RegularExpressions.Regex ValueOrMapping = new(
        @"association\.(max_pdu_length|artim_timeout|dimse_timeout|network_timeout|idle_timeout|max_associations_initiator|max_associations_acceptor|max_async_operations|port|max_server_connections)$");

    [Fact]
    public void A_scalar_where_a_mapping_or_list_is_expected_is_one_type_error_at_its_line()
    {
        // Mutations at the same depth never contain one another, so one run checks all of a depth at once:
        // each must give exactly its own DCS0050, at its own line, and nothing else.
        using var box = new Sandbox();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        int mappings = 0, lists = 0, runs = 0;
        foreach (var example in Examples)
        {
            var root = LoadExample(example);
            var fresh = Collections(root).Where(c => seen.Add(c.SchemaPath)).ToList();
            foreach (var batch in fresh.GroupBy(c => c.SchemaPath.Count(ch => ch is '.' or '[')))
            {
                var subs = new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance);
                foreach (var c in batch) subs[c.Node] = YamlEmitter.Plain("oops");
                var (text, lines) = YamlEmitter.Emit(root, n => subs.TryGetValue(n, out var o) ? o : n);
                var file = box.Write("mutated.yaml", text);
                var r = Sandbox.Run("lint", file);
                runs++;
                Sandbox.AssertBudget(r);
                Sandbox.AssertNoStackTrace(r);
                var actual = r.Out.TrimEnd('\n').Split('\n').Where(l => l.Length > 0).Select(l => l.Replace(file, "F")).ToHashSet();
                foreach (var (node, path, _) in batch)
                {
                    if (node is YamlMapping) mappings++; else lists++;
                    var found = node is YamlMapping ? "must be a mapping of keys to values; found `oops`" : "must be a list; found `oops`";
                    var line = lines[subs[node]];
                    // A parameter written as a value or as a mapping (`port: 104` or `port: { value: 104, … }`): the
                    // scalar is checked as a value (a duration is any text, so it may be valid).
                    if (node is YamlMapping && ValueOrMapping.IsMatch(path))
                    {
                        var hit = actual.FirstOrDefault(l => l.StartsWith($"F({line},", StringComparison.Ordinal) && l.Contains($"`{path}`", StringComparison.Ordinal));
                        if (hit is not null) actual.Remove(hit);
                        continue;
                    }
                    var expected = actual.FirstOrDefault(l => l.StartsWith($"F({line},", StringComparison.Ordinal)
                        && (l.EndsWith($": error DCS0050: `{path}` {found}", StringComparison.Ordinal)
                            // A list that may also be written as one value ("a value or a list of them"): the value is checked.
                            || (node is YamlSequence && l.Contains($": error DCS0053: `{path}` must be one of ", StringComparison.Ordinal)
                                && l.EndsWith(" (or a list of them); found `oops`", StringComparison.Ordinal))));
                    if (expected is null) failures.Add($"{Path.GetFileName(example)} {path} (line {line}): no DCS0050 there");
                    else actual.Remove(expected);
                }
                failures.AddRange(actual.Select(l => $"{Path.GetFileName(example)}: unexpected {l}"));
            }
        }
        Assert.True(mappings > 50 && lists > 30, $"walked only {mappings} mappings and {lists} lists");
        Assert.True(failures.Count == 0, $"{failures.Count} problems in {mappings} mappings and {lists} lists ({runs} runs):\n" + string.Join("\n", failures.Take(40)));
    }
}
