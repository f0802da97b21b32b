using Dcsc.Diagnostics;
using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Tool;

namespace Dcsc.Pipeline;

/// <summary>
/// What <c>dcsc lint</c> reports: the checking stages (Source, Schema, Model, Rules) and the diagnostics the
/// Layout stage would give in a build (a template placeholder without a value), so that a statement that lints
/// clean also builds without warnings. No output is rendered.
/// </summary>
public static class Lint
{
    public static IReadOnlyList<Diagnostic> Run(string path, CheckOptions? options = null) =>
        WithLayout(Compilation.Check(path, options: (options ?? CheckOptions.Default) with { BesideRules = LayoutDiagnostics }));

    /// <summary>The same for YAML text that is not on disk (tests, editors).</summary>
    public static IReadOnlyList<Diagnostic> RunText(string displayPath, string yaml) =>
        WithLayout(Compilation.LintText(displayPath, yaml, besideRules: LayoutDiagnostics));

    // Computed beside the Rules stage (Compilation), kept only when the checking stages found no error, as a build would.
    private static IReadOnlyList<Diagnostic> LayoutDiagnostics(Statement statement)
    {
        using (StageTimer.Time("layout (its diagnostics)")) return StatementLayout.Layout(statement).Diagnostics;
    }

    private static IReadOnlyList<Diagnostic> WithLayout(CheckResult check)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(check.Diagnostics.Items);
        if (!check.HasErrors && check.Statement is not null && check.LaterStage is { } layout) bag.AddRange(check.Configured(layout.GetAwaiter().GetResult()));
        return bag.Sorted();
    }
}
