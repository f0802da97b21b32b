using System.Text;
using Dcsc.Layout;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Golden;

/// <summary>
/// The Markdown built from each example equals tests/Dcsc.Tests/Golden/&lt;example&gt;.md.
/// Regenerate with DCSC_UPDATE_GOLDEN=1 dotnet test --filter Golden, then read the diff before committing.
/// </summary>
public class GoldenTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_builds_to_its_golden_markdown(string example)
    {
        var result = Build.Run(TestUtil.Repo("examples", example + ".yaml"), new BuildOptions { Layout = new LayoutOptions { ReadEnvironment = false } });
        Assert.True(result.Outputs is not null, string.Join("\n", result.Diagnostics));
        var md = Encoding.UTF8.GetString(result.Outputs![0].Content);
        var golden = TestUtil.Repo("tests", "Dcsc.Tests", "Golden", example + ".md");
        Compare(example + ".md", golden, md);
        // The generated figures (Figures stage): the same SVG bytes on every machine (embedded font, invariant numbers).
        foreach (var figure in result.Outputs.Where(o => o.Extension.EndsWith(".svg", StringComparison.Ordinal)))
            Compare(example + "." + figure.Extension, TestUtil.Repo("tests", "Dcsc.Tests", "Golden", example + "." + figure.Extension), Encoding.UTF8.GetString(figure.Content));
    }

    private static void Compare(string example, string golden, string md)
    {
        if (Environment.GetEnvironmentVariable("DCSC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, md, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing: run DCSC_UPDATE_GOLDEN=1 dotnet test --filter Golden");
        var expected = File.ReadAllText(golden).Replace("\r\n", "\n");
        if (expected != md)
        {
            var e = expected.Split('\n');
            var a = md.Split('\n');
            int i = 0;
            while (i < Math.Min(e.Length, a.Length) && e[i] == a[i]) i++;
            Assert.Fail($"{example} differs from the golden file at line {i + 1}:\n  golden: {(i < e.Length ? e[i] : "<end>")}\n  built:  {(i < a.Length ? a[i] : "<end>")}\n(DCSC_UPDATE_GOLDEN=1 regenerates; read the diff before accepting)");
        }
    }
}
