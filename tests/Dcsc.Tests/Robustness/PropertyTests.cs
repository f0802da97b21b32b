using System.Text;
using Dcsc.Cli;
using Dcsc.Render.Docx;
using Dcsc.Render.Html;
using Dcsc.Source;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Property-based tests (FsCheck.Xunit <c>[Property]</c>, fixed seed, bounded counts so CI is fast and deterministic):
/// valid statements with arbitrary author text always pass and render safely; random mutations of valid
/// statements only ever produce diagnostics, never an internal error.
/// </summary>
[Collection(RobustnessCollection.Name)]
public sealed class PropertyTests : IDisposable
{
    /// <summary>The fixed replay seed (seed, gamma) of every property here: the same cases on every run.</summary>
    private const string Replay = "(104375697285158,11400714819323198485)";
    private const ulong Seed = 0x5EED_DC5C_2026UL, Gamma = 0x9E37_79B9_7F4A_7C15UL;

    // A property runs after its method returns, so the folder its cases write to lives as long as the test.
    private readonly Sandbox _box = new();

    public void Dispose() => _box.Dispose();

    private static FsCheck.Config Config(int tests) => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithReplay(Seed, Gamma).WithQuietOnSuccess(true);

    private static readonly Lazy<(string Name, YamlNode Root, string Text)[]> ExamplesLazy = new(() =>
        SchemaWalkTests.Examples.Select(p =>
        {
            var root = SchemaWalkTests.LoadExample(p);
            return (Path.GetFileName(p), root, YamlEmitter.Emit(root).Text);
        }).ToArray());

    private static (string Name, YamlNode Root, string Text)[] Examples => ExamplesLazy.Value;

    // ---------------------------------------------------------------- author text

    private static readonly string[] HostilePieces =
    {
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onclick=\"x()\">b</b>", "<a href=\"javascript:alert(1)\">a</a>",
        "[js](javascript:alert(1))", "[ok](https://example.com)", "![i](https://evil.example/x.png)", "<javascript:alert(1)>",
        "<!-- dcsc:table {\"id\":\"x\"} -->", "<!-- dcsc:/toc -->", "<style>*{}</style>", "&lt;", "&#0;", "&#x1;", "\\",
        "*", "**", "_", "~~", "`", "```", "|", "| a | b |\n| --- | --- |\n| c | d |", "# 9 Heading", "\n\n", "\n- item", "\n> quote",
        "\u0000", "\u0001", "\u0008", "\u000B", "\u001F", "\u007F", "\u0085", "\u009F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF",
        "\U0001F600", "é", "ß", "中文", "\u200B", "\u202E", "\r", "\r\n", "\t", "\"", "'", ":", "#", "{", "}", "[", "]", "&a", "*a", "!include x",
    };

