using System.Text;
using System.Text.RegularExpressions;
using Dcsc.Import.Readers;

namespace Dcsc.Import;

/// <summary>The files of an imported project, relative to the output folder, and the report.</summary>
public sealed record ImportResult(IReadOnlyList<(string Path, byte[] Content)> Files, ImportReport Report, string StatementFile);

/// <summary>
/// <c>dcsc import</c>: reads an existing Conformance Statement (.docx, .md, .html, .pdf, or .txt from
/// <c>pdftotext -layout</c>) and produces a dcsc project: statement.yaml (IODs in included files), images/, and
/// import-report.md. Nothing is written here; the caller writes <see cref="ImportResult.Files"/> all or nothing.
/// </summary>
public static class Importer
{
    public const string StatementFile = "statement.yaml";

    public static readonly IReadOnlyList<string> Extensions = new[] { ".docx", ".md", ".markdown", ".html", ".htm", ".pdf", ".txt" };

    public static ImportResult Import(string path, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(ext))
            throw new ImportException($"'{Path.GetFileName(path)}': dcsc import reads {string.Join(", ", Extensions)} files; this one is '{(ext.Length == 0 ? "(no extension)" : ext)}'");
        var bytes = InputFile.Read(path, limits);
        var doc = Read(path, ext, bytes, limits);
        return Import(doc);
    }

    public static SourceDocument Read(string path, string ext, byte[] bytes, ImportLimits limits) => ext switch
    {
        ".docx" => DocxReader.Read(path, bytes, limits),
        ".pdf" => PdfReader.Read(path, bytes, limits),
        ".md" or ".markdown" => MarkdownReader.Read(path, Text(path, bytes), limits),
        ".html" or ".htm" => HtmlReader.Read(path, Text(path, bytes), limits),
        _ => LayoutTextReader.Read(path, Text(path, bytes), limits),
    };

    /// <summary>UTF-8 text (a BOM is skipped); NUL bytes mean a binary file with the wrong extension.</summary>
    private static string Text(string path, byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new ImportException($"'{Path.GetFileName(path)}' is not a text file (it contains NUL bytes)");
        var s = new UTF8Encoding(false, false).GetString(bytes);
        return s.Length > 0 && s[0] == '\ufeff' ? s[1..] : s;
    }

    public static ImportResult Import(SourceDocument doc)
    {
        var report = new ImportReport();
        var tree = SectionMapper.Map(doc);
        var mapped = Count(tree, n => n.Template is not null);
        var tables = doc.Blocks.Count(b => b is TableBlock);
        var uids = doc.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).SelectMany(r => r).Count(c => c.StartsWith("1.2.840.10008.", StringComparison.Ordinal));
        if (mapped < 3 && uids == 0)
            throw new ImportException($"'{Path.GetFileName(doc.Path)}' does not look like a DICOM Conformance Statement: {Count(tree, _ => true) - 1} headings, {mapped} of them PS3.2 sections, {tables} tables, no SOP Class UID");
        var statement = new StatementAssembler(doc, report).Assemble(tree);
        var files = new List<(string, byte[])>();
        var stem = Path.GetFileNameWithoutExtension(StatementFile);
        SplitIods(statement, stem, files);
        var header = $"yaml-language-server: $schema=https://raw.githubusercontent.com/dcsc-project/dcsc/main/schema/dcsc.schema.json\n\nImported by dcsc import from {Path.GetFileName(doc.Path)}; see import-report.md for what went where.\n# source: comments give the file and line ({(doc.Format == "docx" ? "paragraph" : "line")}) each value came from.";
        files.Insert(0, (StatementFile, Utf8(YamlWriter.Write(statement, header))));
        foreach (var img in doc.Images) files.Add(("images/" + img.FileName, img.Content));
        files.Add(("import-report.md", Utf8(report.Markdown(doc, StatementFile))));
        return new ImportResult(files, report, StatementFile);
    }

    /// <summary>A large statement keeps each IOD in its own file (statement/iods/&lt;name&gt;.yaml), pulled in with !include.</summary>
    private static void SplitIods(YMap statement, string stem, List<(string, byte[])> files)
    {
        if (statement["iods"] is not YSeq iods || iods.Items.Count == 0) return;
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < iods.Items.Count; i++)
        {
            if (iods.Items[i] is not YMap iod) continue;
            var name = (iod["name"] as YScalar)?.Value ?? $"iod-{i + 1}";
            var slug = Regex.Replace(name.ToLowerInvariant(), @"[^a-z0-9]+", "-").Trim('-');
            if (slug.Length == 0) slug = $"iod-{i + 1}";
            if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
            var file = slug;
            for (int k = 2; !used.Add(file); k++) file = $"{slug}-{k}";
            var rel = $"{stem}/iods/{file}.yaml";
            var comment = iod.Comment;
            iod.Comment = null;
            files.Add((rel, Utf8(YamlWriter.Write(iod, $"yaml-language-server: $schema=https://raw.githubusercontent.com/dcsc-project/dcsc/main/schema/dcsc.schema.json\n{name} (included from {StatementFile})." + (comment is null ? "" : "\n" + comment)))));
            iods.Items[i] = new YScalar("!include " + rel) { Raw = true };
        }
    }

    private static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);

    private static int Count(MappedSection n, Func<MappedSection, bool> f) => (f(n) ? 1 : 0) + n.Children.Sum(c => Count(c, f));
}
