using System.Threading.Channels;

namespace Dcsc.Cli;

/// <summary>
/// The loop behind <c>dcsc build --watch</c>: watches a statement and every file it includes, and after a
/// change — once the files have been quiet for the debounce interval — calls the rebuild callback, which
/// returns the files to watch from then on (includes may have been added or removed; an empty list keeps
/// the current ones). Changes made during a rebuild trigger one more. Cancellation (Ctrl+C) stops it.
/// </summary>
public sealed class Watch
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(300);

    private readonly TimeSpan _debounce;
    private readonly TextWriter _log;
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public Watch(TimeSpan? debounce = null, TextWriter? log = null)
    {
        _debounce = debounce ?? DefaultDebounce;
        _log = log ?? TextWriter.Null;
    }

    /// <summary>Watches <paramref name="files"/> until <paramref name="cancel"/> fires; calls <paramref name="rebuild"/> after each change.</summary>
    public async Task RunAsync(IReadOnlyList<string> files, Func<IReadOnlyList<string>> rebuild, CancellationToken cancel)
    {
        var signal = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var watched = Normalise(files);
        var watchers = Watchers(watched, signal.Writer);
        _log.WriteLine($"watching {watched.Count} file(s); press Ctrl+C to stop");
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                string first;
                try { first = await signal.Reader.ReadAsync(cancel).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }

                // Debounce: wait until no further event arrives for the interval (editors write several times).
                while (true)
                {
                    using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    quiet.CancelAfter(_debounce);
                    try { await signal.Reader.ReadAsync(quiet.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) { break; }
                }
                if (cancel.IsCancellationRequested) break;

                _log.WriteLine($"changed: {first}; rebuilding");
                IReadOnlyList<string> next;
                try { next = rebuild(); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log.WriteLine($"rebuild failed: {e.GetType().Name}: {e.Message}");
                    next = Array.Empty<string>();
                }
                if (next.Count > 0)
                {
                    var set = Normalise(next);
                    if (!set.SetEquals(watched))
                    {
                        foreach (var w in watchers) w.Dispose();
                        watched = set;
                        watchers = Watchers(watched, signal.Writer);
                        _log.WriteLine($"watching {watched.Count} file(s)");
                    }
                }
            }
        }
        finally
        {
            foreach (var w in watchers) w.Dispose();
        }
    }

    /// <summary>Runs the loop until Ctrl+C; returns 0.</summary>
    public int RunUntilCancelled(IReadOnlyList<string> files, Func<IReadOnlyList<string>> rebuild)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try { RunAsync(files, rebuild, cts.Token).GetAwaiter().GetResult(); }
        finally { Console.CancelKeyPress -= onCancel; }
        _log.WriteLine("stopped watching");
        return CommandLine.Ok;
    }

    private static HashSet<string> Normalise(IEnumerable<string> files) =>
        files.Where(f => !string.IsNullOrEmpty(f)).Select(Path.GetFullPath).ToHashSet(PathComparer);

    private static List<FileSystemWatcher> Watchers(HashSet<string> files, ChannelWriter<string> signal)
    {
        var list = new List<FileSystemWatcher>();
        foreach (var dir in files.Select(Path.GetDirectoryName).Where(d => d is not null && Directory.Exists(d)).Distinct(PathComparer))
        {
            var w = new FileSystemWatcher(dir!)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            void On(string path) { if (files.Contains(path)) signal.TryWrite(path); }
            w.Changed += (_, e) => On(e.FullPath);
            w.Created += (_, e) => On(e.FullPath);
            w.Deleted += (_, e) => On(e.FullPath);
            w.Renamed += (_, e) => { On(e.FullPath); On(e.OldFullPath); };
            w.Error += (_, _) => signal.TryWrite(dir!);   // overflow: something may have changed
            w.EnableRaisingEvents = true;
            list.Add(w);
        }
        return list;
    }
}
