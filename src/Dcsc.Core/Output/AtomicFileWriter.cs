using Dcsc.Source;

namespace Dcsc.Output;

/// <summary>An output that dcsc refuses to write (a symbolic link, a device, a folder where a file goes).</summary>
public sealed class OutputRefusedException(string message) : IOException(message);

/// <summary>
/// The one writer of output files. Writes a set of files all-or-nothing: each file is written to a temporary file in
/// its target folder and flushed to disk; only when every temporary file is complete are they renamed over the
/// targets. If anything fails, the temporary files are deleted and every target keeps its previous content.
/// <para>
/// Links are never followed (docs/limits.md, "Outputs"): the output folder, and every folder between the current
/// folder and it, must not be a symbolic link, and an existing target must be a regular file, checked with lstat
/// before anything is written and again just before each rename. A replaced target is set aside by renaming it
/// (never by copying its content), and restored by renaming it back, so neither backing up nor rolling back reads
/// through a link.
/// </para>
/// </summary>
public static class AtomicFileWriter
{
    public static void WriteAll(IReadOnlyList<(string Path, byte[] Content)> files) => WriteAll(files, DefaultCreate);

    /// <summary>
    /// As <see cref="WriteAll(IReadOnlyList{ValueTuple{string, byte[]}})"/>, with the function that creates
    /// the stream of a temporary file (given its path) replaceable, e.g. to simulate a failing disk in tests.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, byte[] Content)> files, Func<string, Stream> createTempStream)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(createTempStream);

        var targets = files.Select(f => Path.GetFullPath(f.Path)).ToList();
        var duplicate = targets.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The output file '{duplicate.Key}' is listed more than once.", nameof(files));

        foreach (var t in targets) CheckTarget(t);

        var temps = new List<string>();
        var createdDirs = new List<string>();
        // Phase 1: write every temporary file.
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                var dir = Path.GetDirectoryName(targets[i])!;
                if (!Directory.Exists(dir))
                {
                    CreateDirectory(dir, createdDirs);
                }
                var temp = Path.Combine(dir, $".{Path.GetFileName(targets[i])}.{Guid.NewGuid():N}.tmp");
                temps.Add(temp);
                using (var stream = createTempStream(temp))
                {
                    stream.Write(files[i].Content);
                    if (stream is FileStream fs) fs.Flush(flushToDisk: true);
                    else stream.Flush();
                }
            }
        }
        catch
        {
            foreach (var t in temps) TryDelete(t);
            RemoveCreatedDirectories(createdDirs);
            throw;
        }

        // Phase 2: rename the temporary files over the targets; replaced targets are renamed aside until all succeeded.
        var done = new List<(string Target, string? Backup)>();
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                CheckTarget(targets[i]);
                string? backup = null;
                if (BoundedFile.EntryExists(targets[i]))
                {
                    backup = temps[i] + ".bak";
                    File.Move(targets[i], backup);
                }
                done.Add((targets[i], backup));
                File.Move(temps[i], targets[i], overwrite: false);
            }
        }
        catch
        {
            for (int i = done.Count - 1; i >= 0; i--)
            {
                var (target, backup) = done[i];
                try
                {
                    // Only what this run put there is removed: the temporary file renamed to the target.
                    if (!File.Exists(temps[i]) && BoundedFile.EntryExists(target)) File.Delete(target);
                    if (backup is not null) File.Move(backup, target);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            foreach (var t in temps) TryDelete(t);
            RemoveCreatedDirectories(createdDirs);
            throw;
        }
        foreach (var (_, backup) in done)
            if (backup is not null) TryDelete(backup);
    }

    /// <summary>
    /// Refuses a target that is not a regular file (a symbolic link, even to a file inside the folder; a FIFO; a
    /// device; a folder), and a target whose folder is reached through a symbolic link (the folder itself, or any
    /// folder between the current folder and it).
    /// </summary>
    public static void CheckTarget(string target)
    {
        var full = Path.GetFullPath(target);
        if (BoundedFile.IsSymbolicLinkOrSpecial(full, out var what))
            throw new OutputRefusedException($"the output `{full}` is {what}; dcsc does not write through links or into special files (remove it)");
        if (Directory.Exists(full) && !BoundedFile.IsSymbolicLinkOrSpecial(full, out _))
            throw new OutputRefusedException($"the output `{full}` is a folder");
        foreach (var dir in FoldersToCheck(Path.GetDirectoryName(full)!))
            if (BoundedFile.IsSymbolicLinkOrSpecial(dir, out var dirWhat))
                throw new OutputRefusedException($"the output folder `{dir}` is {dirWhat}; dcsc does not write through links (write to a real folder)");
    }

    /// <summary>The output folder, and the folders between the current folder and it when it lies below the current folder.</summary>
    private static IEnumerable<string> FoldersToCheck(string dir)
    {
        var cwd = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        yield return dir;
        for (var d = Path.GetDirectoryName(dir); d is not null && d.Length > cwd.Length && d.StartsWith(cwd + Path.DirectorySeparatorChar, StringComparison.Ordinal); d = Path.GetDirectoryName(d))
            yield return d;
    }

    private static Stream DefaultCreate(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);

    private static void CreateDirectory(string dir, List<string> created)
    {
        // Remember each folder we create (outermost first) so a failed write can remove them again.
        var missing = new Stack<string>();
        for (var d = dir; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
        while (missing.Count > 0)
        {
            var d = missing.Pop();
            Directory.CreateDirectory(d);
            created.Add(d);
        }
    }

    private static void RemoveCreatedDirectories(List<string> created)
    {
        for (int i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                if (Directory.Exists(created[i]) && !Directory.EnumerateFileSystemEntries(created[i]).Any()) Directory.Delete(created[i]);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
