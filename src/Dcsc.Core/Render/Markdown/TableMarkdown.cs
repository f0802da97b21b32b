using System.Text;
using Dcsc.Layout;

namespace Dcsc.Render.Md;

/// <summary>
/// The fast path for tables (docs/performance.md): what <c>templates/markdown/table.sbn</c> with <c>inlines.sbn</c>
/// renders, written directly. Tables are most of a large statement, and a template run per cell made the Markdown
/// stage several times slower. Used only while neither template is replaced (nor a <c>table.&lt;key&gt;</c> given);
/// tests/Dcsc.Tests/Render/Markdown/TableMarkdownTests.cs compares it with the templates byte for byte.
/// </summary>
internal static class TableMarkdown
{
    public static string Render(LaidOutTable t)
    {
        var sb = new StringBuilder(256 + t.Rows.Count * 96);
        sb.Append("<!-- dcsc:table ").Append(MarkdownHelpers.TableMarkerJson(t)).Append(" -->\n");
        sb.Append(MarkdownEscaper.Escape(t.Caption)).Append("\n\n|");
        foreach (var h in t.Columns) sb.Append(' ').Append(MarkdownEscaper.Escape(h)).Append(" |");
        sb.Append("\n|");
        foreach (var _ in t.Columns) sb.Append(" --- |");
        sb.Append('\n');
        foreach (var r in t.Rows)
        {
            sb.Append('|');
            foreach (var c in r.Cells) { sb.Append(' '); Inlines(c, sb); sb.Append(" |"); }
            sb.Append('\n');
        }
        foreach (var f in t.Footnotes) { sb.Append('\n'); Inlines(f, sb); sb.Append('\n'); }
        sb.Append("\n<!-- dcsc:/table -->\n");
        return sb.ToString();
    }

    /// <summary>What inlines.sbn renders.</summary>
    private static void Inlines(IEnumerable<Inline> inlines, StringBuilder sb)
    {
        foreach (var i in inlines)
        {
            if (!string.IsNullOrEmpty(i.Href)) sb.Append('[').Append(MarkdownEscaper.Escape(i.Text)).Append("](").Append(MarkdownHelpers.SafeUrl(i.Href)).Append(')');
            else sb.Append(MarkdownEscaper.Escape(i.Text));
        }
    }
}
