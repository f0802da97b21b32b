using Dcsc.Cli;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class WatchTests
{
    private static async Task Until(Func<bool> condition, int ms = 10000)
    {
        var end = DateTime.UtcNow.AddMilliseconds(ms);
        while (!condition() && DateTime.UtcNow < end) await Task.Delay(25);
    }

    [Fact]
    public async Task Rebuilds_once_per_burst_of_changes_to_watched_files_and_stops_on_cancel()
    {
        using var dir = new TestUtil.TempDir();
        var main = dir.File("statement.yaml", "product: {}\n");
        var included = dir.File("parts/aes.yaml", "- name: A\n");
        var unrelated = dir.File("notes.txt", "x");
        int builds = 0;
        using var cts = new CancellationTokenSource();
        var log = new StringWriter();
        // A debounce well above the gaps of the burst below, so that a loaded machine (CI) delaying file events
        // by some hundred milliseconds still sees one burst.
        var watch = new Watch(TimeSpan.FromMilliseconds(1000), TextWriter.Synchronized(log));
        var run = watch.RunAsync(new[] { main, included }, () => { Interlocked.Increment(ref builds); return new[] { main, included }; }, cts.Token);
        await Task.Delay(300);   // let the watchers start

        for (int i = 0; i < 3; i++) { File.WriteAllText(included, $"- name: A{i}\n"); await Task.Delay(20); }
        await Until(() => Volatile.Read(ref builds) >= 1);
        await Task.Delay(2000);
        Assert.Equal(1, Volatile.Read(ref builds));

        File.WriteAllText(unrelated, "y");
        await Task.Delay(1500);
        Assert.Equal(1, Volatile.Read(ref builds));

        // Editors that save by writing a temporary file and renaming it over the original.
        var tmp = Path.Combine(dir.Path, ".statement.yaml.swp");
        File.WriteAllText(tmp, "product: {name: x}\n");
        File.Move(tmp, main, overwrite: true);
        await Until(() => Volatile.Read(ref builds) >= 2);
        Assert.Equal(2, Volatile.Read(ref builds));

        cts.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("rebuilding", log.ToString());
    }

    [Fact]
    public async Task Follows_the_file_list_the_rebuild_returns()
    {
        using var dir = new TestUtil.TempDir();
        var main = dir.File("statement.yaml", "a");
        var later = dir.File("other/extra.yaml", "b");
        int builds = 0;
        using var cts = new CancellationTokenSource();
        var run = new Watch(TimeSpan.FromMilliseconds(150)).RunAsync(new[] { main },
            () => { Interlocked.Increment(ref builds); return new[] { main, later }; }, cts.Token);
        await Task.Delay(300);
        File.WriteAllText(main, "a2");
        await Until(() => Volatile.Read(ref builds) >= 1);
        await Task.Delay(300);
        File.WriteAllText(later, "b2");   // watched only after the first rebuild reported it
        await Until(() => Volatile.Read(ref builds) >= 2);
        Assert.Equal(2, Volatile.Read(ref builds));
        cts.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_failing_rebuild_does_not_stop_the_loop()
    {
        using var dir = new TestUtil.TempDir();
        var main = dir.File("statement.yaml", "a");
        int builds = 0;
        using var cts = new CancellationTokenSource();
        var log = new StringWriter();
        var run = new Watch(TimeSpan.FromMilliseconds(100), TextWriter.Synchronized(log)).RunAsync(new[] { main },
            () => { Interlocked.Increment(ref builds); throw new InvalidOperationException("boom"); }, cts.Token);
        await Task.Delay(300);
        File.WriteAllText(main, "1");
        await Until(() => Volatile.Read(ref builds) >= 1);
        await Task.Delay(400);
        File.WriteAllText(main, "2");
        await Until(() => Volatile.Read(ref builds) >= 2);
        Assert.Equal(2, Volatile.Read(ref builds));
        Assert.Contains("rebuild failed: InvalidOperationException: boom", log.ToString());
        cts.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
