using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Dcsc.Render.Docx;

/// <summary>A reference document that cannot be used; the message names the part and the problem.</summary>
public sealed class ReferenceDocumentException(string message) : Exception(message);

/// <summary>
/// The parts of a <c>--reference-doc</c> that dcsc takes over: styles, theme, font table and numbering.
/// The reference document comes from the pull request, so it is read defensively (docs/limits.md): the package,
/// each part it reads (counted while inflating, not from the zip header) and the XML nesting are capped, DTDs are
/// refused, only these four parts are read (a zip bomb elsewhere in the package is never inflated), and the font
/// table loses its embedded-font references (the fonts themselves are not copied). The System.IO.Packaging reader
/// of the Open XML SDK is not used on it: it would parse every part list and relationship without these limits.
/// </summary>
public sealed class ReferenceDocument
{
    /// <summary>Largest reference .docx read, in bytes.</summary>
    public const long MaxPackageBytes = 16 * 1024 * 1024;
    /// <summary>Largest part taken over (after decompression), in bytes.</summary>
    public const int MaxPartBytes = 8 * 1024 * 1024;
    /// <summary>Deepest element nesting in a part (Word's own parts nest fewer than 20 levels).</summary>
    public const int MaxXmlDepth = 100;
    /// <summary>Most entries in the package.</summary>
    public const int MaxEntries = 10_000;

    private const string OfficeDocumentRel = "officeDocument";

    public string? StylesXml { get; private init; }
    public byte[]? Theme { get; private init; }
    public byte[]? FontTable { get; private init; }
    public string? NumberingXml { get; private init; }

