using BenchmarkDotNet.Attributes;
using Dcsc.Bench;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Pipeline;
using Dcsc.Render.Docx;
using Dcsc.Render.Html;
using Dcsc.Render.Md;
using Dcsc.Rules;
using Dcsc.Schema;
using Dcsc.Source;

namespace Dcsc.Benchmarks;

/// <summary>
/// Each pipeline stage on the large benchmark statement (bench/Dcsc.Bench.Generator), with its input prepared once:
/// load (YAML → nodes), schema, model, rules, layout, Markdown, HTML, DOCX; and lint and build end to end.
/// Scales: environment variable DCSC_BENCH_SCALES (default "1"; e.g. "1 2 4").
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    public static IEnumerable<int> Scales() =>
        (Environment.GetEnvironmentVariable("DCSC_BENCH_SCALES") ?? "1").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    [ParamsSource(nameof(Scales))]
    public int Scale { get; set; }

    private string _path = "";
    private string _yaml = "";
    private LoadedSource _source = null!;
    private Statement _statement = null!;
    private LaidOutDocument _document = null!;
    private string _markdown = "";

    [GlobalSetup]
    public void Setup()
    {
        _yaml = LargeStatement.Generate(Scale);
        _path = Path.Combine(Path.GetTempPath(), $"dcsc-bench-x{Scale}-{Environment.ProcessId}.yaml");
        File.WriteAllText(_path, _yaml);
        var bag = new DiagnosticBag();
        _source = new SourceLoader(bag).LoadText("large.yaml", _yaml) ?? throw new InvalidOperationException("the statement does not load");
        if (!SchemaValidator.Validate(_source, bag)) throw new InvalidOperationException("the statement has schema errors");
        _statement = ModelBinder.Bind(_source);
        _document = StatementLayout.Layout(_statement);
        _markdown = MarkdownRenderer.Render(_document).Markdown ?? throw new InvalidOperationException("no Markdown");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public LoadedSource? Load() => new SourceLoader(new DiagnosticBag()).LoadText("large.yaml", _yaml);

    [Benchmark]
    public bool Schema() => SchemaValidator.Validate(_source, new DiagnosticBag());

    [Benchmark]
    public Statement Model() => ModelBinder.Bind(_source);

    [Benchmark]
    public IReadOnlyList<Diagnostic> Rules() => RuleRunner.Run(_statement, RuleOptions.Default);

    [Benchmark]
    public LaidOutDocument Layout() => StatementLayout.Layout(_statement);

    [Benchmark]
    public string? Markdown() => MarkdownRenderer.Render(_document).Markdown;

    [Benchmark]
    public string Html() => HtmlRenderer.Render(_markdown);

    [Benchmark]
    public byte[] Docx() => DocxRenderer.Render(_markdown);

    /// <summary><c>dcsc lint</c> without process start-up: load, schema, model, rules.</summary>
    [Benchmark]
    public CheckResult Lint() => Compilation.Check(_path);

    /// <summary><c>dcsc build --format md,html,docx</c> without process start-up and file writing.</summary>
    [Benchmark]
    public BuildResult Build() => Dcsc.Pipeline.Build.Run(_path, new BuildOptions { Formats = new[] { "md", "html", "docx" } });
}
