namespace Dcsc.Import;

/// <summary>
/// Reads the one input file of an import: a regular file (not a directory, device or FIFO), at most
/// <see cref="ImportLimits.MaxFileBytes"/> long, read in full once so no reader touches the file system again.
/// </summary>
public static class InputFile
{
    public static byte[] Read(string path, ImportLimits limits)
    {
        FileInfo info;
        try { info = new FileInfo(path); }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            throw new ImportException($"'{path}' is not a valid file name");
        }
        if (Directory.Exists(path)) throw new ImportException($"'{path}' is a directory, not a file");
        if (!info.Exists) throw new ImportException($"'{path}' does not exist");
        if ((info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0 || (!OperatingSystem.IsWindows() && IsSpecial(info)))
            throw new ImportException($"'{path}' is not a regular file");
        if (info.Length > limits.MaxFileBytes)
            throw new ImportException($"'{path}' is {info.Length / (1024 * 1024)} MB; dcsc import reads at most {limits.MaxFileBytes / (1024 * 1024)} MB");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > limits.MaxFileBytes) throw new ImportException($"'{path}' grew past {limits.MaxFileBytes / (1024 * 1024)} MB while it was read");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"'{path}' cannot be read: {e.Message}");
        }
    }

    // FIFOs, sockets and character devices must not be opened (a FIFO blocks the reader until someone writes).
    // .NET reports them without the Normal/Archive/ReadOnly-only shape of a regular file: checked by a test.
    private static bool IsSpecial(FileInfo info)
    {
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || target is DirectoryInfo || !target.Exists || IsSpecial(new FileInfo(target.FullName));
        }
        return (info.Attributes & (FileAttributes.Device | FileAttributes.Directory | FileAttributes.ReparsePoint)) != 0;
    }
}
