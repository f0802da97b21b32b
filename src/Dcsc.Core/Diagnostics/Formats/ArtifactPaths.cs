namespace Dcsc.Diagnostics.Formats;

/// <summary>
/// Paths as CI tools want them: relative to the repository root (the folder holding <c>.git</c> above the
/// current folder, else the current folder), with forward slashes. Files outside that root stay absolute.
/// </summary>
public sealed class ArtifactPaths
{
    public ArtifactPaths(string root) => Root = Path.GetFullPath(root);

    /// <summary>The folder paths are made relative to.</summary>
    public string Root { get; }

    /// <summary>The git root above the current folder, else the current folder.</summary>
    public static ArtifactPaths FromCurrentDirectory() => new(GitRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory);

    public static string? GitRoot(string start)
    {
        for (var dir = Path.GetFullPath(start); dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))) return dir;
        return null;
    }

    /// <summary>Repository-relative path with '/' separators, or null when the file lies outside the root.</summary>
    public string? Relative(string file)
    {
        if (string.IsNullOrEmpty(file)) return null;
        var full = Path.GetFullPath(file);
        var rel = Path.GetRelativePath(Root, full);
        if (rel == "." || rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)) return null;
        return rel.Replace('\\', '/');
    }

    /// <summary>Relative when possible, else the absolute path with '/' separators.</summary>
    public string Display(string file) => Relative(file) ?? Path.GetFullPath(file).Replace('\\', '/');

    /// <summary>An absolute <c>file://</c> URI (for files outside the root).</summary>
    public static string FileUri(string file) => new Uri(Path.GetFullPath(file)).AbsoluteUri;
}
