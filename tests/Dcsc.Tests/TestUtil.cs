using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Tests;

internal static class TestUtil
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "dcsc.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("dcsc.sln not found above the test binaries");
    }

    public static string Repo(params string[] parts) => Path.Combine(new[] { RepoRoot }.Concat(parts).ToArray());

    public static (LoadedSource? Source, DiagnosticBag Diagnostics) Load(string yaml, string file = "statement.yaml")
    {
        var bag = new DiagnosticBag();
        var src = new SourceLoader(bag).LoadText(file, yaml);
        return (src, bag);
    }

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dcsc-test-" + Guid.NewGuid().ToString("N"));
        public TempDir() => Directory.CreateDirectory(Path);
        public string File(string name, string content)
        {
            var p = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
            System.IO.File.WriteAllText(p, content);
            return p;
        }
        public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
    }
}
