using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Dcsc.Source;

/// <summary>Why <see cref="BoundedFile.Read"/> returned no content.</summary>
public enum FileReadProblem
{
    None,
    /// <summary>Nothing at the path (or a dangling symbolic link).</summary>
    Missing,
    Folder,
    /// <summary>A FIFO, socket, character or block device (<c>/dev/zero</c>): never opened, so it cannot hang or flood.</summary>
    NotRegular,
    /// <summary>More bytes than the cap; counted while reading, not taken from the reported size.</summary>
    TooLarge,
    /// <summary>Permissions, a symbolic-link loop, an I/O error.</summary>
    Unreadable,
}

/// <summary>The content of a file read by <see cref="BoundedFile.Read"/>, or why there is none.</summary>
public sealed record FileReadResult(byte[]? Bytes, FileReadProblem Problem, string Message)
{
    public bool Ok => Problem == FileReadProblem.None;
}

/// <summary>
/// The one way dcsc reads an input file (statement, include, dcsc.yaml, baseline, reference .docx, templates,
/// imports): only regular files, and never more than a hard cap of bytes. The cap is enforced on the bytes read,
/// not on the size the file system reports, which is 0 for <c>/dev/zero</c> and FIFOs. Symbolic links are followed
/// (whether a link may leave the project is the caller's rule), and the file they end at must be regular.
/// docs/limits.md lists every input and its cap.
/// </summary>
public static class BoundedFile
{
    /// <summary>What kind of file the path names, after following symbolic links.</summary>
    public static FileReadProblem Check(string path)
    {
        var kind = Kind(path, followLinks: true);
        return kind switch
        {
            FileKind.Regular => FileReadProblem.None,
            FileKind.Missing => FileReadProblem.Missing,
            FileKind.Directory => FileReadProblem.Folder,
            FileKind.Error => FileReadProblem.Unreadable,
            _ => FileReadProblem.NotRegular,
        };
    }

