using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;

namespace Dcsc.Import.Readers;

/// <summary>
/// Reads a statement written in Word (.docx) with the Open XML SDK: headings by paragraph style ("Heading N") or
/// outline level, captions by the Caption style or "Table N-M" text, lists by numbering, tables with horizontally
/// (gridSpan) and vertically (vMerge) merged cells spread into a grid, embedded images extracted. Page and section
/// breaks are ignored. Block positions are paragraph numbers (1-based, body order).
/// The zip is checked before the SDK opens it: total unpacked size bounded, so a zip bomb is refused.
/// </summary>
public static partial class DocxReader
{
    public static SourceDocument Read(string path, byte[] bytes, ImportLimits limits)
    {
        CheckZip(bytes, limits);
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes / 2 });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new ImportException($"'{Path.GetFileName(path)}' is not a readable Word document: {e.Message}");
        }
        using (word)
        {
            var body = word.MainDocumentPart?.Document?.Body ?? throw new ImportException($"'{Path.GetFileName(path)}' has no document body");
            var reader = new State(word, limits);
            try
            {
                foreach (var el in body.ChildElements) reader.Element(el, 0);
            }
            catch (System.Xml.XmlException e)
            {
                throw new ImportException($"'{Path.GetFileName(path)}' has a malformed document part: {e.Message}");
            }
            reader.FlushList();
            return new SourceDocument(path, "docx", MarkdownReader.AttachCaptions(reader.Blocks), reader.Images);
        }
    }

    private static void CheckZip(byte[] bytes, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > limits.MaxUnpackedBytes)
                    throw new ImportException($"the Word document unpacks to more than {limits.MaxUnpackedBytes / (1024 * 1024)} MB");
            }
            if (zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
                throw new ImportException("the file is a zip archive but not a Word document (no word/document.xml)");
        }
        catch (InvalidDataException)
        {
            var ole = bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0;
            throw new ImportException(ole
                ? "the file is not a .docx zip package: it is an OLE compound file (a password-protected .docx or an old binary .doc); save it unprotected as .docx"
                : "the file is not a .docx (not a zip package; corrupt or truncated?)");
        }
    }

    [GeneratedRegex(@"^heading\s*(\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    private sealed class State(WordprocessingDocument word, ImportLimits limits)
    {
        public readonly List<Block> Blocks = new();
        public readonly List<ExtractedImage> Images = new();
        private readonly Dictionary<string, Style> _styles = (word.MainDocumentPart?.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? Enumerable.Empty<Style>())
            .Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly Dictionary<string, string> _imageNames = new(StringComparer.Ordinal);
        private int _paragraph;
        private readonly List<string> _list = new();
        private int _listLine;

        public void Element(OpenXmlElement el, int depth)
        {
            if (depth > limits.MaxDepth) throw new ImportException($"the Word document nests elements more than {limits.MaxDepth} deep");
            if (Blocks.Count >= limits.MaxBlocks) throw new ImportException($"the document has more than {limits.MaxBlocks} blocks");
            switch (el)
            {
                case Paragraph p: Paragraph(p); break;
                case Table t: FlushList(); Blocks.Add(Table(t, depth) with { Key = _authorKey }); _authorKey = null; break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (var c in content.ChildElements) Element(c, depth + 1);
                    break;
                case CustomXmlBlock cx:
                    foreach (var c in cx.ChildElements) Element(c, depth + 1);
                    break;
            }
        }

        public void FlushList()
        {
            if (_list.Count == 0) return;
            Blocks.Add(new TextBlock(string.Join("\n", _list), _listLine));
            _list.Clear();
        }

        private (string? Name, int? Outline) StyleOf(Paragraph p)
        {
            var id = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            int? outline = p.ParagraphProperties?.OutlineLevel?.Val?.Value;
            string? name = null;
            for (int guard = 0; id is not null && guard < 10 && _styles.TryGetValue(id, out var s); guard++)
            {
                name ??= s.StyleName?.Val?.Value ?? id;
                outline ??= s.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
                id = s.BasedOn?.Val?.Value;
            }
            return (name ?? p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, outline);
        }

        private void Paragraph(Paragraph p)
        {
            _paragraph++;
            var (style, outline) = StyleOf(p);
            foreach (var blip in p.Descendants<A.Blip>())
                // A figure dcsc drew from the model (Figures 1-1, 4-1; its picture is named by its caption) is drawn again by the next build.
                if (blip.Ancestors<Drawing>().FirstOrDefault()?.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().FirstOrDefault()?.Name?.Value is { } pictureName
                    && blip.Descendants().Any(e => e.LocalName == "svgBlip") && Dcsc.Figures.StatementFigures.IsGenerated(pictureName))
                    continue;
                else if (blip.Embed?.Value is { } rid && Image(rid) is { } file)
                {
                    FlushList();
                    Blocks.Add(new ImageBlock(file, "", _paragraph));
                }
            var plain = ReaderText.Squash(string.Concat(p.Descendants<Text>().Select(t => t.Text)));
            if (plain.Length == 0) return;
            // The hidden bookmark dcsc puts on an author table's caption names the table's key.
            _authorKey = p.Descendants<BookmarkStart>().Select(b => b.Name?.Value ?? "")
                .Where(n => n.StartsWith(Dcsc.Render.Docx.DocxRenderer.AuthorKeyBookmarkPrefix, StringComparison.Ordinal))
                .Select(n => n[Dcsc.Render.Docx.DocxRenderer.AuthorKeyBookmarkPrefix.Length..]).FirstOrDefault();
            int level = 0;
            if (style is not null && HeadingStyle().Match(style) is { Success: true } m) level = m.Groups[1].Value[0] - '0';
            else if (outline is { } o && o < 9 && !string.Equals(style, "Title", StringComparison.OrdinalIgnoreCase)) level = o + 1;
            if (level > 0)
            {
                FlushList();
                Blocks.Add(new HeadingBlock(level, plain, _paragraph));
                return;
            }
            var text = Runs(p);
            var isList = p.ParagraphProperties?.NumberingProperties is not null || (style?.Contains("List", StringComparison.OrdinalIgnoreCase) ?? false);
            if (isList && !ReaderText.IsCaption(plain))
            {
                if (_list.Count == 0) _listLine = _paragraph;
                var ilvl = p.ParagraphProperties?.NumberingProperties?.NumberingLevelReference?.Val?.Value ?? 0;
                _list.Add(new string(' ', Math.Clamp(ilvl, 0, 8) * 2) + "- " + text);
                return;
            }
            FlushList();
            Blocks.Add(new TextBlock(string.Equals(style, "caption", StringComparison.OrdinalIgnoreCase) ? plain : text, _paragraph));
        }

        /// <summary>Run text as Markdown: bold, italic and code kept, everything else escaped; tabs and breaks as spaces / line breaks.</summary>
        private string Runs(Paragraph p)
        {
            var sb = new StringBuilder();
            // A hyperlink to a table's bookmark ("Table 6-1", as dcsc prints {table:…} references) is kept as a Markdown link.
            Hyperlink? link = null;
            void Close() { if (link is not null) sb.Append("](#").Append(link.Anchor!.Value).Append(')'); }
            foreach (var r in p.Descendants<Run>())
            {
                var to = r.Ancestors<Hyperlink>().FirstOrDefault(h => h.Anchor?.Value is { } a && ReaderText.TableAnchor().IsMatch("#" + a));
                if (!ReferenceEquals(to, link))
                {
                    Close();
                    if (to is not null) sb.Append('[');
                    link = to;
                }
                var t = new StringBuilder();
                foreach (var c in r.ChildElements)
                {
                    if (c is Text x) t.Append(x.Text);
                    else if (c is TabChar) t.Append(' ');
                    else if (c is Break b && b.Type?.Value != BreakValues.Page && b.Type?.Value != BreakValues.Column) t.Append('\n');
                }
                if (IsCode(r) && t.ToString().Trim() is { Length: > 0 } code && !code.Contains('\n'))
                {
                    var fence = code.Contains('`') ? "``" : "`";
                    sb.Append(fence).Append(fence.Length > 1 ? " " + code + " " : code).Append(fence);
                    continue;
                }
                var s = ReaderText.EscapeMarkdown(t.ToString());
                if (s.Trim().Length == 0) { sb.Append(s); continue; }
                bool bold = r.RunProperties?.Bold is { } bo && (bo.Val is null || bo.Val.Value), italic = r.RunProperties?.Italic is { } it && (it.Val is null || it.Val.Value);
                if (bold) s = "**" + s.Trim() + "** ";
                else if (italic) s = "*" + s.Trim() + "* ";
                sb.Append(s);
            }
            Close();
            var lines = sb.ToString().Split('\n').Select(l => Regex.Replace(l, @"[ \t\u00a0]+", " ").Trim());
            return string.Join("\n", lines).Trim();
        }

        private static readonly HashSet<string> MonospaceFonts = new(StringComparer.OrdinalIgnoreCase) { "Courier New", "Courier", "Consolas", "Lucida Console", "Menlo", "Monaco", "Source Code Pro" };

        /// <summary>
        /// A run set as code: the character style dcsc and pandoc use ("Verbatim Char"), or a monospace font on the run
        /// itself; Markdown code spans come back as `code`.
        /// </summary>
        private bool IsCode(Run r)
        {
            if (r.RunProperties?.RunStyle?.Val?.Value is { } id)
            {
                var name = _styles.TryGetValue(id, out var st) ? st.StyleName?.Val?.Value ?? id : id;
                if (name.Equals("Verbatim Char", StringComparison.OrdinalIgnoreCase) || id.Equals("VerbatimChar", StringComparison.Ordinal)) return true;
            }
            return r.RunProperties?.RunFonts?.Ascii?.Value is { } font && MonospaceFonts.Contains(font);
        }

        /// <summary>The author-table key named by the last paragraph (a caption), for the table that follows it.</summary>
        private string? _authorKey;

        private string? Image(string relationshipId)
        {
            if (_imageNames.TryGetValue(relationshipId, out var known)) return known;
            if (Images.Count >= limits.MaxImages) return null;
            if (word.MainDocumentPart?.TryGetPartById(relationshipId, out var part) != true || part is not ImagePart image) return null;
            using var s = image.GetStream();
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > limits.MaxFileBytes) throw new ImportException("an embedded image is larger than the input limit");
                buffer.Write(chunk, 0, n);
            }
            var ext = image.ContentType switch
            {
                "image/png" => ".png", "image/jpeg" => ".jpg", "image/gif" => ".gif", "image/svg+xml" => ".svg", "image/bmp" => ".bmp",
                "image/x-emf" or "image/emf" => ".emf", "image/x-wmf" or "image/wmf" => ".wmf", "image/tiff" => ".tif", _ => ".bin",
            };
            var name = $"image-{Images.Count + 1}{ext}";
            Images.Add(new ExtractedImage(name, buffer.ToArray()));
            _imageNames[relationshipId] = name;
            return name;
        }

        private TableBlock Table(Table t, int depth)
        {
            var line = _paragraph + 1;
            var grid = new List<List<string>>();
            int header = 0, cells = 0;
            bool headerRun = true;
            foreach (var tr in t.Elements<TableRow>())
            {
                var row = new List<string>();
                var before = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (int k = 0; k < before; k++) row.Add("");
                foreach (var tc in tr.Elements<TableCell>())
                {
                    var span = Math.Clamp(tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                    var vmerge = tc.TableCellProperties?.VerticalMerge;
                    string text;
                    if (vmerge is not null && (vmerge.Val is null || vmerge.Val.Value == MergedCellValues.Continue))
                        text = grid.Count > 0 && row.Count < grid[^1].Count ? grid[^1][row.Count] : "";
                    else
                    {
                        var paragraphs = tc.Descendants<Paragraph>().Select(p => ReaderText.Squash(string.Concat(p.Descendants<Text>().Select(x => x.Text)))).Where(s => s.Length > 0);
                        text = string.Join(" ", paragraphs);
                        _paragraph += tc.Elements<Paragraph>().Count();
                    }
                    for (int k = 0; k < span; k++)
                    {
                        if (++cells > limits.MaxTableCells) throw new ImportException($"a table at paragraph {line} has more than {limits.MaxTableCells} cells");
                        row.Add(k == 0 ? text : "");
                    }
                }
                var isHeader = tr.TableRowProperties?.GetFirstChild<TableHeader>() is { } th && (th.Val is null || th.Val.Value == OnOffOnlyValues.On);
                if (headerRun && isHeader) header++; else headerRun = false;
                grid.Add(row);
            }
            return new TableBlock(null, ReaderText.Rectangle(grid), Math.Max(header, grid.Count > 0 ? 1 : 0), line);
        }
    }
}
