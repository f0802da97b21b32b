using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using Dcsc.Tool;

namespace Dcsc.Render.Docx;

/// <summary>Options of the DOCX renderer.</summary>
public sealed class DocxOptions
{
    /// <summary>
    /// A .docx whose styles (and theme, numbering, font table if present) are used, as pandoc's
    /// <c>--reference-doc</c> does. Styles dcsc needs that it lacks are added (docs/docx-styles.md).
    /// </summary>
    public byte[]? ReferenceDocx { get; init; }

    /// <summary>
    /// Build every table with the SDK's object model instead of writing its XML directly (the output is the same,
    /// byte for byte; tests/Dcsc.Tests/Render/DocxTableXmlTests.cs sets it to compare the two).
    /// </summary>
    internal bool DomTables { get; init; }

    /// <summary>Heading levels the table of contents lists (1–6; default 3: chapters, sections, subsections).</summary>
    public int TocLevels { get; init; } = 3;

    /// <summary>Figures dcsc drew (Figures stage): a figure whose image is one of these files becomes a picture (PNG, with the SVG for Word).</summary>
    public IReadOnlyList<Dcsc.Figures.GeneratedFigure> Figures { get; init; } = Array.Empty<Dcsc.Figures.GeneratedFigure>();
}

/// <summary>
/// Renders dcsc Markdown (docs/markdown-conventions.md) to a Word document with DocumentFormat.OpenXml.
/// The output is byte-identical for the same input and options.
/// </summary>
public static partial class DocxRenderer
{
    /// <summary>Prefix of the hidden bookmark that carries an author table's key (read back by Import/Readers/DocxReader).</summary>
    public const string AuthorKeyBookmarkPrefix = "_dcsc_key_";

    public static byte[] Render(string dcscMarkdown, DocxOptions? options = null)
    {
        DcscDocument doc;
        using (StageTimer.Time("docx: parse markdown")) doc = DcscDocument.Parse(dcscMarkdown);
        return Render(doc, options);
    }

