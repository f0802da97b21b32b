using System.Globalization;
using System.Text;
using System.Text.Json;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;
using Dcsc.Model;

namespace Dcsc.Diff;

/// <summary>Writes a statement diff as text (compiler style), Markdown (PR comment, release notes), JSON, or a Revision History entry.</summary>
public static class DiffFormatter
{
    /// <summary><c>file(line,col): removed SOP Class "…" (uid)</c>, one line per change, then nothing else.</summary>
    public static string Text(IReadOnlyList<Change> changes)
    {
        var sb = new StringBuilder();
        // One line per change, author text with control characters made visible (UntrustedText.ForLog).
        foreach (var c in changes) sb.Append(Diagnostic.OneLine($"{c.Where}: {c.Verb} {c.Category} {c.Subject}{(c.Detail is null ? "" : ": " + c.Detail)}")).Append('\n');
        return sb.ToString();
    }

    public static string Summary(IReadOnlyList<Change> changes) => changes.Count == 0
        ? "no change in conformance"
        : $"{changes.Count} change(s): {changes.Count(c => c.Kind == ChangeKind.Added)} added, {changes.Count(c => c.Kind == ChangeKind.Removed)} removed, {changes.Count(c => c.Kind == ChangeKind.Changed)} changed";

    public static string Markdown(IReadOnlyList<Change> changes, string oldPath, string newPath, ArtifactPaths paths)
    {
        var sb = new StringBuilder();
        sb.Append("### Conformance changes\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{MarkdownText.Code(paths.Display(oldPath))} → {MarkdownText.Code(paths.Display(newPath))}: {Summary(changes)}.\n");
        if (changes.Count == 0) return sb.ToString();
        foreach (var group in changes.GroupBy(c => c.Category))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.Escape(group.Key)}\n\n| Change | Item | Details | Where |\n| --- | --- | --- | --- |\n");
            foreach (var c in group)
            {
                var where = c.Where;
                var loc = paths.Display(where.File) + (where.HasPosition ? $":{where.Line}" : "");
                sb.Append("| ").Append(c.Kind switch { ChangeKind.Added => "➕ added", ChangeKind.Removed => "➖ removed", _ => "✏️ changed" })
                  .Append(" | ").Append(MarkdownFormatter.Cell(c.Subject))
                  .Append(" | ").Append(MarkdownFormatter.Cell(c.Detail ?? ""))
                  .Append(" | ").Append(MarkdownText.Code(loc)).Append(" |\n");
            }
        }
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<Change> changes, string oldPath, string newPath)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("old", oldPath);
            w.WriteString("new", newPath);
            w.WriteStartArray("changes");
            foreach (var c in changes)
            {
                w.WriteStartObject();
                w.WriteString("kind", c.Verb);
                w.WriteString("category", c.Category);
                w.WriteString("subject", c.Subject);
                if (c.Detail is not null) w.WriteString("detail", c.Detail);
                if (c.Old is { } o) Location(w, "oldLocation", o);
                if (c.New is { } n) Location(w, "newLocation", n);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("added", changes.Count(c => c.Kind == ChangeKind.Added));
            w.WriteNumber("removed", changes.Count(c => c.Kind == ChangeKind.Removed));
            w.WriteNumber("changed", changes.Count(c => c.Kind == ChangeKind.Changed));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void Location(Utf8JsonWriter w, string name, SourceSpan s)
    {
        w.WriteStartObject(name);
        w.WriteString("file", s.File);
        w.WriteNumber("line", s.Line);
        w.WriteNumber("column", s.Column);
        w.WriteEndObject();
    }

    /// <summary>
    /// A row for the new statement's <c>revision_history:</c> (YAML): the next revision number after the last
    /// one in <paramref name="newS"/>, the date, the new product version, and the changes in one line.
    /// </summary>
    public static string RevisionEntry(Statement newS, IReadOnlyList<Change> changes, string date)
    {
        var last = newS.RevisionHistory.Count > 0 ? newS.RevisionHistory[^1].Number : null;
        var change = changes.Count == 0 ? "No change in conformance."
            : string.Join("; ", changes.Select(c => Capitalise(c.Verb) + " " + c.Category + " " + c.Subject + (c.Detail is null ? "" : " (" + c.Detail + ")"))) + ".";
        var sb = new StringBuilder();
        sb.Append("- revision: ").Append(Quote(NextRevision(last))).Append('\n');
        sb.Append("  date: ").Append(Quote(date)).Append('\n');
        sb.Append("  product_versions: ").Append(Quote(newS.Product.Version)).Append('\n');
        sb.Append("  change: ").Append(Quote(change)).Append('\n');
        return sb.ToString();
    }

    /// <summary>"1.2" → "1.3", "A" → "B", "7" → "8"; none → "1".</summary>
    public static string NextRevision(string? last)
    {
        if (string.IsNullOrWhiteSpace(last)) return "1";
        var m = System.Text.RegularExpressions.Regex.Match(last, @"^(.*?)(\d+)(\D*)$");
        if (m.Success) return m.Groups[1].Value + (long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1) + m.Groups[3].Value;
        if (last.Length == 1 && char.IsAsciiLetter(last[0]) && last[0] is not ('z' or 'Z')) return ((char)(last[0] + 1)).ToString();
        return last + ".1";
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "") + "\"";
}
