using System.Security.Cryptography;
using System.Text;

namespace Dcsc.Diagnostics.Formats;

/// <summary>
/// A fingerprint of a finding that survives line shifts: rule id, message and the text of the offending
/// line (whitespace collapsed) — not the line number. Used by the baseline and SARIF's partialFingerprints.
/// </summary>
public sealed class FingerprintSource
{
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public string Of(Diagnostic d) => Hash(d.Id + "\n" + d.Message + "\n" + LineText(d.Span));

    /// <summary>The offending line with whitespace collapsed ("" when unknown).</summary>
    public string LineText(SourceSpan span)
    {
        if (!span.HasPosition || string.IsNullOrEmpty(span.File)) return "";
        if (!_lines.TryGetValue(span.File, out var lines))
        {
            // Through the bounded reader: the file named by a diagnostic may be a FIFO or a link to a device.
            var read = Dcsc.Source.BoundedFile.Read(span.File, Dcsc.Source.LoaderLimits.Default.MaxFileBytes);
            if (read.Ok)
            {
                using var reader = new StreamReader(new MemoryStream(read.Bytes!), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                lines = reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n');
            }
            else lines = Array.Empty<string>();
            _lines[span.File] = lines;
        }
        return span.Line <= lines.Length ? string.Join(' ', lines[span.Line - 1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : "";
    }

    public static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8).ToLowerInvariant();
}