    /// <summary>The Word document of a parsed document, which is only read (the HTML renderer may read it at the same time).</summary>
    public static byte[] Render(DcscDocument doc, DocxOptions? options = null)
    {
        options ??= new DocxOptions();
        var cover = doc.Cover;
        var product = cover?.ProductAndVersion ?? "";
        var core = new DocxPackage.CoreProperties(
            Title: product.Length > 0 ? "DICOM Conformance Statement – " + product : "DICOM Conformance Statement",
            Subject: "DICOM Conformance Statement",
            Creator: cover?.Manufacturer,
            Date: DcscDocument.ParseCoverDate(cover?.Date) ?? new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Keywords: "DICOM; Conformance Statement");

        using var ms = new MemoryStream();
        IReadOnlyList<byte[]> rawTables;
        using (StageTimer.Time("docx: build and save package"))
        using (var pkg = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document, true))
        {
            // Parts are stored, not deflated: Normalize reads them back and writes the package that is kept, so the
            // 12 MB document.xml of a large statement is compressed once instead of deflated, inflated and deflated.
            pkg.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
            var builder = new Builder(doc, pkg, options);
            builder.Build();
            rawTables = builder.RawTables;
        }
        using (StageTimer.Time("docx: normalize zip")) return DocxPackage.Normalize(new MemoryStream(ms.GetBuffer(), 0, (int)ms.Length, writable: false), core, rawTables);
    }

    private readonly record struct Fmt(bool Bold, bool Italic, bool Strike, bool Code, bool Link);

    private sealed partial class Builder
    {
        // A4, margins 2.5 cm top, 2 cm elsewhere (twentieths of a point).
        private const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1418, MarginSide = 1134, MarginBottom = 1134;
        private const int PortraitTextWidth = PageWidth - 2 * MarginSide;
        private const int LandscapeTextWidth = PageHeight - 2 * MarginSide;
        private const string HeaderRelId = "rIdHeader1", FooterRelId = "rIdFooter1";

        private readonly DcscDocument _doc;
        private readonly WordprocessingDocument _pkg;
        private readonly DocxOptions _options;
        private MainDocumentPart _main = null!;
        private IReadOnlyDictionary<string, string> _styles = null!;
        private readonly List<OpenXmlElement> _body = new();
        private readonly List<byte[]> _rawTables = new();

        /// <summary>While a table too narrow for its UIDs is written: UIDs get break opportunities after their dots.</summary>
        private bool _uidBreaks;

        /// <summary>Tables written as XML text; the body holds a placeholder comment for each (see <see cref="TableXml"/>).</summary>
        public IReadOnlyList<byte[]> RawTables => _rawTables;
        private readonly Dictionary<string, string> _hyperlinkRels = new(StringComparer.Ordinal);
        private readonly List<(bool Ordered, int Level, int Start)> _lists = new();
        private readonly HashSet<string> _bookmarks = new(StringComparer.Ordinal);
        private int _bookmarkId;
        private bool _landscape;
        private int _trailingHeadingStart = -1;
        private Numbering? _referenceNumbering;

        public Builder(DcscDocument doc, WordprocessingDocument pkg, DocxOptions options)
        {
            _doc = doc;
            _pkg = pkg;
            _options = options;
        }

        private string S(string key) => _styles[key];

        public void Build()
        {
            _main = _pkg.AddMainDocumentPart();
            Styles? refStyles = null;
            byte[]? theme = null, fonts = null;
            if (_options.ReferenceDocx is { } referenceBytes)
            {
                // Read with caps and checks (hostile input); see ReferenceDocument.
                var reference = ReferenceDocument.Read(referenceBytes);
                if (reference.StylesXml is { } st) refStyles = new Styles(RootXml(st));
                theme = reference.Theme;
                fonts = reference.FontTable;
                if (reference.NumberingXml is { } nb) _referenceNumbering = new Numbering(RootXml(nb));
            }

            var (styles, map) = DocxStyles.Build(refStyles);
            _styles = map;
            var stylesPart = _main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Save(stylesPart);

            var settingsPart = _main.AddNewPart<DocumentSettingsPart>("rIdSettings");
            Feed(settingsPart, SettingsXml);
            if (theme is not null) _main.AddNewPart<ThemePart>("rIdTheme").FeedData(new MemoryStream(theme));
            if (fonts is not null) _main.AddNewPart<FontTablePart>("rIdFontTable").FeedData(new MemoryStream(fonts));

            BuildHeaderFooter();

            var nodes = _doc.Nodes;
            for (int i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                // A table goes on a landscape page when the layout says so (many columns) or when its codes, UIDs
                // and words cannot stand side by side across the portrait text width.
                bool landscapeTable = node is DcscTable { Table: not null } dt && (dt.Info.Landscape || TooWideForPortrait(dt));
                if (_landscape && !landscapeTable) SectionBreak(landscape: true, insertAt: _body.Count);
                if (!_landscape && landscapeTable)
                {
                    SectionBreak(landscape: false, insertAt: _trailingHeadingStart >= 0 ? _trailingHeadingStart : _body.Count);
                    _landscape = true;
                }

                int before = _body.Count;
                switch (node)
                {
                    case DcscCover c: RenderCover(c); break;
                    case DcscToc t: RenderToc(t); break;
                    case DcscTable t: RenderTable(t); break;
                    case DcscFigure f: RenderFigure(f); break;
                    case DcscBlock b: RenderBlock(b.Block, null); break;
                }
                if (node is DcscBlock { Block: HeadingBlock })
                {
                    if (_trailingHeadingStart < 0) _trailingHeadingStart = before;
                }
                else if (_body.Count != before)
                {
                    _trailingHeadingStart = -1;
                }
            }

            if (_body.Count == 0 || _body[^1] is Table or OpenXmlMiscNode) _body.Add(new Paragraph());
            var saveTimer = StageTimer.Time("docx: document.xml save");
            var body = new Body();
            foreach (var e in _body) body.Append(e);
            body.Append(Sect(_landscape, cover: false));
            _main.Document = new Document(body);
            _main.Document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            _main.Document.Save();
            saveTimer.Dispose();

            if (_lists.Count > 0)
            {
                var numberingPart = _main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering");
                BuildNumbering().Save(numberingPart);
            }
            else if (_referenceNumbering is not null)
            {
                var numberingPart = _main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering");
                _referenceNumbering.Save(numberingPart);
            }
            if (_options.ReferenceDocx is not null) ReferenceDocument.ValidateCopiedParts(_main);
        }

        /// <summary>A part's XML without its declaration (the SDK's element constructors take the root element only).</summary>
        private static string RootXml(string xml) =>
            xml.TrimStart('\uFEFF').TrimStart().StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].Trim() : xml.Trim();

        private static void Feed(OpenXmlPart part, string xml) => part.FeedData(new MemoryStream(new UTF8Encoding(false).GetBytes(xml)));

        private const string SettingsXml = """
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>
""";

        // ---------------------------------------------------------------- sections, header, footer

        private void BuildHeaderFooter()
        {
            var cover = _doc.Cover;
            var product = cover?.ProductAndVersion ?? "";
            var headerText = product.Length > 0 ? product + " – DICOM Conformance Statement" : "DICOM Conformance Statement";
            var header = _main.AddNewPart<HeaderPart>(HeaderRelId);
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = S(DocxStyles.Header) }),
                TextRun(headerText, default)));
            header.Header.Save();

            var footer = _main.AddNewPart<FooterPart>(FooterRelId);
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = S(DocxStyles.Footer) }));
            if (cover?.Date is { Length: > 0 } date)
            {
                // Footer: "Page x of y", preceded by the document date.
                p.Append(TextRun(date + "   |   ", default));
            }
            p.Append(TextRun("Page ", default));
            p.Append(new SimpleField(TextRun("1", default)) { Instruction = " PAGE " });
            p.Append(TextRun(" of ", default));
            p.Append(new SimpleField(TextRun("1", default)) { Instruction = " NUMPAGES " });
            footer.Footer = new Footer(p);
            footer.Footer.Save();
        }

        private static SectionProperties Sect(bool landscape, bool cover)
        {
            var s = new SectionProperties();
            if (!cover)
            {
                s.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = HeaderRelId });
                s.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = FooterRelId });
            }
            var size = new PageSize
            {
                Width = (UInt32Value)(uint)(landscape ? PageHeight : PageWidth),
                Height = (UInt32Value)(uint)(landscape ? PageWidth : PageHeight),
            };
            if (landscape) size.Orient = PageOrientationValues.Landscape;
            s.Append(size);
            s.Append(new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = (UInt32Value)(uint)MarginSide, Right = (UInt32Value)(uint)MarginSide,
                Header = 567U, Footer = 567U, Gutter = 0U,
            });
            s.Append(new DocGrid { LinePitch = 360 });
            return s;
        }

        /// <summary>Ends the current section (portrait or landscape) with an empty paragraph at <paramref name="insertAt"/>.</summary>
        private void SectionBreak(bool landscape, int insertAt)
        {
            var p = new Paragraph(new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                Sect(landscape, cover: false)));
            _body.Insert(insertAt, p);
            _landscape = false;
            _trailingHeadingStart = -1;
        }

        // ---------------------------------------------------------------- cover and toc

        private void RenderCover(DcscCover cover)
        {
            int i = 0;
            foreach (var block in cover.Blocks)
            {
                if (block is ParagraphBlock p)
                {
                    var style = i switch { 0 => DocxStyles.Title, 1 => DocxStyles.Subtitle, _ => DocxStyles.CoverText };
                    _body.Add(Para(style, Inlines(p.Inline, default)));
                    i++;
                }
                else RenderBlock(block, null);
            }
            if (i == 0)
            {
                _body.Add(Para(DocxStyles.Title, [TextRun("DICOM Conformance Statement", default)]));
                if (cover.Info.ProductAndVersion.Length > 0)
                    _body.Add(Para(DocxStyles.Subtitle, [TextRun(cover.Info.ProductAndVersion, default)]));
            }
            // The cover is its own section, without header or footer.
            if (_body.Count == 0 || _body[^1] is not Paragraph last) { last = new Paragraph(); _body.Add(last); }
            var pPr = last.GetFirstChild<ParagraphProperties>() ?? last.PrependChild(new ParagraphProperties());
            pPr.Append(Sect(landscape: false, cover: true));
        }

        private void RenderToc(DcscToc toc)
        {
            var entries = new List<(int Level, string? Anchor, ContainerInline? Inline)>();
            foreach (var b in toc.Blocks)
                if (b is ListBlock l) CollectTocEntries(l, 1, entries);
            int levels = Math.Clamp(_options.TocLevels, 1, 6);
            entries.RemoveAll(e => e.Level > levels);

            OpenXmlElement[] FieldStart() =>
            [
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                new Run(new FieldCode($" TOC \\o \"1-{levels}\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            ];
            var end = new Run(new FieldChar { FieldCharType = FieldCharValues.End });

            if (entries.Count == 0)
            {
                var p = Para(DocxStyles.Toc(1), FieldStart());
                p.Append(TextRun("Update this field to build the table of contents.", default));
                p.Append(end);
                _body.Add(p);
                return;
            }

            for (int i = 0; i < entries.Count; i++)
            {
                var (level, anchor, inline) = entries[i];
                var content = new List<OpenXmlElement>();
                if (i == 0) content.AddRange(FieldStart());
                var linkRuns = new List<OpenXmlElement>(Inlines(inline, default));
                if (anchor is not null)
                {
                    var bm = BookmarkName(anchor);
                    var h = new Hyperlink { Anchor = bm, History = true };
                    foreach (var r in linkRuns) h.Append(r);
                    content.Add(h);
                }
                else content.AddRange(linkRuns);
                if (i == entries.Count - 1) content.Add(end);
                _body.Add(Para(DocxStyles.Toc(level), content));
            }
        }

        private static void CollectTocEntries(ListBlock list, int level, List<(int, string?, ContainerInline?)> entries)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                foreach (var child in item)
                {
                    if (child is ParagraphBlock p)
                    {
                        var link = p.Inline?.FirstOrDefault(x => x is LinkInline { IsImage: false }) as LinkInline;
                        if (link is not null && link.Url is { } url && url.StartsWith('#'))
                            entries.Add((Math.Min(level, 6), url[1..], link));
                        else
                            entries.Add((Math.Min(level, 6), null, p.Inline));
                    }
                    else if (child is ListBlock nested) CollectTocEntries(nested, level + 1, entries);
                }
            }
        }

        // ---------------------------------------------------------------- blocks

        /// <param name="styleOverride">Paragraph style for paragraphs (table notes, quotes), or null.</param>
        private void RenderBlock(Block block, string? styleOverride)
        {
            switch (block)
            {
                case HeadingBlock h:
                {
                    var content = new List<OpenXmlElement>();
                    var id = _doc.HeadingId(h);
                    var inlines = Inlines(h.Inline, default);
                    if (id is not null) content.AddRange(Bookmarked(id, inlines));
                    else content.AddRange(inlines);
                    _body.Add(Para(DocxStyles.Heading(h.Level), content));
                    break;
                }
                case MdTable table:
                    RenderTable(new DcscTable(new TableInfo(null, Array.Empty<TableGroup>(), new HashSet<int>(), false), null, table,
                        Array.Empty<Block>(), Array.Empty<Block>()));
                    break;
                case ParagraphBlock p:
                    _body.Add(Para(styleOverride ?? DocxStyles.Normal, Inlines(p.Inline, default)));
                    break;
                case ListBlock list:
                    RenderList(list, 0, styleOverride);
                    break;
                case QuoteBlock q:
                    foreach (var child in q) RenderBlock(child, DocxStyles.Quote);
                    break;
                case CodeBlock code:
                    _body.Add(Para(DocxStyles.SourceCode, LinesRuns(code)));
                    break;
                case HtmlBlock html:
                    if (DcscDocument.ReadMarker(html) is not null) break; // unknown marker: a comment
                    _body.Add(Para(styleOverride ?? DocxStyles.Normal, LinesRuns(html)));
                    break;
                case ThematicBreakBlock:
                    _body.Add(new Paragraph(new ParagraphProperties(new ParagraphBorders(
                        new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U, Color = "8EA3BA" }))));
                    break;
                case LinkReferenceDefinitionGroup:
                case LinkReferenceDefinition:
                case BlankLineBlock:
                    break;
                case ContainerBlock container:
                    foreach (var child in container) RenderBlock(child, styleOverride);
                    break;
                case LeafBlock leaf:
                    _body.Add(Para(styleOverride ?? DocxStyles.Normal, leaf.Inline is not null ? Inlines(leaf.Inline, default) : LinesRuns(leaf)));
                    break;
            }
        }

        private void RenderList(ListBlock list, int level, string? styleOverride)
        {
            int start = 1;
            if (list.IsOrdered && list.OrderedStart is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var st)) start = st;
            _lists.Add((list.IsOrdered, Math.Min(level, 8), start));
            int numId = _lists.Count; // renumbered in BuildNumbering
            foreach (var item in list.OfType<ListItemBlock>())
            {
                bool first = true;
                foreach (var child in item)
                {
                    if (child is ParagraphBlock p)
                    {
                        var para = Para(styleOverride ?? DocxStyles.ListParagraph, Inlines(p.Inline, default));
                        var pPr = para.GetFirstChild<ParagraphProperties>()!;
                        if (first)
                            pPr.InsertAfter(new NumberingProperties(new NumberingLevelReference { Val = Math.Min(level, 8) }, new NumberingId { Val = numId }),
                                pPr.GetFirstChild<ParagraphStyleId>());
                        else
                            pPr.Append(new Indentation { Left = (720 * (Math.Min(level, 8) + 1)).ToString(CultureInfo.InvariantCulture) });
                        _body.Add(para);
                        first = false;
                    }
                    else if (child is ListBlock nested) RenderList(nested, level + 1, styleOverride);
                    else RenderBlock(child, styleOverride);
                }
            }
        }

        private int _numIdBase;

        private Numbering BuildNumbering()
        {
            var numbering = _referenceNumbering is not null ? (Numbering)_referenceNumbering.CloneNode(true) : new Numbering();
            int absBase = numbering.Elements<AbstractNum>().Select(a => a.AbstractNumberId?.Value ?? 0).DefaultIfEmpty(-1).Max() + 1;
            _numIdBase = numbering.Elements<NumberingInstance>().Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max();
            var bullet = AbstractNumbering(absBase, ordered: false);
            var decimalNum = AbstractNumbering(absBase + 1, ordered: true);
            var lastAbs = numbering.Elements<AbstractNum>().LastOrDefault();
            if (lastAbs is not null) { lastAbs.InsertAfterSelf(decimalNum); lastAbs.InsertAfterSelf(bullet); }
            else { numbering.PrependChild(decimalNum); numbering.PrependChild(bullet); }

            var insertBefore = numbering.GetFirstChild<NumberingIdMacAtCleanup>();
            for (int i = 0; i < _lists.Count; i++)
            {
                var (ordered, level, start) = _lists[i];
                var num = new NumberingInstance(new AbstractNumId { Val = ordered ? absBase + 1 : absBase }) { NumberID = _numIdBase + i + 1 };
                if (ordered)
                    num.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level });
                if (insertBefore is not null) numbering.InsertBefore(num, insertBefore);
                else numbering.Append(num);
            }
            if (_numIdBase != 0)
            {
                foreach (var id in _main.Document.Body!.Descendants<NumberingId>())
                    id.Val = id.Val!.Value + _numIdBase;
                _main.Document.Save();
            }
            return numbering;
        }

        private static AbstractNum AbstractNumbering(int id, bool ordered)
        {
            var abs = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
            string[] bullets = ["•", "–", "▪"];
            for (int l = 0; l < 9; l++)
            {
                var lvl = new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = ordered ? NumberFormatValues.Decimal : NumberFormatValues.Bullet },
                    new LevelText { Val = ordered ? $"%{l + 1}." : bullets[l % 3] },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation
                    {
                        Left = (720 * (l + 1)).ToString(CultureInfo.InvariantCulture),
                        Hanging = "360",
                    })) { LevelIndex = l };
                if (!ordered)
                    lvl.Append(new NumberingSymbolRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }));
                abs.Append(lvl);
            }
            return abs;
        }

        // ---------------------------------------------------------------- tables

        private int _pictures;

        /// <summary>
        /// A figure: the picture dcsc drew (a PNG that Word and LibreOffice show, with the SVG as Word's
        /// svgBlip extension), centred and kept with its caption; or the image's alternative text. Then the caption,
        /// bookmarked for cross references.
        /// </summary>
        private void RenderFigure(DcscFigure f)
        {
            if (f.ImageLink is { } link && Dcsc.Figures.GeneratedFigure.Find(_options.Figures, link.Url) is { } drawn)
            {
                var name = Dcsc.Figures.GeneratedFigure.XmlEscape(f.Caption is null ? "Figure" : DcscDocument.PlainText(f.Caption.Inline).Trim());
                for (int i = 0; i < drawn.Parts.Count; i++)
                {
                    var part = drawn.Parts[i];
                    int n = ++_pictures;
                    var pngId = "rIdFigurePng" + n.ToString(CultureInfo.InvariantCulture);
                    var svgId = "rIdFigureSvg" + n.ToString(CultureInfo.InvariantCulture);
                    using (var png = new MemoryStream(part.Png)) _main.AddImagePart(ImagePartType.Png, pngId).FeedData(png);
                    using (var svg = new MemoryStream(new UTF8Encoding(false).GetBytes(part.Svg))) _main.AddImagePart(ImagePartType.Svg, svgId).FeedData(svg);
                    // Fit the text width, and the page height less room for the caption (a tall part is scaled down).
                    const long EmuPerTwip = 635;
                    long maxW = (_landscape ? LandscapeTextWidth : PortraitTextWidth) * EmuPerTwip;
                    long maxH = ((_landscape ? PageWidth : PageHeight) - MarginTop - MarginBottom - 1440) * EmuPerTwip;
                    double scale = Math.Min((double)maxW / part.Width, (double)maxH / part.Height);
                    long cx = (long)(part.Width * scale), cy = (long)(part.Height * scale);
                    var partName = drawn.Parts.Count > 1 ? $"{name} ({i + 1} of {drawn.Parts.Count})" : name;
                    var pPr = new ParagraphProperties(new ParagraphStyleId { Val = S(DocxStyles.Normal) });
                    // The last part stays with the caption; earlier parts may end a page (each fills most of one).
                    if (i == drawn.Parts.Count - 1) pPr.Append(new KeepNext());
                    pPr.Append(new Justification { Val = JustificationValues.Center });
                    _body.Add(new Paragraph(pPr, new Run(new Drawing(PictureXml(n, partName, pngId, svgId, cx, cy)))));
                }
            }
            else if (f.Image is not null) _body.Add(Para(DocxStyles.Normal, Inlines(f.Image.Inline, default)));
            if (f.Caption is not null)
            {
                var runs = Inlines(f.Caption.Inline, default);
                var caption = Para(DocxStyles.Caption, f.Id is not null ? Bookmarked(f.Id, runs) : runs);
                caption.GetFirstChild<ParagraphProperties>()!.Append(new Justification { Val = JustificationValues.Center });
                _body.Add(caption);
            }
            foreach (var b in f.Other) RenderBlock(b, null);
        }

        /// <summary>An inline DrawingML picture of the PNG part, with the SVG part as the svgBlip extension (Office 2016+).</summary>
        private static string PictureXml(int n, string name, string pngId, string svgId, long cx, long cy)
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            var w = cx.ToString(CultureInfo.InvariantCulture);
            var h = cy.ToString(CultureInfo.InvariantCulture);
            return "<w:drawing xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
                + $"<wp:extent cx=\"{w}\" cy=\"{h}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                + $"<wp:docPr id=\"{id}\" name=\"{name}\" descr=\"{name}\"/>"
                + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
                + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                + $"<pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"figure-{id}.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
                + $"<pic:blipFill><a:blip r:embed=\"{pngId}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
                + $"<asvg:svgBlip r:embed=\"{svgId}\" xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\"/>"
                + "</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                + $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>";
        }

        private void RenderTable(DcscTable t)
        {
            foreach (var b in t.Leading) RenderBlock(b, null);
            int textWidth = _landscape ? LandscapeTextWidth : PortraitTextWidth;

            if (t.Caption is not null)
            {
                IEnumerable<OpenXmlElement> runs = Inlines(t.Caption.Inline, default);
                if (t.Info.Id is not null) runs = Bookmarked(t.Info.Id, runs);
                // An author table's key as a hidden bookmark (Word hides names that begin with "_"), for dcsc import;
                // a key too long for a bookmark name (40 characters) is left out.
                if (t.Info.Key is { } key && AuthorKeyBookmarkPrefix.Length + key.Length <= 40) runs = Bookmarked(AuthorKeyBookmarkPrefix + key, runs);
                _body.Add(Para(DocxStyles.Caption, runs));
            }
            if (t.Table is null)
            {
                foreach (var b in t.Footnotes) RenderBlock(b, DocxStyles.TableNote);
                return;
            }

            int columns = Math.Max(1, t.ColumnCount);
            var (widths, uidBreaks) = ColumnWidths(t, columns, textWidth);
            _uidBreaks = uidBreaks;
            // Fast path: the table's XML is written as text (what the SDK would write, byte for byte) and put in
            // place of a placeholder comment when the package is normalized; building ~10 SDK objects per cell and
            // serializing them dominated the DOCX time of large statements (the SDK parses raw elements it is given,
            // so they do not help). Tables with content the writer does not handle take the DOM path.
            if (TableXml.TryWrite(this, t, columns, widths, textWidth) is { } xml)
            {
                _body.Add(new OpenXmlMiscNode(System.Xml.XmlNodeType.Comment, DocxPackage.RawTablePlaceholder(_rawTables.Count)));
                _rawTables.Add(Encoding.UTF8.GetBytes(xml)); // as it goes into document.xml: half the memory of the text
            }
            else _body.Add(DomTable(t, columns, widths, textWidth));
            _uidBreaks = false;

            foreach (var b in t.Footnotes) RenderBlock(b, DocxStyles.TableNote);
            if (t.Footnotes.Count == 0)
            {
                // Space after the table (a table directly followed by a heading or table looks cramped).
                _body.Add(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact })));
            }
        }

        private Table DomTable(DcscTable t, int columns, int[] widths, int textWidth)
        {
            var tbl = new Table();
            var tblPr = new TableProperties(
                new TableStyle { Val = S(DocxStyles.Table) },
                new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true });
            if (t.Caption is not null)
                tblPr.Append(new TableCaption { Val = Truncate(DcscDocument.NormalizeSpace(DcscDocument.PlainText(t.Caption.Inline)), 250) });
            tbl.Append(tblPr);
            var grid = new TableGrid();
            foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) });
            tbl.Append(grid);

            // Header rows.
            var header = DcscDocument.LayoutHeader(t, out int headerRows);
            for (int r = 0; r < headerRows; r++)
            {
                var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
                var cells = header.Where(c => c.Row == r).Select(c => (c.Column, Cell: c, Continue: false))
                    .Concat(r == 1 ? header.Where(c => c.Row == 0 && c.RowSpan == 2).Select(c => (c.Column, Cell: c, Continue: true)) : [])
                    .OrderBy(x => x.Column);
                foreach (var (column, c, cont) in cells)
                {
                    int width = widths.Skip(c.Column).Take(c.ColSpan).Sum();
                    // a group across the whole table is a title row (a configuration table's first part): as a group row
                    bool title = c.Cell is null && c.Text is not null && c.ColSpan == columns && columns > 1;
                    var fill = title ? "EEF2F7" : c.Cell is null && c.Text is not null ? "C5D5E8" : "DCE6F1";
                    MergedCellValues? vmerge = c.RowSpan == 2 ? (cont ? MergedCellValues.Continue : MergedCellValues.Restart) : null;
                    IEnumerable<OpenXmlElement> content = cont ? [] : c.Cell is not null ? CellInlines(c.Cell) : [TextRun(c.Text ?? "", default)];
                    var para = Para(DocxStyles.TableHeading, content);
                    if (c.Cell is null && c.Text is not null && !title)
                        para.GetFirstChild<ParagraphProperties>()!.Append(new Justification { Val = JustificationValues.Center });
                    row.Append(Cell(width, c.ColSpan, vmerge, fill, TableVerticalAlignmentValues.Bottom, para));
                }
                tbl.Append(row);
            }

            // Body rows.
            int bodyIndex = 0;
            foreach (var mdRow in t.Table!.OfType<MdTableRow>())
            {
                if (mdRow.IsHeader) continue;
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                if (DcscDocument.IsMergedGroupRow(t, mdRow, bodyIndex))
                {
                    var content = mdRow.Count > 0 ? CellInlines((MdTableCell)mdRow[0]) : [];
                    row.Append(Cell(widths.Sum(), columns, null, "EEF2F7", null, Para(DocxStyles.TableHeading, content)));
                }
                else
                {
                    bool group = t.Info.GroupRows.Contains(bodyIndex);
                    bool head = DcscDocument.IsHeaderRow(t, bodyIndex);   // a configuration table part's own header row
                    for (int i = 0; i < columns; i++)
                    {
                        var content = i < mdRow.Count ? CellInlines((MdTableCell)mdRow[i]) : [];
                        row.Append(Cell(widths[i], 1, null, head ? "DCE6F1" : group ? "EEF2F7" : null, head ? TableVerticalAlignmentValues.Bottom : null,
                            Para(head ? DocxStyles.TableHeading : DocxStyles.TableText, content)));
                    }
                }
                tbl.Append(row);
                bodyIndex++;
            }
            return tbl;
        }

        private static TableCell Cell(int width, int span, MergedCellValues? vmerge, string? fill, TableVerticalAlignmentValues? valign, Paragraph content)
        {
            var tcPr = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (span > 1) tcPr.Append(new GridSpan { Val = span });
            if (vmerge is { } vm) tcPr.Append(vm == MergedCellValues.Restart ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
            if (fill is not null) tcPr.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            if (valign is { } va) tcPr.Append(new TableCellVerticalAlignment { Val = va });
            return new TableCell(tcPr, content);
        }

        private List<OpenXmlElement> CellInlines(MdTableCell cell)
        {
            var result = new List<OpenXmlElement>();
            foreach (var b in cell)
            {
                if (b is LeafBlock leaf && leaf.Inline is not null)
                {
                    if (result.Count > 0) result.Add(TextRun(" ", default));
                    result.AddRange(Inlines(leaf.Inline, default));
                }
            }
            return result;
        }

        private static bool TooWideForPortrait(DcscTable t)
        {
            var (header, body) = CellTexts(t);
            return ColumnSizer.MinimumWidth(header, body, Math.Max(1, t.ColumnCount), PortraitTextWidth) > PortraitTextWidth;
        }

        private static (List<IReadOnlyList<string>> Header, List<IReadOnlyList<string>> Body) CellTexts(DcscTable t)
        {
            var header = new List<IReadOnlyList<string>>();
            var body = new List<IReadOnlyList<string>>();
            // only header cells that are drawn as leaf cells size their column (not a configuration table's part title,
            // written in the first cell of the Markdown header row but drawn across the table)
            var drawn = DcscDocument.LayoutHeader(t, out _).Where(c => c.Cell is not null).Select(c => c.Column).ToHashSet();
            int bodyIndex = 0;
            foreach (var row in t.Table!.OfType<MdTableRow>())
            {
                bool merged = !row.IsHeader && DcscDocument.IsMergedGroupRow(t, row, bodyIndex);
                if (!row.IsHeader) bodyIndex++;
                if (merged) continue;
                var cells = row.OfType<MdTableCell>().Select((c, i) => row.IsHeader && !drawn.Contains(i) ? "" : DcscDocument.NormalizeSpace(DcscDocument.CellText(c))).ToList();
                (row.IsHeader ? header : body).Add(cells);
            }
            return (header, body);
        }

        /// <summary>Column widths from the cells' text (<see cref="ColumnSizer"/>); merged group rows span the table and do not count.</summary>
        private static (int[] Widths, bool UidBreaks) ColumnWidths(DcscTable t, int columns, int total)
        {
            var (header, body) = CellTexts(t);
            return ColumnSizer.Compute(header, body, columns, total);
        }

        // ---------------------------------------------------------------- paragraphs, runs

        private Paragraph Para(string styleKey, IEnumerable<OpenXmlElement> content)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = S(styleKey) }));
            foreach (var c in content) p.Append(c);
            return p;
        }

        private IEnumerable<OpenXmlElement> Bookmarked(string anchor, IEnumerable<OpenXmlElement> content)
        {
            var name = BookmarkName(anchor);
            if (!_bookmarks.Add(name)) return content;
            var id = (_bookmarkId++).ToString(CultureInfo.InvariantCulture);
            return new OpenXmlElement[] { new BookmarkStart { Id = id, Name = name } }
                .Concat(content)
                .Append(new BookmarkEnd { Id = id });
        }

        /// <summary>Word bookmark names are at most 40 characters: longer ids are shortened with a hash.</summary>
        private static string BookmarkName(string anchor)
        {
            if (anchor.Length <= 40) return anchor;
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(anchor)))[..8].ToLowerInvariant();
            return anchor[..31] + "_" + hash;
        }

        private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

        private static List<OpenXmlElement> LinesRuns(LeafBlock leaf)
        {
            var runs = new List<OpenXmlElement>();
            var lines = leaf.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var run = new Run();
                if (i > 0) run.Append(new Break());
                run.Append(new Text(DcscDocument.SanitizeText(lines.Lines[i].Slice.ToString()).Replace('\t', ' ')) { Space = SpaceProcessingModeValues.Preserve });
                runs.Add(run);
            }
            return runs;
        }

        private List<OpenXmlElement> Inlines(ContainerInline? container, Fmt f)
        {
            var result = new List<OpenXmlElement>();
            if (container is not null)
                foreach (var inline in container) Inline(inline, f, result);
            return result;
        }

        private void Inline(Inline inline, Fmt f, List<OpenXmlElement> output)
        {
            switch (inline)
            {
                case LiteralInline lit:
                    output.Add(TextRun(lit.Content.ToString(), f));
                    break;
                case CodeInline code:
                    output.Add(TextRun(code.Content, f with { Code = true }));
                    break;
                case LineBreakInline br:
                    output.Add(br.IsHard ? new Run(new Break()) : TextRun(" ", f));
                    break;
                case HtmlEntityInline entity:
                    output.Add(TextRun(entity.Transcoded.ToString(), f));
                    break;
                case HtmlInline html:
                    output.Add(TextRun(html.Tag, f));
                    break;
                case AutolinkInline auto:
                {
                    var url = auto.IsEmail && !auto.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "mailto:" + auto.Url : auto.Url;
                    var runs = new List<OpenXmlElement> { TextRun(auto.Url, f with { Link = true }) };
                    output.AddRange(LinkOrText(url, runs, [TextRun(auto.Url, f)]));
                    break;
                }
                case LinkInline link when link.IsImage:
                    foreach (var child in link) Inline(child, f with { Italic = true }, output);
                    break;
                case LinkInline link:
                {
                    var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                    var linked = new List<OpenXmlElement>();
                    foreach (var child in link) Inline(child, f with { Link = true }, linked);
                    var plain = new List<OpenXmlElement>();
                    foreach (var child in link) Inline(child, f, plain);
                    output.AddRange(LinkOrText(url, linked, plain));
                    break;
                }
                case EmphasisInline em:
                {
                    var inner = em.DelimiterChar == '~' ? f with { Strike = true }
                        : em.DelimiterCount >= 2 ? f with { Bold = true } : f with { Italic = true };
                    foreach (var child in em) Inline(child, inner, output);
                    break;
                }
                case ContainerInline c:
                    foreach (var child in c) Inline(child, f, output);
                    break;
            }
        }

        private IEnumerable<OpenXmlElement> LinkOrText(string? url, List<OpenXmlElement> linked, List<OpenXmlElement> plain)
        {
            if (!DcscDocument.IsSafeUrl(url, out var safe)) return plain;
            Hyperlink h;
            if (safe.StartsWith('#'))
            {
                h = new Hyperlink { Anchor = BookmarkName(safe[1..]), History = true };
            }
            else
            {
                if (!Uri.TryCreate(safe, UriKind.Absolute, out var uri)) return plain;
                if (!_hyperlinkRels.TryGetValue(safe, out var relId))
                {
                    relId = "rIdLink" + (_hyperlinkRels.Count + 1).ToString(CultureInfo.InvariantCulture);
                    _main.AddHyperlinkRelationship(uri, true, relId);
                    _hyperlinkRels[safe] = relId;
                }
                h = new Hyperlink { Id = relId, History = true };
            }
            foreach (var e in linked) h.Append(e);
            return [h];
        }

        private Run TextRun(string text, Fmt f)
        {
            var run = new Run();
            var rp = new RunProperties();
            if (f.Code) rp.Append(new RunStyle { Val = S(DocxStyles.VerbatimChar) });
            else if (f.Link) rp.Append(new RunStyle { Val = S(DocxStyles.Hyperlink) });
            if (f.Bold) rp.Append(new Bold());
            if (f.Italic) rp.Append(new Italic());
            if (f.Strike) rp.Append(new Strike());
            if (rp.HasChildren) run.Append(rp);
            // Sanitized here too: entities such as &#x1; become control characters only after parsing.
            text = DcscDocument.SanitizeText(text).Replace('\t', ' ');
            if (_uidBreaks) text = ColumnSizer.UidBreaks(text);
            run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }
    }
}
