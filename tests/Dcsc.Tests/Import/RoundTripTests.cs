using Dcsc.Diff;
using Dcsc.Import;
using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Import;

/// <summary>
/// Issue 17 acceptance, round trip: every bundled example is built to md, html and docx and each output imported;
/// the imported statement has no conformance change (dcsc diff) and the same section tree. Facts the rendered
/// statement does not print at all (docs/import.md, "What a round trip cannot recover") are the only allowed differences.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        // The bundled examples, and statements that declare what no example does (key and status tables of PS3.4 C.6,
        // Section 7.3.2 status codes of C-ECHO and C-GET).
        var statements = Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(f => "examples/" + Path.GetFileName(f)).Order()
            .Concat(Directory.GetFiles(TestUtil.Repo("tests", "Dcsc.Tests", "Import", "RoundTrip"), "*.yaml").Select(f => "tests/Dcsc.Tests/Import/RoundTrip/" + Path.GetFileName(f)).Order());
        foreach (var e in statements)
            foreach (var f in new[] { "md", "html", "docx" }) data.Add(e, f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Built_statement_imports_without_conformance_change(string example, string format)
    {
        var original = TestUtil.Repo(example.Split('/'));
        var build = Build.Run(original, new BuildOptions { Formats = new[] { format } });
        Assert.NotNull(build.Outputs);
        using var dir = new TempDir();
        var built = Path.Combine(dir.Path, Path.GetFileNameWithoutExtension(example) + "." + format);
        File.WriteAllBytes(built, build.Outputs!.Single(o => o.Extension == format).Content); // md also has the figure SVGs beside it

        var result = Importer.Import(built);
        var statementFile = ImportedProject.Write(result, Path.Combine(dir.Path, "imported"));
        var a = Compilation.Check(original, options: CheckOptions.ModelOnly);
        var b = Compilation.Check(statementFile, options: CheckOptions.ModelOnly);
        Assert.False(b.HasErrors, string.Join("\n", b.Diagnostics.Items));

        var sameEffective = EffectiveAssociation(a.Statement!).SequenceEqual(EffectiveAssociation(b.Statement!));
        var changes = StatementDiff.Compare(a.Statement!, b.Statement!)
            .Where(c => !NotPrinted(c, a.Statement!) && !(sameEffective && c.Category == "Association parameter")).ToList();
        Assert.True(changes.Count == 0, $"{example} via {format}:\n" + string.Join("\n", changes.Select(c => c.Describe())));

        var treeA = Tree(a.Statement!);
        var treeB = Tree(b.Statement!);
        Assert.Equal(treeA, treeB);
    }

    private static List<string> Tree(Statement s) =>
        StatementLayout.Layout(s, new LayoutOptions()).AllSections().Select(x => $"{x.Number} {x.Title}").ToList();

    /// <summary>
    /// Each AE's association parameters as Tables 7-1/7-2 print them: its own over the product-wide ones. When 7.1.1 is not
    /// printed (per-AE tables), whether a value is the AE's own or inherited is not in the document, only its effect.
    /// AEs without associations (media, web only) get no table.
    /// </summary>
    private static List<string> EffectiveAssociation(Statement s) =>
        s.ApplicationEntities.Where(ae => ae.Association is not null || ae.Activities.Count > 0 || s.SopClasses.Any(x => x.Scu.Contains(ae.Name) || x.Scp.Contains(ae.Name)))
            .SelectMany(ae => ModelBinder.SettingKeys.Select(k =>
        {
            var x = ae.Association?.Settings.GetValueOrDefault(k.Key) ?? s.Association?.Settings.GetValueOrDefault(k.Key);
            return $"{ae.Name} {k.Key}: {x?.Effective} | {x?.Default} | {x?.Range}";
        })).ToList();

    /// <summary>Facts no output format prints (so no import can recover them); listed in docs/import.md.</summary>
    private static bool NotPrinted(Change c, Statement original) => c.Category switch
    {
        // Profiles of kind "other" appear in no table of Section 8.
        "Security profile" => c.Kind == ChangeKind.Removed && original.Security.Profiles.Any(p => p.Kind == "other" && c.Subject == $"\"{p.Profile}\""),
        // A SOP Class used only by a DICOMweb origin server outside the Storage overview (UPS push/pull) is in no table.
        "SOP Class" => c.Kind == ChangeKind.Removed && original.SopClasses.Any(s => c.Subject.EndsWith($"({s.Uid})", StringComparison.Ordinal)
            && !s.IsScu && !s.IsScp && !s.Fsc && !s.Fsr && !s.Fsu && !s.UserAgent),
        _ => false,
    };
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dcsc-import-").FullName;
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}

internal static class ImportedProject
{
    /// <summary>Writes an import's files into <paramref name="folder"/> as `dcsc import -o` does; returns the statement's path.</summary>
    public static string Write(Dcsc.Import.ImportResult result, string folder)
    {
        foreach (var (rel, content) in result.Files)
        {
            var target = Path.Combine(folder, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }
        return Path.Combine(folder, result.StatementFile);
    }
}
