namespace Dcsc.Output;

/// <summary>
/// Writes a set of output files all-or-nothing: each file is written to a temporary file in its target
/// folder and flushed to disk; only when every temporary file is complete are they renamed over the targets.
/// If anything fails, the temporary files are deleted and every target keeps its previous content
/// (targets replaced before the failure are restored from a backup copy).
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

        // Phase 2: rename the temporary files over the targets, keeping a backup of replaced targets until all succeeded.
        var done = new List<(string Target, string? Backup)>();
        var backups = new List<string>();
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                string? backup = null;
                if (File.Exists(targets[i]))
                {
                    backup = temps[i] + ".bak";
                    File.Copy(targets[i], backup, overwrite: true);
                    backups.Add(backup);
                }
                File.Move(temps[i], targets[i], overwrite: true);
                done.Add((targets[i], backup));
            }
        }
        catch
        {
            for (int i = done.Count - 1; i >= 0; i--)
            {
                var (target, backup) = done[i];
                try
                {
                    if (backup is not null) File.Move(backup, target, overwrite: true);
                    else File.Delete(target);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            foreach (var t in temps) TryDelete(t);
            foreach (var b in backups) TryDelete(b);
            RemoveCreatedDirectories(createdDirs);
            throw;
        }
        foreach (var b in backups) TryDelete(b);
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
