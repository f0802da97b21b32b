using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dcsc.Cli;

namespace Dcsc.Tests.Robustness;

/// <summary>What one run of the CLI did, with the resources it took.</summary>
internal sealed record CliOutcome(int Code, string Out, string Err, TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>Processor time the run took (in-process runs; the robustness collection runs alone).</summary>
    public TimeSpan Cpu { get; init; } = Elapsed;

    public string All => Out + "\n" + Err;
    public override string ToString() => $"exit {Code} after {Elapsed.TotalMilliseconds:N0} ms ({Cpu.TotalMilliseconds:N0} ms CPU), {AllocatedBytes / 1024 / 1024} MB allocated\nstdout:\n{Out}\nstderr:\n{Err}";
}

/// <summary>
/// The robustness harness: a sandbox folder (<c>project/</c> for inputs, <c>out/</c> for outputs, <c>outside/</c>
/// for things the input must not reach), the CLI run in-process with time and allocation measured, and the
/// assertions every hostile case shares.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    public const double MaxSeconds = 5;
    /// <summary>Wall-clock bound: catches hangs; the 5 s budget is on processor time, which a loaded machine does not stretch.</summary>
    public const double MaxWallSeconds = 60;
    /// <summary>For <see cref="AssertDiagnostic"/>: a position is required, any line.</summary>
    public const int AnyLine = -1;
    public const long MaxAllocatedBytes = 300L * 1024 * 1024;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dcsc-robust-" + Guid.NewGuid().ToString("N"));
    public string Project => Path.Combine(Root, "project");
    public string Out => Path.Combine(Root, "out");
    public string Outside => Path.Combine(Root, "outside");

    public Sandbox()
    {
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Out);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.yaml"), "name: secret\n");
    }

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var p = Path.Combine(Project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    /// <summary>Copies a committed corpus file into the project folder.</summary>
    public string Corpus(string name, string? asName = null)
    {
        var src = Path.Combine(AppContext.BaseDirectory, "Robustness", "Corpus", name);
        return Write(asName ?? name, File.ReadAllBytes(src));
    }

    /// <summary>Every file and folder under the sandbox with its size and content hash (unreadable files by size only).</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var todo = new Stack<string>();
        todo.Push(Root);
        while (todo.Count > 0)
        {
            var dir = todo.Pop();
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(dir).ToList(); }
            catch (UnauthorizedAccessException) { result[Path.GetRelativePath(Root, dir) + "/"] = "unlistable"; continue; }
            foreach (var e in entries)
            {
                var rel = Path.GetRelativePath(Root, e);
                var info = new FileInfo(e);
                if (info.LinkTarget is not null) { result[rel] = "link->" + info.LinkTarget; continue; }
                if (Directory.Exists(e)) { result[rel + "/"] = "dir"; todo.Push(e); continue; }
                // FIFOs and devices made by the tests: opening a FIFO to hash it would block.
                if (Dcsc.Source.BoundedFile.Check(e) == Dcsc.Source.FileReadProblem.NotRegular) { result[rel] = "special"; continue; }
                string hash;
                try
                {
                    using var s = File.OpenRead(e);
                    hash = Convert.ToHexString(SHA256.HashData(s));
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException or IOException) { hash = "unreadable"; }
                result[rel] = $"{info.Length}:{hash}";
            }
        }
        return result;
    }

    public static CliOutcome Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        int code = CommandLine.Run(args, o, e);
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return new CliOutcome(code, o.ToString(), e.ToString(), sw.Elapsed, allocated) { Cpu = cpu };
    }

    /// <summary>
    /// Runs the CLI in-process and checks what every case shares: finished within the time and memory budget,
    /// no stack trace, nothing changed in the sandbox outside <c>out/</c>.
    /// </summary>
    public CliOutcome RunChecked(params string[] args)
    {
        var before = Snapshot();
        var r = Run(args);
        var after = Snapshot();
        AssertBudget(r);
        AssertNoStackTrace(r);
        var changed = before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Where(k => !k.StartsWith("out/", StringComparison.Ordinal) && k != "out/")
            .ToList();
        Assert.True(changed.Count == 0, "changed outside out/: " + string.Join(", ", changed) + "\n" + r);
        return r;
    }

    public static void AssertBudget(CliOutcome r)
    {
        Assert.True(r.Cpu.TotalSeconds < MaxSeconds, $"took {r.Cpu.TotalSeconds:N1} s of CPU\n{r}");
        Assert.True(r.Elapsed.TotalSeconds < MaxWallSeconds, $"took {r.Elapsed.TotalSeconds:N1} s\n{r}");
        Assert.True(r.AllocatedBytes < MaxAllocatedBytes, $"allocated {r.AllocatedBytes:N0} bytes\n{r}");
    }

    public static void AssertNoStackTrace(CliOutcome r)
    {
        Assert.DoesNotMatch(@"\n\s+at [\w.<>`]+\(", r.All);
        Assert.DoesNotContain("Exception", r.All);
        Assert.DoesNotContain("internal error", r.All);
        Assert.NotEqual(CommandLine.InternalError, r.Code);
    }

    /// <summary>
    /// The run failed with exit 1 and the diagnostic <paramref name="id"/> naming <paramref name="file"/>
    /// at <paramref name="line"/> (or without a position when null).
    /// </summary>
    public static void AssertDiagnostic(CliOutcome r, string id, string file, int? line, int? column = null)
    {
        Assert.True(r.Code == CommandLine.InputErrors, $"expected exit 1\n{r}");
        var where = line is null
            ? Regex.Escape(file) + ":"
            : Regex.Escape(file) + @"\(" + (line == AnyLine ? @"\d+" : line.ToString()) + "," + (column?.ToString() ?? @"\d+") + @"\):";
        var expected = new Regex("^" + where + " error " + id + ": .+$", RegexOptions.Multiline);
        Assert.True(expected.IsMatch(r.Out), $"expected {id} at {file}({line?.ToString() ?? "no position"})\n{r}");
    }

    public void Dispose()
    {
        try
        {
            foreach (var d in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories)) TryChmod(d);
            foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)) TryChmod(f);
            Directory.Delete(Root, true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void TryChmod(string p)
    {
        try
        {
            if (new FileInfo(p).LinkTarget is null)
                File.SetUnixFileMode(p, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>Runs the built <c>dcsc.dll</c> as a child process, with the GC heap capped (a hard memory bound).</summary>
internal static class ChildProcess
{
    public static string DcscDll => Path.Combine(AppContext.BaseDirectory, "dcsc.dll");

    public static CliOutcome Run(IReadOnlyList<string> args, long heapLimitBytes = Sandbox.MaxAllocatedBytes, int timeoutMs = 20_000)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(DcscDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimitBytes.ToString("X");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dcsc {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }
        p.WaitForExit();
        sw.Stop();
        return new CliOutcome(p.ExitCode, stdout.Result, stderr.Result, sw.Elapsed, 0);
    }
}
