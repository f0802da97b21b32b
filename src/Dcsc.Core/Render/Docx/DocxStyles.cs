using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dcsc.Render.Docx;

/// <summary>
/// The Word styles dcsc uses (see docs/docx-styles.md). Without a reference document the whole styles part
/// comes from <see cref="DefaultStylesXml"/>; with one, the reference styles are kept and only the missing
/// styles are added. A style is matched by id first, then by name (localised Word templates use other ids
/// for built-in styles, e.g. "berschrift1" for "heading 1").
/// </summary>
internal static class DocxStyles
{
    // Logical style keys used by the renderer = the style ids of the default styles part.
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string CoverText = "CoverText";
    public const string Caption = "Caption";
    public const string TableText = "TableText";
    public const string TableHeading = "TableHeading";
    public const string TableNote = "TableNote";
    public const string ListParagraph = "ListParagraph";
    public const string SourceCode = "SourceCode";
    public const string Quote = "Quote";
    public const string Header = "Header";
    public const string Footer = "Footer";
    public const string VerbatimChar = "VerbatimChar";
    public const string Hyperlink = "Hyperlink";
    public const string Table = "DcscTable";
    public const string TocHeading = "TOCHeading";

    public static string Heading(int level) => "Heading" + Math.Clamp(level, 1, 6);

    public static string Toc(int level) => "TOC" + Math.Clamp(level, 1, 9);

    /// <summary>Ids of every style the renderer references (in the order of docs/docx-styles.md).</summary>
    public static readonly string[] Required =
    [
        Normal, Title, Subtitle, CoverText,
        "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
        Caption, TableText, TableHeading, TableNote, ListParagraph, SourceCode, Quote,
        "TOC1", "TOC2", "TOC3", "TOC4", "TOC5", "TOC6", TocHeading,
        Header, Footer, VerbatimChar, Hyperlink, Table,
    ];

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static string HeadingXml(int level, int sizeHalfPoints, bool italic, int before) => $"""
  <w:style w:type="paragraph" w:styleId="Heading{level}">
    <w:name w:val="heading {level}"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Normal"/>
    <w:uiPriority w:val="9"/>
    <w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>
    <w:rPr><w:b/>{(italic ? "<w:i/>" : "")}<w:color w:val="1F4E79"/><w:sz w:val="{sizeHalfPoints}"/><w:szCs w:val="{sizeHalfPoints}"/></w:rPr>
  </w:style>
""";

    private static string TocXml(int level) => $"""
  <w:style w:type="paragraph" w:styleId="TOC{level}">
    <w:name w:val="toc {level}"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Normal"/>
    <w:uiPriority w:val="39"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:before="{(level == 1 ? 120 : 0)}" w:after="20"/><w:ind w:left="{(level - 1) * 240}"/></w:pPr>
    {(level == 1 ? "<w:rPr><w:b/></w:rPr>" : "")}
  </w:style>
""";

