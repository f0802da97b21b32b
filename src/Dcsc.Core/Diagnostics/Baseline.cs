using System.Text;
using System.Text.Json;
using Dcsc.Diagnostics.Formats;

namespace Dcsc.Diagnostics;

/// <summary>One known finding: file (relative to the baseline's folder), rule id and fingerprint.</summary>
public sealed record BaselineEntry(string File, string Id, string Fingerprint, string Message);

/// <summary>
/// Known findings to ignore, for adopting dcsc on an existing statement gradually (<c>dcsc lint --baseline</c>).
/// A finding matches an entry by file, rule id and a fingerprint of its message and the text of its line,
/// so it stays matched when lines above it are inserted or removed. Each entry suppresses one finding.
/// The file is JSON, sorted, written the same way for the same findings.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    public Baseline(IEnumerable<BaselineEntry> entries) =>
        Entries = entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal).ToList();

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>The baseline of the given findings; paths are made relative to <paramref name="baselineFolder"/>.</summary>
    public static Baseline Create(IEnumerable<Diagnostic> diagnostics, string baselineFolder)
    {
        var fp = new FingerprintSource();
        return new Baseline(diagnostics.Select(d => new BaselineEntry(KeyPath(d.Span.File, baselineFolder), d.Id, fp.Of(d), d.Message)));
    }

    /// <summary>Findings not in the baseline, and how many were suppressed.</summary>
    public (IReadOnlyList<Diagnostic> Remaining, int Suppressed) Filter(IEnumerable<Diagnostic> diagnostics, string baselineFolder)
    {
        var budget = new Dictionary<(string, string, string), int>();
        foreach (var e in Entries)
            budget[(e.File, e.Id, e.Fingerprint)] = budget.GetValueOrDefault((e.File, e.Id, e.Fingerprint)) + 1;
        var fp = new FingerprintSource();
        var remaining = new List<Diagnostic>();
        int suppressed = 0;
        foreach (var d in diagnostics)
        {
            var key = (KeyPath(d.Span.File, baselineFolder), d.Id, fp.Of(d));
            if (budget.TryGetValue(key, out var n) && n > 0) { budget[key] = n - 1; suppressed++; }
            else remaining.Add(d);
        }
        return (remaining, suppressed);
    }

    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteString("tool", "dcsc");
            w.WriteStartArray("findings");
            foreach (var e in Entries)
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                w.WriteString("id", e.Id);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Largest baseline file read, in bytes (docs/limits.md).</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Reads a baseline file (a regular file of at most <see cref="MaxFileBytes"/>, UTF-8); throws
    /// <see cref="FormatException"/> with a readable message when it cannot be read or is not a baseline.
    /// </summary>
    public static Baseline Load(string path)
    {
        var read = Dcsc.Source.BoundedFile.Read(path, MaxFileBytes);
        if (!read.Ok) throw new FormatException(read.Message);
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(read.Bytes!); }
        catch (DecoderFallbackException) { throw new FormatException("the baseline is not UTF-8 text"); }
        return Parse(text.TrimStart('\uFEFF'));
    }

    /// <summary>Reads a baseline file's text; throws <see cref="FormatException"/> with a readable message when it is not one.</summary>
    public static Baseline Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new FormatException("not a dcsc baseline: expected an object with a `findings` array");
            if (root.TryGetProperty("version", out var v))
            {
                if (v.ValueKind != JsonValueKind.Number)
                    throw new FormatException($"`version` must be the number {FormatVersion}, not {Describe(v)}");
                if (!v.TryGetInt32(out int version) || version != FormatVersion)
                    throw new FormatException($"unsupported baseline version {Shorten(v.GetRawText())}; this dcsc reads version {FormatVersion}");
            }
            var entries = new List<BaselineEntry>();
            foreach (var f in findings.EnumerateArray())
            {
                string Get(string name) => f.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                    ? p.GetString()! : throw new FormatException($"baseline finding {entries.Count + 1} has no string `{name}`");
                entries.Add(new BaselineEntry(Get("file"), Get("id"), Get("fingerprint"),
                    f.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : ""));
            }
            return new Baseline(entries);
        }
        catch (JsonException e) { throw new FormatException("the baseline is not valid JSON: " + e.Message, e); }
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(v.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Null => "null",
        _ => Shorten(v.GetRawText()),
    };

    private static string Shorten(string s) => Diagnostic.OneLine(s.Length > 40 ? s[..40] + "…" : s);

    private static string KeyPath(string file, string baselineFolder)
    {
        if (string.IsNullOrEmpty(file)) return "";
        var rel = Path.GetRelativePath(Path.GetFullPath(baselineFolder), Path.GetFullPath(file));
        return rel.Replace('\\', '/');
    }
}
