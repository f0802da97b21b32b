using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Dcsc.Render.Docx;

/// <summary>Makes a .docx package byte-for-byte reproducible.</summary>
internal static class DocxPackage
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string CoreRelType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private const string CoreContentType = "application/vnd.openxmlformats-package.core-properties+xml";

    /// <summary>
    /// Rewrites the zip: entries in a fixed order ([Content_Types].xml, _rels/.rels, then by name), every entry
    /// with the same timestamp, package-level relationship ids renumbered (rId1…; they are referenced nowhere
    /// else), and docProps/core.xml written from <paramref name="core"/> (no "now" anywhere). The raw tables are
    /// written into word/document.xml as it is compressed, in place of their placeholders.
    /// </summary>
    public static byte[] Normalize(Stream package, CoreProperties core, IReadOnlyList<byte[]>? rawTables = null)
    {
        var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using (var input = new ZipArchive(package, ZipArchiveMode.Read))
        {
            foreach (var e in input.Entries)
            {
                var bytes = new byte[checked((int)e.Length)];
                using (var s = e.Open()) s.ReadExactly(bytes);
                entries[e.FullName] = bytes;
            }
        }

        // Drop core properties System.IO.Packaging may have written under a random name; write ours.
        foreach (var name in entries.Keys.Where(k => k.EndsWith(".psmdcp", StringComparison.OrdinalIgnoreCase)).ToList())
            entries.Remove(name);
        entries["docProps/core.xml"] = core.ToXml();

        entries["_rels/.rels"] = Encoding.UTF8.GetBytes(RewritePackageRels(entries["_rels/.rels"]));
        entries["[Content_Types].xml"] = Encoding.UTF8.GetBytes(RewriteContentTypes(entries["[Content_Types].xml"]));

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var order = new List<string> { "[Content_Types].xml", "_rels/.rels" };
            order.AddRange(entries.Keys.Where(k => k is not "[Content_Types].xml" and not "_rels/.rels"));
            foreach (var name in order)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var s = new BlockWriter(entry.Open());
                if (name == "word/document.xml" && rawTables is { Count: > 0 }) WriteWithRawTables(s, entries[name], rawTables);
                else s.Write(entries[name]);
            }
        }
        return output.ToArray();
    }

    private const string PlaceholderStart = "<!--dcsc-table:", PlaceholderEnd = "-->";

    /// <summary>The comment that stands for raw table <paramref name="index"/> in the saved document.xml.</summary>
    public static string RawTablePlaceholder(int index) => PlaceholderStart + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + PlaceholderEnd;

    /// <summary>
    /// Writes <paramref name="document"/> with each placeholder comment replaced by its table's XML (UTF-8). Comments
    /// appear in document.xml only as placeholders (text content has its &lt; escaped), and every placeholder must be
    /// found exactly once.
    /// </summary>
    private static void WriteWithRawTables(BlockWriter output, byte[] document, IReadOnlyList<byte[]> tables)
    {
        var start = Encoding.ASCII.GetBytes(PlaceholderStart);
        var end = Encoding.ASCII.GetBytes(PlaceholderEnd);
        var span = document.AsSpan();
        int pos = 0, found = 0;
        while (true)
        {
            int i = span[pos..].IndexOf(start);
            if (i < 0) break;
            i += pos;
            int numberStart = i + start.Length;
            int j = span[numberStart..].IndexOf(end);
            if (j < 0) throw new InvalidOperationException("unterminated table placeholder in document.xml");
            int index = int.Parse(Encoding.ASCII.GetString(span.Slice(numberStart, j)), System.Globalization.CultureInfo.InvariantCulture);
            if (index != found) throw new InvalidOperationException($"table placeholder {index} out of order (expected {found})");
            output.Write(span[pos..i]);
            output.Write(tables[index]);
            pos = numberStart + j + end.Length;
            found++;
        }
        if (found != tables.Count) throw new InvalidOperationException($"{tables.Count - found} table placeholder(s) missing from document.xml");
        output.Write(span[pos..]);
    }

    /// <summary>
    /// Passes bytes to a zip entry in blocks of one fixed size. The deflate output depends on how its input is cut into
    /// writes, so without this the document written in pieces (raw tables spliced in) and the same document written at
    /// once would not compress to the same bytes.
    /// </summary>
    private sealed class BlockWriter(Stream output) : IDisposable
    {
        private readonly byte[] _block = new byte[64 * 1024];
        private int _used;

        public void Write(ReadOnlySpan<byte> data)
        {
            while (data.Length > 0)
            {
                int n = Math.Min(data.Length, _block.Length - _used);
                data[..n].CopyTo(_block.AsSpan(_used));
                _used += n;
                data = data[n..];
                if (_used == _block.Length) { output.Write(_block); _used = 0; }
            }
        }

        public void Dispose()
        {
            if (_used > 0) output.Write(_block, 0, _used);
            output.Dispose();
        }
    }

    private static string RewritePackageRels(byte[] xml)
    {
        var doc = Load(xml);
        const string ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        var root = doc.DocumentElement!;
        var rels = root.ChildNodes.OfType<XmlElement>().ToList();
        foreach (var r in rels)
            if (r.GetAttribute("Type") == CoreRelType || r.GetAttribute("Target").EndsWith(".psmdcp", StringComparison.OrdinalIgnoreCase))
                root.RemoveChild(r);
        var core = doc.CreateElement("Relationship", ns);
        core.SetAttribute("Type", CoreRelType);
        core.SetAttribute("Target", "docProps/core.xml");
        root.AppendChild(core);

        var sorted = root.ChildNodes.OfType<XmlElement>()
            .OrderBy(r => r.GetAttribute("Type"), StringComparer.Ordinal)
            .ThenBy(r => r.GetAttribute("Target"), StringComparer.Ordinal).ToList();
        foreach (var r in sorted) root.RemoveChild(r);
        int n = 1;
        foreach (var r in sorted)
        {
            r.SetAttribute("Id", "rId" + n++);
            var target = r.GetAttribute("Target");
            if (target.StartsWith('/')) r.SetAttribute("Target", target[1..]);
            root.AppendChild(r);
        }
        return Serialize(doc);
    }

    private static string RewriteContentTypes(byte[] xml)
    {
        var doc = Load(xml);
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var root = doc.DocumentElement!;
        foreach (var el in root.ChildNodes.OfType<XmlElement>().ToList())
        {
            var part = el.GetAttribute("PartName");
            var ext = el.GetAttribute("Extension");
            if (part.EndsWith(".psmdcp", StringComparison.OrdinalIgnoreCase) || ext.Equals("psmdcp", StringComparison.OrdinalIgnoreCase) || part == "/docProps/core.xml")
                root.RemoveChild(el);
        }
        var over = doc.CreateElement("Override", ns);
        over.SetAttribute("PartName", "/docProps/core.xml");
        over.SetAttribute("ContentType", CoreContentType);
        root.AppendChild(over);

        var sorted = root.ChildNodes.OfType<XmlElement>()
            .OrderBy(e => e.LocalName == "Default" ? 0 : 1)
            .ThenBy(e => e.GetAttribute("Extension") + e.GetAttribute("PartName"), StringComparer.Ordinal).ToList();
        foreach (var e in sorted) root.RemoveChild(e);
        foreach (var e in sorted) root.AppendChild(e);
        return Serialize(doc);
    }

    private static XmlDocument Load(byte[] xml)
    {
        var doc = new XmlDocument { XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        doc.Load(reader);
        return doc;
    }

    private static string Serialize(XmlDocument doc)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var w = XmlWriter.Create(sb, settings)) doc.DocumentElement!.WriteTo(w);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" + sb;
    }

    /// <summary>Document properties written to docProps/core.xml.</summary>
    public sealed record CoreProperties(string Title, string Subject, string? Creator, DateTime Date, string Keywords)
    {
        public byte[] ToXml()
        {
            const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
            const string dc = "http://purl.org/dc/elements/1.1/";
            const string dcterms = "http://purl.org/dc/terms/";
            const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
            using var ms = new MemoryStream();
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false) };
            using (var w = XmlWriter.Create(ms, settings))
            {
                w.WriteStartDocument(true);
                w.WriteStartElement("cp", "coreProperties", cp);
                w.WriteAttributeString("xmlns", "dc", null, dc);
                w.WriteAttributeString("xmlns", "dcterms", null, dcterms);
                w.WriteAttributeString("xmlns", "dcmitype", null, "http://purl.org/dc/dcmitype/");
                w.WriteAttributeString("xmlns", "xsi", null, xsi);
                w.WriteElementString("title", dc, Title);
                w.WriteElementString("subject", dc, Subject);
                if (!string.IsNullOrEmpty(Creator)) w.WriteElementString("creator", dc, Creator);
                w.WriteElementString("keywords", cp, Keywords);
                var stamp = Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var name in new[] { "created", "modified" })
                {
                    w.WriteStartElement("dcterms", name, dcterms);
                    w.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
                    w.WriteString(stamp);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndDocument();
            }
            return ms.ToArray();
        }
    }

}
