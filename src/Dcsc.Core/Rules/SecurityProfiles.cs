using System.Text;

namespace Dcsc.Rules;

/// <summary>One Security or System Management Profile of PS3.15 (Rules/Data/security-profiles.tsv).</summary>
internal sealed record SecurityProfileEntry(string Section, string Name, string Kind, bool Retired, Version? MinimumTls, IReadOnlyList<string> OtherNames)
{
    public bool IsTls => MinimumTls is not null || Name.Contains("TLS Secure Transport", StringComparison.Ordinal);
}

/// <summary>The PS3.15 profile list of the pinned edition, looked up by name (case, "The", "Profile", hyphens ignored).</summary>
internal static class SecurityProfiles
{
    /// <summary>The PS3.15 edition the list follows (the SOP Class edition dcsc pins).</summary>
    public const string Edition = "2025b";

    private static readonly Lazy<(IReadOnlyList<SecurityProfileEntry> All, Dictionary<string, SecurityProfileEntry> ByKey)> s_data = new(Load);

    public static IReadOnlyList<SecurityProfileEntry> All => s_data.Value.All;

    public static SecurityProfileEntry? Find(string? name) =>
        name is not null && s_data.Value.ByKey.TryGetValue(Key(name), out var e) ? e : null;

    /// <summary>The comparable form of a profile name: lower-case words of letters, digits and dots; no leading
    /// "the", no trailing "profile", no trailing "option".</summary>
    public static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name.Normalize(NormalizationForm.FormKC))
            sb.Append(char.IsLetterOrDigit(c) || c == '.' ? char.ToLowerInvariant(c) : ' ');
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the") words.RemoveAt(0);
        if (words.Count > 1 && words[^1] == "profile") words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    /// <summary>The listed profile whose name shares the most words with <paramref name="name"/> (at least half), for "did you mean".</summary>
    public static SecurityProfileEntry? Closest(string name)
    {
        var words = Key(name).Split(' ').ToHashSet(StringComparer.Ordinal);
        SecurityProfileEntry? best = null;
        double bestScore = 0.5;
        foreach (var e in All)
        {
            var other = Key(e.Name).Split(' ');
            double score = (double)other.Count(words.Contains) / Math.Max(other.Length, words.Count);
            if (score > bestScore || (score == bestScore && best is not null && e.Retired is false && best.Retired)) { best = e; bestScore = score; }
        }
        return best;
    }

    /// <summary>"TLS 1.2", "TLSv1.2", "1.2", "SSL 3.0" → (is SSL, version); null when the text names no version.</summary>
    public static (bool Ssl, Version Version)? ParseTlsVersion(string text)
    {
        var t = text.Trim().ToUpperInvariant().Replace("V", " ", StringComparison.Ordinal);
        bool ssl = t.StartsWith("SSL", StringComparison.Ordinal);
        var number = new string(t.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return Version.TryParse(number.Contains('.') ? number : number + ".0", out var v) ? (ssl, v) : null;
    }

    private static (IReadOnlyList<SecurityProfileEntry>, Dictionary<string, SecurityProfileEntry>) Load()
    {
        using var stream = typeof(SecurityProfiles).Assembly.GetManifestResourceStream("Dcsc.Rules.security-profiles.tsv")
            ?? throw new InvalidOperationException("embedded resource Dcsc.Rules.security-profiles.tsv is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var all = new List<SecurityProfileEntry>();
        var byKey = new Dictionary<string, SecurityProfileEntry>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 5) throw new InvalidDataException($"security-profiles.tsv: line \"{line}\" has {f.Length} columns, not 6");
            Version? tls = f[4] == "-" ? null : ParseTlsVersion(f[4])?.Version;
            var others = f.Length > 5 ? f[5].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : Array.Empty<string>();
            var e = new SecurityProfileEntry(f[0], f[1], f[2], f[3] == "retired", tls, others);
            all.Add(e);
            foreach (var n in others.Prepend(e.Name)) byKey.TryAdd(Key(n), e);
        }
        return (all, byKey);
    }
}
