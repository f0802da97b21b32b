using Dcsc.Diagnostics;
using Dcsc.Model;
using Dcsc.Schema;
using Dcsc.Source;

namespace Dcsc.Pipeline;

/// <summary>The result of the checking stages for one statement file.</summary>
public sealed record CheckResult(string Path, Statement? Statement, LoadedSource? Source, DiagnosticBag Diagnostics)
{
    public bool HasErrors => Diagnostics.HasErrors;
}

/// <summary>
/// Runs the front of the pipeline in order — Source, Schema, Model — stopping at the first stage with
/// errors, because later stages need what earlier ones guarantee.
/// </summary>
public static class Compilation
{
    public static CheckResult Check(string path, LoaderLimits? limits = null, string? projectRoot = null)
    {
        var bag = new DiagnosticBag();
        LoadedSource? source;
        using (StageTimer.Time("load")) source = new SourceLoader(bag, limits).Load(path, projectRoot);
        return Continue(path, source, bag);
    }

    public static CheckResult CheckText(string displayPath, string yaml, LoaderLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        var source = new SourceLoader(bag, limits).LoadText(displayPath, yaml);
        return Continue(displayPath, source, bag);
    }

    private static CheckResult Continue(string path, LoadedSource? source, DiagnosticBag bag)
    {
        if (source is null || bag.HasErrors) return new CheckResult(path, null, source, bag);
        if (source.Root is not YamlMapping)
        {
            bag.Report("DCS0050", source.Root.Span, $"the statement must be a mapping of keys (`product:`, `sop_classes:`, …); found {source.Root.KindName}");
            return new CheckResult(path, null, source, bag);
        }
        bool valid;
        using (StageTimer.Time("schema")) valid = SchemaValidator.Validate(source, bag);
        if (!valid) return new CheckResult(source.Path, null, source, bag);
        Statement statement;
        using (StageTimer.Time("model")) statement = ModelBinder.Bind(source);
        return new CheckResult(source.Path, statement, source, bag);
    }
}
