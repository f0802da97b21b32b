using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Dcsc.Figures;

/// <summary>How a box is drawn: the product and its AEs stand out, remote systems are plain, activities rounded.</summary>
internal enum BoxKind { Product, Ae, Activity, Remote }

/// <summary>A box with centred lines of text (already wrapped to fit).</summary>
internal sealed record SceneBox(double X, double Y, double W, double H, BoxKind Kind, IReadOnlyList<TextLine> Lines)
{
    public double Right => X + W;
    public double Bottom => Y + H;
    public double MidY => Y + H / 2;
}

/// <summary>One line of text; <paramref name="Bold"/> for names.</summary>
internal sealed record TextLine(string Text, double Size, bool Bold = false);

/// <summary>A straight line with optional arrowheads; dashed for the DICOM interface boundary.</summary>
internal sealed record SceneLine(double X1, double Y1, double X2, double Y2, bool ArrowAtEnd = false, bool ArrowAtStart = false, bool Dashed = false);

/// <summary>Free text (labels of lines and columns), left-aligned, centred or right-aligned at X.</summary>
internal sealed record SceneText(double X, double Y, TextLine Line, string Anchor = "middle");

/// <summary>
/// A figure as boxes, lines and text, written to SVG (Markdown, HTML) and painted to PNG (DOCX) from the same
/// coordinates, so both show the same picture. Every text is author or model text: the SVG writer escapes it.
/// </summary>
internal sealed class Scene
{
    public const string FontFamily = "'DejaVu Sans', Verdana, Arial, sans-serif";

    public List<SceneBox> Boxes { get; } = new();
    public List<SceneLine> Lines { get; } = new();
    public List<SceneText> Texts { get; } = new();
    public double Width { get; set; }
    public double Height { get; set; }

    private static readonly Dictionary<BoxKind, (string Fill, string Stroke, double Radius)> Styles = new()
    {
        [BoxKind.Product] = ("#dbe7f3", "#1f4e79", 4),
        [BoxKind.Ae] = ("#ffffff", "#1f4e79", 0),
        [BoxKind.Activity] = ("#fff6dd", "#8a6d1f", 12),
        [BoxKind.Remote] = ("#eeeeee", "#555555", 0),
    };

    private const string LineColor = "#333333";
    private const double ArrowLength = 9, ArrowHalfWidth = 4.5;

    /// <summary>Lines of a box's text, centred vertically (first baseline at <c>top + ascent</c>).</summary>
    private static IEnumerable<(TextLine Line, double Baseline)> Baselines(SceneBox b)
    {
        double total = b.Lines.Sum(l => l.Size * DiagramFont.LineHeight);
        double y = b.Y + (b.H - total) / 2;
        foreach (var l in b.Lines)
        {
            yield return (l, y + l.Size * DiagramFont.Ascent);
            y += l.Size * DiagramFont.LineHeight;
        }
    }

    // ------------------------------------------------------------------ SVG