    /// <summary>Reads and checks the reference document; throws <see cref="ReferenceDocumentException"/>.</summary>
    public static ReferenceDocument Read(byte[] package)
    {
        if (package.Length > MaxPackageBytes)
            throw new ReferenceDocumentException($"it is {package.Length:N0} bytes; the limit is {MaxPackageBytes:N0} bytes (see docs/limits.md)");
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException e) { throw new ReferenceDocumentException("it is not a .docx (zip) package: " + e.Message); }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
                throw new ReferenceDocumentException($"its package has {zip.Entries.Count:N0} entries; the limit is {MaxEntries:N0}");
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in zip.Entries) entries.TryAdd(e.FullName.TrimStart('/'), e);

            var main = Target(entries, "", OfficeDocumentRel)
                ?? throw new ReferenceDocumentException("it has no main document part (is it a Word document?)");
            string? Part(string type) => Target(entries, main, type);

            var styles = Part("styles");
            var theme = Part("theme");
            var fonts = Part("fontTable");
            var numbering = Part("numbering");
            return new ReferenceDocument
            {
                StylesXml = styles is null ? null : ReadXml(entries, styles).Text,
                Theme = theme is null ? null : ReadXml(entries, theme).Bytes,
                FontTable = fonts is null ? null : WithoutEmbeddedFonts(ReadXml(entries, fonts).Text, fonts),
                NumberingXml = numbering is null ? null : ReadXml(entries, numbering).Text,
            };
        }
    }

    /// <summary>Rounds of removing invalid elements from a part before it is refused.</summary>
    private const int MaxRepairRounds = 50;

    /// <summary>
    /// Checks the parts taken over from the reference document, as written into <paramref name="main"/>, against the
    /// Office 2016 schema, so that the output validates whatever reference document was given. Elements the schema
    /// does not allow where they are (Word and pandoc reference documents have some, e.g. table-style cell borders out
    /// of order) are removed — only what validates is kept; a part whose root element itself is invalid is refused.
    /// </summary>
    internal static void ValidateCopiedParts(MainDocumentPart main)
    {
        var validator = new OpenXmlValidator(FileFormatVersions.Office2016) { MaxNumberOfErrors = 100 };
        foreach (var (part, name) in new (OpenXmlPart?, string)[]
                 {
                     (main.StyleDefinitionsPart, "styles"), (main.ThemePart, "theme"), (main.FontTablePart, "font table"),
                     (main.NumberingDefinitionsPart, "numbering"),
                 })
        {
            if (part is null) continue;
            for (int round = 0; ; round++)
            {
                var errors = validator.Validate(part).ToList();
                if (errors.Count == 0) break;
                var root = part.RootElement;
                var first = errors[0];
                if (round == MaxRepairRounds || root is null)
                    throw new ReferenceDocumentException($"its {name} part is not valid Office Open XML ({first.Path?.XPath}: {first.Description})");
                bool removed = false;
                foreach (var e in errors)
                {
                    // The element in the wrong place (an unexpected child), else the element that is wrong itself.
                    var bad = e.RelatedNode is { Parent: not null } related ? related : e.Node;
                    if (bad is null || ReferenceEquals(bad, root) || bad.Parent is null)
                        throw new ReferenceDocumentException($"its {name} part is not valid Office Open XML ({e.Path?.XPath}: {e.Description})");
                    if (!IsInside(bad, root)) continue; // already removed with an ancestor this round
                    bad.Remove();
                    removed = true;
                }
                if (!removed)
                    throw new ReferenceDocumentException($"its {name} part is not valid Office Open XML ({first.Path?.XPath}: {first.Description})");
                root.Save();
            }
        }
    }

    private static bool IsInside(OpenXmlElement e, OpenXmlElement root)
    {
        for (var p = e.Parent; p is not null; p = p.Parent) if (ReferenceEquals(p, root)) return true;
        return false;
    }

    /// <summary>The target of the first relationship of the type ending in <paramref name="type"/> from a part (""= the package).</summary>
    private static string? Target(Dictionary<string, ZipArchiveEntry> entries, string source, string type)
    {
        var folder = source.Contains('/') ? source[..(source.LastIndexOf('/') + 1)] : "";
        var relsName = folder + "_rels/" + source[folder.Length..] + ".rels";
        if (!entries.ContainsKey(relsName)) return null;
        var (text, _) = ReadXml(entries, relsName);
        var doc = new XmlDocument { XmlResolver = null };
        doc.LoadXml(text);
        foreach (var rel in doc.DocumentElement!.ChildNodes.OfType<XmlElement>())
        {
            var t = rel.GetAttribute("Type");
            if (!t.EndsWith("/" + type, StringComparison.Ordinal) || rel.GetAttribute("TargetMode") == "External") continue;
            var target = rel.GetAttribute("Target");
            var resolved = Resolve(target.StartsWith('/') ? "" : folder, target);
            return resolved is not null && entries.ContainsKey(resolved) ? resolved : null;
        }
        return null;
    }

    /// <summary>A relative part name resolved against a folder, with <c>.</c> and <c>..</c> removed (null if it climbs out).</summary>
    private static string? Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var seg in (folder + target.TrimStart('/')).Split('/'))
        {
            if (seg is "" or ".") continue;
            if (seg == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(Uri.UnescapeDataString(seg));
        }
        return string.Join('/', parts);
    }

    /// <summary>Inflates one part with a hard cap and checks that it is XML without a DTD, nested at most <see cref="MaxXmlDepth"/>.</summary>
    private static (string Text, byte[] Bytes) ReadXml(Dictionary<string, ZipArchiveEntry> entries, string name)
    {
        var entry = entries[name];
        byte[] bytes;
        try
        {
            using var s = entry.Open();
            using var ms = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > MaxPartBytes)
                    throw new ReferenceDocumentException($"its part `{name}` inflates to more than {MaxPartBytes:N0} bytes (a zip bomb?); see docs/limits.md");
                ms.Write(buffer, 0, n);
            }
            bytes = ms.ToArray();
        }
        catch (InvalidDataException e) { throw new ReferenceDocumentException($"its part `{name}` cannot be decompressed: {e.Message}"); }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxPartBytes,
            IgnoreWhitespace = false,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read())
                if (reader.Depth >= MaxXmlDepth)
                    throw new ReferenceDocumentException($"its part `{name}` nests elements more than {MaxXmlDepth} levels deep (see docs/limits.md)");
            string text;
            using (var sr = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true)) text = sr.ReadToEnd();
            return (text, bytes);
        }
        catch (XmlException e)
        {
            var what = e.Message.Contains("DTD", StringComparison.Ordinal) ? "has a DTD (document type declaration), which dcsc does not read" : "is not well-formed XML: " + e.Message;
            throw new ReferenceDocumentException($"its part `{name}` {what}");
        }
    }

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// The font table without <c>w:embedRegular</c> and the other embedded-font references: they point at font parts
    /// that are not copied (a font table that refers to them does not validate).
    /// </summary>
    private static byte[] WithoutEmbeddedFonts(string xml, string name)
    {
        var doc = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
        doc.LoadXml(xml);
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("w", W);
        var embeds = doc.SelectNodes("//w:embedRegular|//w:embedBold|//w:embedItalic|//w:embedBoldItalic", ns)!;
        foreach (var e in embeds.OfType<XmlNode>().ToList()) e.ParentNode!.RemoveChild(e);
        if (doc.DocumentElement is not { LocalName: "fonts", NamespaceURI: W })
            throw new ReferenceDocumentException($"its part `{name}` is not a font table");
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) doc.Save(w);
        return ms.ToArray();
    }
}