    public static string DefaultStylesXml { get; } = $"""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:name w:val="Normal"/>
    <w:qFormat/>
  </w:style>
  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
    <w:name w:val="Default Paragraph Font"/>
    <w:uiPriority w:val="1"/>
    <w:semiHidden/>
    <w:unhideWhenUsed/>
  </w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal">
    <w:name w:val="Normal Table"/>
    <w:uiPriority w:val="99"/>
    <w:semiHidden/>
    <w:unhideWhenUsed/>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
  </w:style>
  <w:style w:type="numbering" w:default="1" w:styleId="NoList">
    <w:name w:val="No List"/>
    <w:uiPriority w:val="99"/>
    <w:semiHidden/>
    <w:unhideWhenUsed/>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Title">
    <w:name w:val="Title"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Subtitle"/>
    <w:uiPriority w:val="10"/>
    <w:qFormat/>
    <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="12" w:color="1F4E79"/></w:pBdr><w:spacing w:before="3600" w:after="480"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:color w:val="1F4E79"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Subtitle">
    <w:name w:val="Subtitle"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Normal"/>
    <w:uiPriority w:val="11"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:before="0" w:after="720"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="CoverText">
    <w:name w:val="Cover Text"/>
    <w:basedOn w:val="Normal"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:after="160"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:color w:val="404040"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>
  </w:style>
{HeadingXml(1, 32, false, 360)}{HeadingXml(2, 28, false, 300)}{HeadingXml(3, 24, false, 240)}{HeadingXml(4, 22, false, 200)}{HeadingXml(5, 20, false, 200)}{HeadingXml(6, 20, true, 200)}
  <w:style w:type="paragraph" w:styleId="Caption">
    <w:name w:val="caption"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Normal"/>
    <w:uiPriority w:val="35"/>
    <w:unhideWhenUsed/>
    <w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText">
    <w:name w:val="Table Text"/>
    <w:basedOn w:val="Normal"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading">
    <w:name w:val="Table Heading"/>
    <w:basedOn w:val="TableText"/>
    <w:qFormat/>
    <w:pPr><w:keepNext/></w:pPr>
    <w:rPr><w:b/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableNote">
    <w:name w:val="Table Note"/>
    <w:basedOn w:val="Normal"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:color w:val="404040"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph">
    <w:name w:val="List Paragraph"/>
    <w:basedOn w:val="Normal"/>
    <w:uiPriority w:val="34"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="SourceCode">
    <w:name w:val="Source Code"/>
    <w:basedOn w:val="Normal"/>
    <w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F5F7FA"/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Quote">
    <w:name w:val="Quote"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Normal"/>
    <w:uiPriority w:val="29"/>
    <w:qFormat/>
    <w:pPr><w:ind w:left="567" w:right="567"/></w:pPr>
    <w:rPr><w:i/><w:color w:val="404040"/></w:rPr>
  </w:style>
{TocXml(1)}{TocXml(2)}{TocXml(3)}{TocXml(4)}{TocXml(5)}{TocXml(6)}
  <w:style w:type="paragraph" w:styleId="TOCHeading">
    <w:name w:val="TOC Heading"/>
    <w:basedOn w:val="Normal"/>
    <w:next w:val="Normal"/>
    <w:uiPriority w:val="39"/>
    <w:unhideWhenUsed/>
    <w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Header">
    <w:name w:val="header"/>
    <w:basedOn w:val="Normal"/>
    <w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="B7C3D0"/></w:pBdr><w:spacing w:after="0"/><w:jc w:val="right"/></w:pPr>
    <w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Footer">
    <w:name w:val="footer"/>
    <w:basedOn w:val="Normal"/>
    <w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:customStyle="1" w:styleId="VerbatimChar">
    <w:name w:val="Verbatim Char"/>
    <w:basedOn w:val="DefaultParagraphFont"/>
    <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="18"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:styleId="Hyperlink">
    <w:name w:val="Hyperlink"/>
    <w:basedOn w:val="DefaultParagraphFont"/>
    <w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:rPr><w:color w:val="1F4E79"/><w:u w:val="single"/></w:rPr>
  </w:style>
  <w:style w:type="table" w:customStyle="1" w:styleId="DcscTable">
    <w:name w:val="dcsc Table"/>
    <w:basedOn w:val="TableNormal"/>
    <w:uiPriority w:val="59"/>
    <w:pPr><w:spacing w:after="0"/></w:pPr>
    <w:tblPr>
      <w:tblBorders>
        <w:top w:val="single" w:sz="4" w:space="0" w:color="8EA3BA"/>
        <w:left w:val="single" w:sz="4" w:space="0" w:color="8EA3BA"/>
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="8EA3BA"/>
        <w:right w:val="single" w:sz="4" w:space="0" w:color="8EA3BA"/>
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="8EA3BA"/>
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="8EA3BA"/>
      </w:tblBorders>
      <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
    </w:tblPr>
  </w:style>
</w:styles>
""";

    /// <summary>
    /// Builds the styles part: the reference styles (if any) plus every required style they lack.
    /// Returns the styles and a map from the renderer's style keys to the style ids in the result.
    /// </summary>
    public static (Styles Styles, IReadOnlyDictionary<string, string> Map) Build(Styles? reference)
    {
        var xml = DefaultStylesXml.Trim();
        var defaults = new Styles(xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].Trim());
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reference is null)
        {
            foreach (var id in Required) map[id] = id;
            return (defaults, map);
        }

        var result = (Styles)reference.CloneNode(true);
        var byId = result.Elements<Style>().Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byName = result.Elements<Style>().Where(s => s.StyleName?.Val?.Value is not null)
            .GroupBy(s => s.StyleName!.Val!.Value!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var defaultsById = defaults.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, StringComparer.Ordinal);
        // Styles that our definitions are based on must exist too.
        var needed = new List<string>(Required);
        foreach (var id in new[] { "DefaultParagraphFont", "TableNormal", "NoList" }) needed.Insert(0, id);

        foreach (var id in needed)
        {
            var def = defaultsById[id];
            var name = def.StyleName!.Val!.Value!;
            if (byId.TryGetValue(id, out var existing) && existing.Type?.Value == def.Type?.Value)
            {
                map[id] = id;
            }
            else if (byName.TryGetValue(name, out var named) && named.Type?.Value == def.Type?.Value)
            {
                map[id] = named.StyleId!.Value!;
            }
            else
            {
                var clone = (Style)def.CloneNode(true);
                if (byId.ContainsKey(id))
                {
                    // The id is taken by a style of another type: use a fresh id.
                    var fresh = "dcsc" + id;
                    clone.StyleId = fresh;
                    map[id] = fresh;
                }
                else map[id] = id;
                result.AppendChild(clone);
                byId[map[id]] = clone;
            }
        }

        // basedOn/next/link of added styles refer to our ids: translate them to the ids in the result.
        foreach (var style in result.Elements<Style>())
        {
            if (style.BasedOn?.Val?.Value is { } b && !byId.ContainsKey(b) && map.TryGetValue(b, out var mb)) style.BasedOn.Val = mb;
            if (style.NextParagraphStyle?.Val?.Value is { } n && !byId.ContainsKey(n) && map.TryGetValue(n, out var mn)) style.NextParagraphStyle.Val = mn;
        }
        return (result, map);
    }
}