    /// <summary>The SVG document; <paramref name="title"/> is its accessible name.</summary>
    public string ToSvg(string title)
    {
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").Append(N(Width)).Append("\" height=\"").Append(N(Height))
          .Append("\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height)).Append("\" role=\"img\" font-family=\"").Append(FontFamily).Append("\">\n");
        sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        foreach (var l in Lines)
        {
            sb.Append("<line x1=\"").Append(N(l.X1)).Append("\" y1=\"").Append(N(l.Y1)).Append("\" x2=\"").Append(N(l.X2)).Append("\" y2=\"").Append(N(l.Y2))
              .Append("\" stroke=\"").Append(LineColor).Append("\" stroke-width=\"1.3\"");
            if (l.Dashed) sb.Append(" stroke-dasharray=\"6 4\"");
            sb.Append("/>\n");
            if (l.ArrowAtEnd) AppendArrow(sb, l.X1, l.Y1, l.X2, l.Y2);
            if (l.ArrowAtStart) AppendArrow(sb, l.X2, l.Y2, l.X1, l.Y1);
        }
        foreach (var b in Boxes)
        {
            var (fill, stroke, r) = Styles[b.Kind];
            sb.Append("<rect x=\"").Append(N(b.X)).Append("\" y=\"").Append(N(b.Y)).Append("\" width=\"").Append(N(b.W)).Append("\" height=\"").Append(N(b.H))
              .Append("\" rx=\"").Append(N(r)).Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"/>\n");
            foreach (var (line, baseline) in Baselines(b))
                AppendText(sb, b.X + b.W / 2, baseline, line, "middle");
        }
        foreach (var t in Texts) AppendText(sb, t.X, t.Y, t.Line, t.Anchor);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, double x, double y, TextLine line, string anchor)
    {
        sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(line.Size))
          .Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (line.Bold) sb.Append(" font-weight=\"bold\"");
        sb.Append(" fill=\"#000000\">").Append(Escape(line.Text)).Append("</text>\n");
    }

    private static void AppendArrow(StringBuilder sb, double x1, double y1, double x2, double y2)
    {
        var (p1, p2) = ArrowWings(x1, y1, x2, y2);
        sb.Append("<polygon points=\"").Append(N(x2)).Append(',').Append(N(y2)).Append(' ').Append(N(p1.X)).Append(',').Append(N(p1.Y)).Append(' ')
          .Append(N(p2.X)).Append(',').Append(N(p2.Y)).Append("\" fill=\"").Append(LineColor).Append("\"/>\n");
    }

    private static ((double X, double Y), (double X, double Y)) ArrowWings(double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1, len = Math.Sqrt(dx * dx + dy * dy);
        if (len == 0) return ((x2, y2), (x2, y2));
        double ux = dx / len, uy = dy / len;
        double bx = x2 - ux * ArrowLength, by = y2 - uy * ArrowLength;
        return ((bx - uy * ArrowHalfWidth, by + ux * ArrowHalfWidth), (bx + uy * ArrowHalfWidth, by - ux * ArrowHalfWidth));
    }

    /// <summary>Numbers with at most two decimals, invariant culture: the same bytes on every machine.</summary>
    private static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// XML text and attribute escaping; characters XML 1.0 cannot carry (control characters) are dropped, so
    /// author text can neither add markup nor make the SVG unreadable.
    /// </summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); break; }
                    if (char.IsSurrogate(c) || Dcsc.Source.UntrustedText.IsUnsafe(c) || c is '\t' or '\n' or '\r') break;
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ PNG

    /// <summary>
    /// Rows unfiltered, zlib level 6: a diagram is flat colour, which deflate packs best as it is. Skia's default tries
    /// every row filter on every row, which took three quarters of the figure time for a 12-AE Figure 4-1 and gave
    /// larger files (1,040 KB against 815 KB for the benchmark statement's four pictures; docs/performance.md).
    /// </summary>
    private static readonly SKPngEncoderOptions PngEncoding = new(SKPngEncoderFilterFlags.None, 6);

    /// <summary>The same picture as <see cref="ToSvg"/>, rasterised at <paramref name="scale"/> pixels per SVG unit.</summary>
    public byte[] ToPng(float scale)
    {
        int w = (int)Math.Ceiling(Width * scale), h = (int)Math.Ceiling(Height * scale);
        // Opaque (the picture is painted on white): the PNG is RGB, a quarter smaller to filter and compress than RGBA.
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgb888x, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.3f, Color = SKColor.Parse(LineColor) };
            using var dashed = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.3f, Color = SKColor.Parse(LineColor), PathEffect = SKPathEffect.CreateDash(new[] { 6f, 4f }, 0) };
            using var arrowFill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(LineColor) };
            foreach (var l in Lines)
            {
                canvas.DrawLine((float)l.X1, (float)l.Y1, (float)l.X2, (float)l.Y2, l.Dashed ? dashed : stroke);
                if (l.ArrowAtEnd) PaintArrow(canvas, arrowFill, l.X1, l.Y1, l.X2, l.Y2);
                if (l.ArrowAtStart) PaintArrow(canvas, arrowFill, l.X2, l.Y2, l.X1, l.Y1);
            }
            foreach (var b in Boxes)
            {
                var (fill, strokeColor, r) = Styles[b.Kind];
                var rect = new SKRect((float)b.X, (float)b.Y, (float)b.Right, (float)b.Bottom);
                using var f = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(fill) };
                using var s = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = SKColor.Parse(strokeColor) };
                canvas.DrawRoundRect(rect, (float)r, (float)r, f);
                canvas.DrawRoundRect(rect, (float)r, (float)r, s);
                foreach (var (line, baseline) in Baselines(b))
                    PaintText(canvas, b.X + b.W / 2, baseline, line, "middle");
            }
            foreach (var t in Texts) PaintText(canvas, t.X, t.Y, t.Line, t.Anchor);
        }
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(PngEncoding) ?? throw new InvalidOperationException("The figure could not be encoded as PNG.");
        return data.ToArray();
    }

    private static void PaintArrow(SKCanvas canvas, SKPaint paint, double x1, double y1, double x2, double y2)
    {
        var (p1, p2) = ArrowWings(x1, y1, x2, y2);
        using var builder = new SKPathBuilder();
        builder.MoveTo((float)x2, (float)y2);
        builder.LineTo((float)p1.X, (float)p1.Y);
        builder.LineTo((float)p2.X, (float)p2.Y);
        builder.Close();
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static void PaintText(SKCanvas canvas, double x, double y, TextLine line, string anchor)
    {
        var text = Escape(line.Text) == line.Text ? line.Text : Unescaped(line.Text);
        using var font = DiagramFont.Font(line.Size, line.Bold);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        var align = anchor switch { "start" => SKTextAlign.Left, "end" => SKTextAlign.Right, _ => SKTextAlign.Center };
        canvas.DrawText(text, (float)x, (float)y, align, font, paint);
    }

    /// <summary>The text as the SVG shows it (control characters dropped), for painting.</summary>
    private static string Unescaped(string s) =>
        new(s.Where(c => !(Dcsc.Source.UntrustedText.IsUnsafe(c) && !char.IsSurrogate(c)) && c is not ('\t' or '\n' or '\r')).ToArray());
}
