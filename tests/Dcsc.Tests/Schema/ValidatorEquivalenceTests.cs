using Dcsc.Diagnostics;
using Dcsc.Schema;
using Dcsc.Source;
using NJ = NJsonSchema;
using NJV = NJsonSchema.Validation;

namespace Dcsc.Tests.Schema;

/// <summary>
/// dcsc validates with its own YAML schema validator (fast start-up; see docs/performance.md). It must give exactly
/// the errors NJsonSchema 10.7.2 gave — kind, property, path and failing schema — so that every diagnostic stays
/// the same. This compares the two on the examples and on a few hundred deterministic mutations of them.
/// </summary>
public class ValidatorEquivalenceTests
{
    private static readonly Lazy<NJ.JsonSchema> Reference = new(() => NJ.JsonSchema.FromJsonAsync(SchemaValidator.SchemaText).GetAwaiter().GetResult());

    public static IEnumerable<object[]> Documents() => new[]
    {
        new object[] { "minimal", 240 },
        new object[] { "examples/ct-modality.yaml", 40 },
        new object[] { "examples/image-archive.yaml", 40 },
        new object[] { "examples/web-viewer.yaml", 40 },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Same_errors_as_NJsonSchema_on_mutations(string document, int mutations)
    {
        var root = LoadRoot(document);
        Compare(root, document + " (unchanged)");
        var rng = new Random(document.Length * 7919 + mutations);
        var kinds = new HashSet<string>();
        int withErrors = 0;
        for (int m = 0; m < mutations; m++)
        {
            var mutated = root;
            int count = 1 + rng.Next(3);
            for (int k = 0; k < count; k++) mutated = Mutate(mutated, rng);
            var errors = Compare(mutated, $"{document} mutation {m}");
            if (errors.Count > 0) withErrors++;
            foreach (var e in errors) kinds.Add(e[..e.IndexOf('|')]);
        }
        // The mutations are worth something: many of them break the schema, in several ways.
        Assert.True(withErrors > mutations / 3, $"only {withErrors} of {mutations} mutations gave errors");
        Assert.True(kinds.Count >= 4, "error kinds seen: " + string.Join(", ", kinds));
    }

    [Fact]
    public void Same_errors_for_keys_with_special_characters_and_wrong_fill_values()
    {
        foreach (var key in new[] { "a b", "x.y", "q)", "it's", "back\\slash", "tab\tkey", "Reject/Overwrite/Ignore: Overwrite" })
        {
            var yaml = Minimal.Yaml + $"\nsections:\n  overview:\n    fill:\n      \"{key.Replace("\\", "\\\\").Replace("\t", "\\t")}\": [1]\n      ok: 2\n      nothing:\n    \"{key.Replace("\\", "\\\\").Replace("\t", "\\t")}\": 1\n";
            var (src, bag) = TestUtil.Load(yaml);
            Assert.False(bag.HasErrors);
            Compare(src!.Root, "key " + key);
        }
    }

    private static YamlNode LoadRoot(string document)
    {
        if (document == "minimal") return TestUtil.Load(Minimal.Yaml).Source!.Root;
        var bag = new DiagnosticBag();
        var source = new SourceLoader(bag).Load(TestUtil.Repo(document.Split('/')));
        Assert.False(bag.HasErrors);
        return source!.Root;
    }

    private static List<string> Compare(YamlNode root, string what)
    {
        var expected = Flatten(Reference.Value.Validate(new YamlToJson(root).Root)).Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var actual = YamlSchemaValidator.Validate(root, SchemaValidator.Schema).Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{what}:\nNJsonSchema:\n  {string.Join("\n  ", expected)}\ndcsc:\n  {string.Join("\n  ", actual)}");
        return actual;
    }

    private static IEnumerable<NJV.ValidationError> Flatten(IEnumerable<NJV.ValidationError> errors)
    {
        foreach (var e in errors)
        {
            if (e is NJV.ChildSchemaValidationError child && e.Kind is not (NJV.ValidationErrorKind.NotAnyOf or NJV.ValidationErrorKind.NotOneOf))
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(kv => kv.Value))) yield return inner;
            }
            else yield return e;
        }
    }

    private static string Describe(NJV.ValidationError e)
    {
        var s = e.Schema?.ActualSchema;
        var sig = s is null ? "-" : string.Join(",",
            s.Type.ToString(), s.Pattern ?? "", string.Join("/", s.Enumeration.Select(v => v?.ToString())), s.MinItems, s.MaxItems,
            s.MinLength?.ToString() ?? "", s.MaxLength?.ToString() ?? "", s.Minimum?.ToString() ?? "", s.Maximum?.ToString() ?? "", s.AnyOf.Count,
            string.Join("/", s.ActualProperties.Keys), s.Description ?? "");
        return $"{e.Kind}|{e.Property}|{e.Path}|{sig}";
    }

    private static string Describe(ValidationError e)
    {
        var s = e.Schema;
        var type = string.Join(", ", Enum.GetValues<NJ.JsonObjectType>().Where(t => t != NJ.JsonObjectType.None && s.Type.HasFlag((JsonObjectType)(int)t)).Select(t => t.ToString()));
        var sig = string.Join(",",
            type.Length == 0 ? "None" : type, s.Pattern ?? "", string.Join("/", s.Enumeration.Select(v => v?.ToString())), s.MinItems, s.MaxItems,
            s.MinLength?.ToString() ?? "", s.MaxLength?.ToString() ?? "", s.Minimum?.ToString() ?? "", s.Maximum?.ToString() ?? "", s.AnyOf.Count,
            string.Join("/", s.ActualProperties.Keys), s.Description ?? "");
        return $"{e.Kind}|{e.Property}|{e.Path}|{sig}";
    }

    // ------------------------------------------------------------------ mutations of a YAML tree

    private static readonly SourceSpan Here = new("m.yaml", 1, 1, 1, 1);

    private static YamlNode[] Replacements() => new YamlNode[]
    {
        Plain("42"), Plain("4.5"), Plain("-3"), Plain("0"), Plain("70000"), Plain("true"), Plain("False"), Plain(""), Plain("~"),
        Quoted("text"), Quoted(""), Plain("SX"), Plain("Y"), Plain("N"), Plain("1.2.abc"), Plain("1.2.840.10008.1.2"), Plain("99999999999999999999"),
        Plain("1e400"), Plain("1e30"), Plain("ALWAYS"), Plain("SCU"), Plain("initiator"), Quoted("1"), Plain("2"), Plain("2025-01-01"),
        new YamlMapping(Here, new[] { new KeyValuePair<YamlScalar, YamlNode>(Plain("a"), Plain("1")) }),
        new YamlMapping(Here, Array.Empty<KeyValuePair<YamlScalar, YamlNode>>()),
        new YamlSequence(Here, new YamlNode[] { Plain("x") }),
        new YamlSequence(Here, Array.Empty<YamlNode>()),
        new YamlSequence(Here, new YamlNode[] { new YamlMapping(Here, new[] { new KeyValuePair<YamlScalar, YamlNode>(Plain("name"), Plain("X")) }) }),
    };

    private static readonly string[] NewKeys = { "unknown", "a b", "x.y", "it's", "name", "uid", "na", "text", "tables", "description", "scu", "sections", "fill" };

    private static YamlScalar Plain(string v) => new(Here, v, true);
    private static YamlScalar Quoted(string v) => new(Here, v, false);

    private static int CountNodes(YamlNode n) => 1 + n switch
    {
        YamlMapping m => m.Entries.Sum(e => CountNodes(e.Value)),
        YamlSequence s => s.Items.Sum(CountNodes),
        _ => 0,
    };

    private static YamlNode Mutate(YamlNode root, Random rng)
    {
        int target = rng.Next(CountNodes(root));
        int kind = rng.Next(5);
        var replacement = Replacements()[rng.Next(Replacements().Length)];
        var newKey = NewKeys[rng.Next(NewKeys.Length)];
        int index = 0;
        YamlNode Walk(YamlNode n)
        {
            bool here = index++ == target;
            if (here)
            {
                switch (kind)
                {
                    case 0: case 1: return replacement;
                    case 2 when n is YamlMapping m && m.Entries.Count > 0: // delete an entry
                        { var i = rng.Next(m.Entries.Count); return new YamlMapping(m.Span, m.Entries.Where((_, j) => j != i).ToList()); }
                    case 3 when n is YamlMapping m && m.Entries.Count > 0: // rename a key
                        {
                            var i = rng.Next(m.Entries.Count);
                            var name = rng.Next(2) == 0 ? m.Entries[i].Key.Value + "x" : newKey;
                            if (m.Entries.Any(e => e.Key.Value == name)) return n;
                            return new YamlMapping(m.Span, m.Entries.Select((e, j) => j == i ? new KeyValuePair<YamlScalar, YamlNode>(Plain(name), e.Value) : e).ToList());
                        }
                    case 4 when n is YamlMapping m: // add a key
                        if (m.Entries.Any(e => e.Key.Value == newKey)) return n;
                        return new YamlMapping(m.Span, m.Entries.Append(new KeyValuePair<YamlScalar, YamlNode>(Plain(newKey), replacement)).ToList());
                    case 4 when n is YamlSequence s: // add an item
                        return new YamlSequence(s.Span, s.Items.Append(replacement).ToList());
                }
            }
            return n switch
            {
                YamlMapping m => new YamlMapping(m.Span, m.Entries.Select(e => new KeyValuePair<YamlScalar, YamlNode>(e.Key, Walk(e.Value))).ToList()),
                YamlSequence s => new YamlSequence(s.Span, s.Items.Select(Walk).ToList()),
                _ => n,
            };
        }
        return Walk(root);
    }
}
