using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Xunit;

namespace Dcsc.Tests.Codebase;

/// <summary>Every diagnostic is made by a typed method of <see cref="DiagnosticCatalogue"/> (src/Dcsc.Core/Diagnostics/DiagnosticCatalogue.*.cs).</summary>
public class DiagnosticCatalogueTests
{
    private static IEnumerable<(string Path, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestUtil.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !Path.GetFileName(p).StartsWith("DiagnosticCatalogue", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(TestUtil.RepoRoot, p), File.ReadAllText(p)));

    [Fact]
    public void No_diagnostic_is_constructed_outside_the_catalogue()
    {
        var offenders = SourceFiles().Where(f => Regex.IsMatch(f.Text, @"new\s+Diagnostic\s*\(")).Select(f => f.Path).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_id_is_written_as_a_string_at_a_call_site()
    {
        // An id in a string literal ("DCS0104") bypasses the typed catalogue; ids in comments and help text are fine.
        var offenders = SourceFiles()
            .SelectMany(f => Regex.Matches(f.Text, "\"DCS\\d{4}\"").Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_descriptor_has_a_unique_id_and_its_method_reports_it()
    {
        var ids = DiagnosticCatalogue.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        var span = new SourceSpan("x.yaml", 3, 4, 3, 9);
        var d = DiagnosticCatalogue.DuplicateKey(span, "m");
        Assert.Equal(("DCS0007", Severity.Error, "m", span), (d.Id, d.Severity, d.Message, d.Span));
        var methods = typeof(DiagnosticCatalogue).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Diagnostic)).ToList();
        foreach (var m in methods)
        {
            var made = (Diagnostic)m.Invoke(null, new object[] { span, "m" })!;
            var descriptor = DiagnosticCatalogue.Get(made.Id);
            Assert.Equal(m.Name, typeof(DiagnosticCatalogue.Descriptors).GetFields().Single(f => (DiagnosticDescriptor?)f.GetValue(null) == descriptor).Name);
            Assert.Equal(descriptor.DefaultSeverity, made.Severity);
        }
        Assert.Equal(ids.Count, methods.Count);
    }
}