    private static Gen<string> AuthorText =>
        Gen.OneOf(
                Gen.Elements(HostilePieces),
                Gen.Elements("word", "Text", "DICOM", "1.2.840", " ", ". "),
                Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()))
            .ListOf()
            .Select(parts => string.Concat(parts));

    private static readonly HashSet<string> TextKeys = new(StringComparer.Ordinal)
    {
        "description", "text", "comment", "remarks", "audience", "definition", "meaning", "change",
    };

    /// <summary>The text-valued scalars (descriptions, narrative, comments) of a statement: free text in the schema.</summary>
    private static List<YamlScalar> TextScalars(YamlNode root)
    {
        var result = new List<YamlScalar>();
        var todo = new Stack<YamlNode>();
        todo.Push(root);
        while (todo.Count > 0)
        {
            var n = todo.Pop();
            if (n is YamlMapping m)
                foreach (var (k, v) in m.Entries)
                {
                    if (v is YamlScalar s && TextKeys.Contains(k.Value)) result.Add(s);
                    else todo.Push(v);
                }
            else if (n is YamlSequence q) foreach (var i in q.Items) todo.Push(i);
        }
        return result;
    }

    [Property(MaxTest = 40, Replay = Replay, QuietOnSuccess = true)]
    public Property Valid_statements_with_arbitrary_author_text_lint_clean()
    {
        // Random example, random text in up to 10 of its free-text fields: always valid (exit 0).
        var gen = from example in Gen.Choose(0, Examples.Length - 1)
                  from texts in AuthorText.ListOf()
                  from picks in Gen.Choose(0, 10_000).ListOf()
                  select (example, texts.Take(10).ToArray(), picks.ToArray());
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (ex, texts, picks) = t;
            var (name, root, _) = Examples[ex];
            var targets = TextScalars(root);
            var subs = new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < Math.Min(texts.Length, picks.Length); i++)
                subs[targets[picks[i] % targets.Count]] = new YamlScalar(default, texts[i], isPlain: false);
            var (text, _) = YamlEmitter.Emit(root, n => subs.TryGetValue(n, out var s) ? s : n);
            var file = _box.Write(name, text);
            var r = Sandbox.Run("lint", file);
            Sandbox.AssertBudget(r);
            Assert.True(r.Code == 0, r.ToString());
        });
    }

    [Property(MaxTest = 300, Replay = Replay, QuietOnSuccess = true)]
    public Property Arbitrary_author_markdown_renders_to_safe_html()
    {
        return Prop.ForAll(AuthorText.ListOf().ToArbitrary(), parts =>
        {
            var md = "# 1 Title\n\n" + string.Join("\n\n", parts) + "\n";
            string html;
            try { html = HtmlRenderer.Render(md); }
            catch (FormatException) { return; } // unbalanced dcsc markers in the text: a diagnostic in a build
            ContentTests.AssertNoAuthorMarkup(html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Property(MaxTest = 40, Replay = Replay, QuietOnSuccess = true)]
    public Property Arbitrary_author_markdown_renders_to_valid_docx()
    {
        return Prop.ForAll(AuthorText.ListOf().ToArbitrary(), parts =>
        {
            var md = "# 1 Title\n\n" + string.Join("\n\n", parts) + "\n\n| A | B |\n| --- | --- |\n| " + string.Join(" ", parts).Replace("\n", " ").Replace("|", "\\|") + " | x |\n";
            byte[] docx;
            try { docx = DocxRenderer.Render(md); }
            catch (FormatException) { return; }
            ContentTests.AssertValidDocx(docx);
        });
    }

    // ---------------------------------------------------------------- mutations

    private enum Mutation { DeleteLine, Truncate, FlipByte, InsertPiece, ToScalar, ToList, ToMapping, DuplicateLine, SwapLines }

    private static byte[] Mutate(string text, YamlNode root, IReadOnlyList<(Mutation Kind, int A, int B)> ops)
    {
        // Tree mutations first (swapped types), then text and byte mutations.
        var nodes = new List<YamlNode>();
        var todo = new Stack<YamlNode>();
        todo.Push(root);
        while (todo.Count > 0)
        {
            var n = todo.Pop();
            nodes.Add(n);
            if (n is YamlMapping m) foreach (var e in m.Entries) todo.Push(e.Value);
            else if (n is YamlSequence q) foreach (var i in q.Items) todo.Push(i);
        }
        var subs = new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance);
        var none = default(Dcsc.Diagnostics.SourceSpan);
        foreach (var (kind, a, _) in ops)
        {
            var target = nodes[a % nodes.Count];
            switch (kind)
            {
                case Mutation.ToScalar: subs[target] = YamlEmitter.Plain(a % 3 == 0 ? "123" : a % 3 == 1 ? "true" : "x"); break;
                case Mutation.ToList: subs[target] = new YamlSequence(none, new YamlNode[] { YamlEmitter.Plain("x") }); break;
                case Mutation.ToMapping: subs[target] = new YamlMapping(none, new[] { KeyValuePair.Create(YamlEmitter.Plain("k"), (YamlNode)YamlEmitter.Plain("v")) }); break;
            }
        }
        if (subs.Count > 0) text = YamlEmitter.Emit(root, n => subs.TryGetValue(n, out var s) ? s : n).Text;

        var lines = text.Split('\n').ToList();
        foreach (var (kind, a, b) in ops)
        {
            if (lines.Count == 0) break;
            int i = a % lines.Count, j = b % lines.Count;
            switch (kind)
            {
                case Mutation.DeleteLine: lines.RemoveAt(i); break;
                case Mutation.DuplicateLine: lines.Insert(j, lines[i]); break;
                case Mutation.SwapLines: (lines[i], lines[j]) = (lines[j], lines[i]); break;
                case Mutation.InsertPiece:
                    var piece = HostilePieces[b % HostilePieces.Length];
                    var l = lines[i];
                    lines[i] = l.Insert(l.Length == 0 ? 0 : b % l.Length, piece);
                    break;
            }
        }
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        foreach (var (kind, a, b) in ops)
        {
            if (bytes.Length == 0) break;
            if (kind == Mutation.FlipByte) bytes[a % bytes.Length] ^= (byte)(1 + b % 255);
            if (kind == Mutation.Truncate) bytes = bytes[..(a % bytes.Length)];
        }
        return bytes;
    }

    // A [Fact] that checks the property itself (same seed as the others): besides every case, it asserts a
    // statistic over the whole run (enough mutations are refused), which a [Property] method cannot.
    [Fact]
    public void Mutated_statements_give_diagnostics_never_an_internal_error()
    {
        var op = from kind in Gen.Elements(Enum.GetValues<Mutation>())
                 from a in Gen.Choose(0, int.MaxValue)
                 from b in Gen.Choose(0, int.MaxValue)
                 select (kind, a, b);
        var gen = from example in Gen.Choose(0, Examples.Length - 1)
                  from ops in op.NonEmptyListOf()
                  select (example, ops.Take(6).ToArray());
        var box = _box;
        var other = Path.Combine(TestUtil.Repo("examples"), Examples[0].Name);
        int clean = 0, failed = 0;
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (ex, ops) = t;
            var (name, root, text) = Examples[ex];
            var file = box.Write("mutated-" + name, Mutate(text, root, ops));
            foreach (var args in new[] { new[] { "lint", file }, new[] { "lint", "--format", "json", file }, new[] { "lint", "--format", "github", file },
                         new[] { "lint", "--format", "sarif", file }, new[] { "match", file, other } })
            {
                var r = Sandbox.Run(args);
                Sandbox.AssertBudget(r);
                Sandbox.AssertNoStackTrace(r);
                Assert.True(r.Code is CommandLine.Ok or CommandLine.InputErrors, r.ToString());
                if (args is [_, _, "github", _])
                    Assert.All(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("::", l));
                if (args is [_, _, "json" or "sarif", _])
                    System.Text.Json.JsonDocument.Parse(r.Out).Dispose();
                if (args[0] == "lint" && args.Length == 2)
                {
                    if (r.Code == 0) clean++;
                    else
                    {
                        failed++;
                        // Every error names the mutated file with a position, or the file alone.
                        foreach (var line in r.Out.TrimEnd('\n').Split('\n'))
                            Assert.StartsWith(file, line);
                    }
                }
            }
        }).Check(Config(120));
        Assert.True(failed > 50, $"only {failed} of {clean + failed} mutations were refused: the mutations are too weak");
    }
}
