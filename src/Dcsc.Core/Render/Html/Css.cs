namespace Dcsc.Render.Html;

/// <summary>The embedded stylesheet of the HTML output (no external fonts or resources).</summary>
internal static class Css
{
    public const string Stylesheet = """
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto;
  max-width: 60rem;
  padding: 1.5rem 2rem 4rem;
  color: #1a1a1a;
  background: #fff;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 11pt;
  line-height: 1.45;
}
h1, h2, h3, h4, h5, h6 { color: #1f4e79; line-height: 1.25; margin: 1.6em 0 0.5em; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2em; }
h2 { font-size: 1.35em; }
h3 { font-size: 1.18em; }
h4 { font-size: 1.05em; }
h5 { font-size: 1em; }
h6 { font-size: 1em; font-style: italic; }
p, li, dd { overflow-wrap: anywhere; }
/* Table cells are sized to hold their longest word: a tag, UID, code or AE Title is never split to narrow a
   column; break-word only breaks a word that overflows the whole table width (issue 16). */
td, th, caption { overflow-wrap: break-word; word-break: normal; hyphens: manual; }
.nobr { white-space: nowrap; }
a { color: #1f4e79; }
code, pre { font-family: Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.92em; }
pre { background: #f5f7fa; border: 1px solid #e1e6ec; padding: 0.6em 0.8em; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 3px solid #b7c3d0; color: #555; }
p.na { color: #555; font-style: italic; }
p.raw { white-space: pre-wrap; }

header.cover {
  min-height: 85vh;
  display: flex;
  flex-direction: column;
  justify-content: center;
  text-align: center;
  margin-bottom: 2rem;
}
header.cover p { margin: 0.4em 0; }
header.cover .cover-title { font-size: 2.3em; color: #1f4e79; margin-bottom: 0.6em; padding-bottom: 0.4em; border-bottom: 2px solid #1f4e79; }
header.cover .cover-product { font-size: 1.7em; }
header.cover .cover-text { color: #555; }
/* The products covered are centred with the rest of the cover (PS3.2 cover page). */
header.cover ul { list-style: none; padding: 0; margin: 0.4em 0; }
header.cover li { margin: 0.15em 0; }

nav.toc ul { list-style: none; padding-left: 1.4em; margin: 0.1em 0; }
nav.toc > ul { padding-left: 0; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }

.dcsc-table { margin: 1.2em 0 1.6em; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
caption { caption-side: top; text-align: left; font-weight: 600; color: #1f4e79; padding: 0 0 0.4em; }
th, td { border: 1px solid #b7c3d0; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
thead th { background: #dce6f1; font-weight: 600; vertical-align: bottom; }
thead th.group { background: #c5d5e8; text-align: center; }
tr.group-row td { background: #eef2f7; font-weight: 600; }
.landscape table { min-width: 60rem; }
.table-notes { font-size: 0.85em; color: #555; margin-top: 0.4em; }
.table-notes p { margin: 0.2em 0; }
.image-alt { font-style: italic; }
figure.dcsc-figure { margin: 1.2em 0 1.6em; text-align: center; }
figure.dcsc-figure .figure-image svg { max-width: 100%; height: auto; }
figure.dcsc-figure figcaption { font-weight: 600; color: #1f4e79; margin-top: 0.4em; }

@page { size: A4; margin: 20mm 16mm 20mm; }
@page landscape { size: A4 landscape; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  header.cover { min-height: 0; height: auto; padding-top: 30%; page-break-after: always; break-after: page; }
  nav.toc { page-break-after: always; break-after: page; }
  h1.chapter { page-break-before: always; break-before: page; }
  h1, h2, h3, h4, h5, h6, caption { page-break-after: avoid; break-after: avoid; page-break-inside: avoid; break-inside: avoid; }
  .table-scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, th, td { page-break-inside: avoid; break-inside: avoid; }
  /* A figure of several parts (Figure 4-1 of many AEs) breaks between its parts only; the caption stays with the last. */
  figure.dcsc-figure .figure-image { page-break-inside: avoid; break-inside: avoid; }
  figure.dcsc-figure figcaption { page-break-before: avoid; break-before: avoid; }
  /* A tall figure (many AEs) is scaled down to fit one page with its caption. */
  figure.dcsc-figure .figure-image svg { max-height: 225mm; }
  .landscape { page: landscape; }
  .landscape table { min-width: 0; }
  p { orphans: 3; widows: 3; }
}
""" + PagedMedia;

    /// <summary>
    /// CSS Paged Media for an engine that implements it (WeasyPrint, which writes the PDF output): running header
    /// (product, version, document id) and "Page N of M" footer, page-numbered table of contents (target-counter),
    /// and the PDF outline from the numbered headings only. Browsers ignore what they do not implement.
    /// </summary>
    private const string PagedMedia = """
@media print {
  @page {
    font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
    @top-left { content: string(doc-product) "\A" string(table-continued, start); white-space: pre-wrap; vertical-align: top; font-size: 8pt; color: #555; }
    @top-right { content: string(doc-id); vertical-align: top; font-size: 8pt; color: #555; }
    @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; }
  }
  @page :first {
    @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; }
  }
  header.cover { string-set: doc-product attr(data-product), doc-id attr(data-document-id); }
  /* "(continued)": a page that a table runs on to starts with "Table 5-2 … (continued)" above the repeated
     header. The first body row sets the text, the element after the table clears it; 'start' takes the value
     in force when the page begins, so the page where the table starts shows nothing (issue 16). */
  tr[data-continued] { string-set: table-continued attr(data-continued); }
  .table-end { string-set: table-continued ""; }
  nav.toc a::after { content: leader('.') target-counter(attr(href url), page); }
  nav.toc li { overflow-wrap: normal; }
  nav.toc ul.toc-deep { display: none; }
  h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
  h1[id] { bookmark-level: 1; } h2[id] { bookmark-level: 2; } h3[id] { bookmark-level: 3; }
  h4[id] { bookmark-level: 4; } h5[id] { bookmark-level: 5; } h6[id] { bookmark-level: 6; }
}
""";
}
