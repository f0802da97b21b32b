using System.Runtime.InteropServices;
using System.Text;

namespace Dcsc.Render.Md;

/// <summary>
/// Reads one file of the <c>--templates</c> folder under its policy (docs/limits.md): a regular file directly in the
/// folder, or a symbolic link to one (never out of the folder, never to a FIFO or a device such as
/// <c>/dev/zero</c>), at most a fixed number of bytes counted while reading, UTF-8.
/// </summary>
internal static class TemplateFile
{
    public static string? Read(string folder, string file, int maxBytes, out string problem)
    {
        problem = "";
        var target = file;
        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? final;
            try { final = File.ResolveLinkTarget(file, returnFinalTarget: true); }
            catch (IOException e) { problem = $"it is a symbolic link that cannot be followed ({e.Message})"; return null; }
            if (final is null || !final.Exists) { problem = "it is a symbolic link to nothing"; return null; }
            target = Path.GetFullPath(final.FullName);
            if (!string.Equals(Path.GetDirectoryName(target), Path.TrimEndingDirectorySeparator(folder), StringComparison.Ordinal))
            {
                problem = $"it is a symbolic link to {target}, outside the template folder; a template may only link to another file of the folder";
                return null;
            }
        }
        var kind = FileKind(target);
        if (kind != "a regular file") { problem = $"it is {kind}, not a regular file"; return null; }
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var buffer = new byte[maxBytes + 1];
            int total = 0, n;
            while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            if (total > maxBytes) { problem = $"it is more than {maxBytes:N0} bytes"; return null; }
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException) { problem = "it is not UTF-8 text"; return null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"it cannot be read ({e.Message})"; return null; }
    }

    /// <summary>What the path is (after links), by stat(2): .NET has no managed way to tell a FIFO or device from a file.</summary>
    private static string FileKind(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.Exists(path) ? "a folder" : File.Exists(path) ? "a regular file" : "missing";
        int mode;
        try
        {
            if (SystemNativeStat(path, out var status) != 0) return "not readable";
            mode = status.Mode;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Directory.Exists(path) ? "a folder" : File.Exists(path) ? "a regular file" : "missing";
        }
        return (mode & 0xF000) switch
        {
            0x8000 => "a regular file",
            0x4000 => "a folder",
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    // The .NET runtime's own native shim (shipped with every runtime on Unix): its FileStatus starts with
    // int Flags; int Mode, with the S_IF* file type bits of every Unix. Sized generously for later fields.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
}
