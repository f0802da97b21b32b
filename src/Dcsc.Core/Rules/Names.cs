using System.Collections.Concurrent;
using System.Text;

namespace Dcsc.Rules;

/// <summary>Name comparison tolerant of case, punctuation, white space and conventional suffixes.</summary>
public static class Names
{
    private static readonly ConcurrentDictionary<string, string> s_cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The comparable form of a UID or attribute name: lower case letters and digits only; "Query/Retrieve" and
    /// "Q/R" read the same; a trailing " SOP Class" and leading sequence markers (">") are ignored.
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        return s_cache.GetOrAdd(name, static n =>
        {
            var sb = new StringBuilder(n.Length);
            foreach (char c in n.Replace("Query/Retrieve", "QR", StringComparison.OrdinalIgnoreCase)
                                 .Replace("Q/R", "QR", StringComparison.OrdinalIgnoreCase))
            {
                if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            }
            var s = sb.ToString();
            if (s.EndsWith("sopclass", StringComparison.Ordinal) && s.Length > 8) s = s[..^8];
            return s;
        });
    }

    public static bool Same(string? a, string? b) => Normalize(a) == Normalize(b);
}
