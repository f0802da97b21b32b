using System.Text;
using Dcsc.Source;

namespace Dcsc.Render.Md;

/// <summary>
/// Reads one file of the <c>--templates</c> folder under its policy (docs/limits.md): a regular file directly in the
/// folder, or a symbolic link to one (never out of the folder, never to a FIFO or a device such as
/// <c>/dev/zero</c>), read through <see cref="BoundedFile"/> (regular files only, a cap counted while reading), UTF-8.
/// </summary>
internal static class TemplateFile
{
    public static string? Read(string folder, string file, int maxBytes, out string problem)
    {
        problem = "";
        var target = file;
        if (new FileInfo(file).LinkTarget is not null)
        {
            FileSystemInfo? final;
            try { final = File.ResolveLinkTarget(file, returnFinalTarget: true); }
            catch (IOException e) { problem = $"it is a symbolic link that cannot be followed ({e.Message})"; return null; }
            if (final is null || !final.Exists && !Directory.Exists(final.FullName)) { problem = "it is a symbolic link to nothing"; return null; }
            target = Path.GetFullPath(final.FullName);
            if (!string.Equals(Path.GetDirectoryName(target), Path.TrimEndingDirectorySeparator(folder), StringComparison.Ordinal))
            {
                problem = $"it is a symbolic link to {target}, outside the template folder; a template may only link to another file of the folder";
                return null;
            }
        }
        var read = BoundedFile.Read(target, maxBytes, Path.GetFileName(target));
        if (!read.Ok) { problem = read.Message; return null; }
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(read.Bytes!).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException) { problem = "it is not UTF-8 text"; return null; }
    }
}
