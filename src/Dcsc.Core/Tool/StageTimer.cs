using System.Diagnostics;

namespace Dcsc.Tool;

/// <summary>
/// Per-stage wall-clock times, bytes allocated and the process's peak working set on standard error when the
/// environment variable <c>DCSC_TIMING=1</c> is set (<c>dcsc: timing: schema 12.3 ms, 4.1 MB allocated, peak 80 MB, heap
/// committed 40 MB, GCs 5/3/1 (20 ms paused)</c>: the GC heap's share of the peak, and collections by generation so far);
/// otherwise a no-op. Used to find hot spots in time and memory; see docs/performance.md.
/// </summary>
public static class StageTimer
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("DCSC_TIMING") == "1";

    private static readonly long s_processStart = Stopwatch.GetTimestamp();

    /// <summary>Times the block up to the returned value's disposal: <c>using (StageTimer.Time("schema")) …</c>.</summary>
    public static Scope Time(string stage) => new(Enabled ? stage : null);

    /// <summary>Prints the time since this class was first used (≈ process start for the CLI).</summary>
    public static void Mark(string what)
    {
        if (Enabled) Console.Error.WriteLine($"dcsc: timing: {what} at {Stopwatch.GetElapsedTime(s_processStart).TotalMilliseconds:F1} ms (since start-up; process {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms; GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms in {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 collections; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled by the JIT in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms)");
    }

    public readonly struct Scope : IDisposable
    {
        private readonly string? _stage;
        private readonly long _start;
        private readonly long _allocated;

        internal Scope(string? stage)
        {
            _stage = stage;
            _start = stage is null ? 0 : Stopwatch.GetTimestamp();
            _allocated = stage is null ? 0 : GC.GetTotalAllocatedBytes();
        }

        public void Dispose()
        {
            if (_stage is null) return;
            double allocated = (GC.GetTotalAllocatedBytes() - _allocated) / 1048576.0;
            double peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            var elapsed = Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
            double live = Environment.GetEnvironmentVariable("DCSC_TIMING_LIVE") == "1" ? GC.GetTotalMemory(forceFullCollection: true) / 1048576.0 : double.NaN;
            // Committed GC heap beside the peak: the rest of the working set is the runtime, code and native memory.
            var gc = GC.GetGCMemoryInfo();
            Console.Error.WriteLine($"dcsc: timing: {_stage} {elapsed:F1} ms, {allocated:F1} MB allocated, peak {peak:F0} MB, heap committed {gc.TotalCommittedBytes / 1048576.0:F0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} ({GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused){(double.IsNaN(live) ? "" : $", live {live:F0} MB")}");
        }
    }
}