    /// <summary>
    /// Reads the whole file if it is a regular file of at most <paramref name="maxBytes"/> bytes.
    /// <paramref name="display"/> names the file in the messages.
    /// </summary>
    public static FileReadResult Read(string path, long maxBytes, string? display = null)
    {
        display ??= path;
        var problem = Check(path);
        switch (problem)
        {
            case FileReadProblem.Missing:
                return Fail(problem, $"`{display}` does not exist");
            case FileReadProblem.Folder:
                return Fail(problem, $"`{display}` is a folder, not a file");
            case FileReadProblem.NotRegular:
                return Fail(problem, $"`{display}` is {Describe(Kind(path, followLinks: true))}, not a regular file; dcsc reads only regular files");
            case FileReadProblem.Unreadable:
                return Fail(problem, $"cannot read `{display}`: {ProbeError(path)}");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            // The path may have been swapped between the check and the open: check what was opened.
            if (HandleKind(stream) is { } opened && opened != FileKind.Regular)
                return Fail(FileReadProblem.NotRegular, $"`{display}` is {Describe(opened)}, not a regular file; dcsc reads only regular files");
            long reported = stream.Length;
            if (reported > maxBytes) return TooLarge(display, reported, maxBytes);
            // Read up to one byte past the cap, whatever the reported length (the file may grow while read).
            var buffer = new byte[(int)Math.Min(Math.Max(reported, 4096) + 1, maxBytes + 1)];
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes) return TooLarge(display, total, maxBytes, atLeast: true);
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                }
                int n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0) break;
                total += n;
            }
            if (total > maxBytes) return TooLarge(display, total, maxBytes, atLeast: true);
            Array.Resize(ref buffer, total);
            return new FileReadResult(buffer, FileReadProblem.None, "");
        }
        catch (FileNotFoundException) { return Fail(FileReadProblem.Missing, $"`{display}` does not exist"); }
        catch (DirectoryNotFoundException) { return Fail(FileReadProblem.Missing, $"`{display}` does not exist"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(FileReadProblem.Unreadable, $"cannot read `{display}`: {e.Message}");
        }
    }

    /// <summary>The file kind of the path itself, without following a final symbolic link (lstat): for outputs.</summary>
    public static bool IsSymbolicLinkOrSpecial(string path, out string what)
    {
        var kind = Kind(path, followLinks: false);
        what = Describe(kind);
        return kind is not (FileKind.Regular or FileKind.Missing or FileKind.Directory);
    }

    /// <summary>Whether something (a file, folder, link, dangling link) exists at the path itself (lstat).</summary>
    public static bool EntryExists(string path) => Kind(path, followLinks: false) != FileKind.Missing;

    private static FileReadResult TooLarge(string display, long size, long max, bool atLeast = false) =>
        Fail(FileReadProblem.TooLarge, $"`{display}` is {(atLeast ? "more than " + max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} bytes; the limit is {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (see docs/limits.md)");

    private static FileReadResult Fail(FileReadProblem p, string message) => new(null, p, message);

    private static string ProbeError(string path)
    {
        try { using var _ = File.OpenHandle(path); return "unknown error"; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return e.Message; }
    }

    // ------------------------------------------------------------ file kinds

    internal enum FileKind { Missing, Regular, Directory, SymbolicLink, Fifo, CharDevice, BlockDevice, Socket, Error }

    private static string Describe(FileKind k) => k switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Directory => "a folder",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "not readable",
    };

    internal static FileKind Kind(string path, bool followLinks)
    {
        if (!OperatingSystem.IsWindows() && Native.TryStat(path, followLinks, out int mode, out bool missing, out bool error))
        {
            if (missing) return FileKind.Missing;
            if (error) return FileKind.Error;
            return FromMode(mode);
        }
        // Windows (no FIFOs or device paths in a checkout): managed information is enough.
        FileSystemInfo info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    private static FileKind? HandleKind(FileStream stream)
    {
        if (OperatingSystem.IsWindows()) return null;
        return Native.TryFStat(stream.SafeFileHandle, out int mode) ? FromMode(mode) : null;
    }

    private static FileKind FromMode(int mode) => (mode & Native.S_IFMT) switch
    {
        Native.S_IFREG => FileKind.Regular,
        Native.S_IFDIR => FileKind.Directory,
        Native.S_IFLNK => FileKind.SymbolicLink,
        Native.S_IFIFO => FileKind.Fifo,
        Native.S_IFCHR => FileKind.CharDevice,
        Native.S_IFBLK => FileKind.BlockDevice,
        Native.S_IFSOCK => FileKind.Socket,
        _ => FileKind.Error,
    };

    /// <summary>
    /// stat/lstat/fstat through the .NET runtime's own native shim (libSystem.Native, shipped with every .NET
    /// runtime on Unix), whose FileStatus begins with <c>int Flags; int Mode</c> and uses fixed S_IF* values on
    /// every Unix. .NET has no managed API that tells a FIFO or a device from a regular file.
    /// </summary>
    private static class Native
    {
        public const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000,
            S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFSOCK = 0xC000;

        // Larger than FileStatus in any .NET version, so fields added at its end cannot overflow the buffer.
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        private struct FileStatusBuffer
        {
            public int Flags;
            public int Mode;
        }

        [SuppressMessage("Globalization", "CA2101", Justification = "the path is marshalled as UTF-8 (LPUTF8Str), as libSystem.Native expects; CA2101 knows only ANSI and UTF-16")]
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatusBuffer output);

        [SuppressMessage("Globalization", "CA2101", Justification = "the path is marshalled as UTF-8 (LPUTF8Str), as libSystem.Native expects; CA2101 knows only ANSI and UTF-16")]
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatusBuffer output);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        private static extern int FStat(Microsoft.Win32.SafeHandles.SafeFileHandle fd, out FileStatusBuffer output);

        private const int ENOENT = 2, ENOTDIR = 20;

        public static bool TryStat(string path, bool follow, out int mode, out bool missing, out bool error)
        {
            mode = 0; missing = false; error = false;
            try
            {
                int rc = follow ? Stat(path, out var st) : LStat(path, out st);
                if (rc == 0) { mode = st.Mode; return true; }
                int errno = Marshal.GetLastPInvokeError();
                if (errno is ENOENT or ENOTDIR) missing = true; else error = true;
                return true;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
        }

        public static bool TryFStat(Microsoft.Win32.SafeHandles.SafeFileHandle fd, out int mode)
        {
            mode = 0;
            try
            {
                if (FStat(fd, out var st) != 0) return false;
                mode = st.Mode;
                return true;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
        }
    }
}
