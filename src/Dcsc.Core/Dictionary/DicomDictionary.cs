using System.Text;

namespace Dcsc.Dictionary;

/// <summary>
/// The DICOM data dictionary (PS3.6 attributes and UIDs) used by the linter. <see cref="Standard"/> is
/// loaded once from the embedded, generated resources Dictionary/Data/attributes.tsv and uids.tsv
/// (see docs/dictionary.md); <see cref="WithExtras"/> layers a statement's own entries on top.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class DicomDictionary
{
    private static readonly Lazy<DicomDictionary> s_standard =
        new(LoadStandard, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The 34 VRs of PS3.5 2022a Table 6.2-1.</summary>
    public static IReadOnlySet<string> StandardVrs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV",
        "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV",
    };

    // Exact tags: sorted keys + entries, binary search (no generic hash table to JIT at start-up).
    private readonly uint[] _exactTags;
    private readonly AttributeEntry[] _exactEntries;
    private readonly RepeatingEntry[] _repeating;
    private readonly Dictionary<string, AttributeEntry> _attributesByKeyword;
    private readonly Dictionary<string, UidEntry> _uids;
    private readonly List<UidEntry> _uidList;
    private readonly Dictionary<string, UidEntry> _uidsByKeyword;

    private DicomDictionary(string edition, uint[] exactTags, AttributeEntry[] exactEntries, RepeatingEntry[] repeating,
        Dictionary<string, AttributeEntry> attributesByKeyword, Dictionary<string, UidEntry> uids,
        List<UidEntry> uidList, Dictionary<string, UidEntry> uidsByKeyword)
    {
        Edition = edition;
        _exactTags = exactTags;
        _exactEntries = exactEntries;
        _repeating = repeating;
        _attributesByKeyword = attributesByKeyword;
        _uids = uids;
        _uidList = uidList;
        _uidsByKeyword = uidsByKeyword;
    }

    /// <summary>The standard dictionary (DICOM 2022a via pydicom 2.3.1, plus PS3.4 2025b SOP Classes).</summary>
    public static DicomDictionary Standard => s_standard.Value;

    /// <summary>Editions of the sources, e.g. "DICOM 2022a (pydicom 2.3.1) + PS3.4 2025b SOP Classes".</summary>
    public string Edition { get; }

    /// <summary>All UIDs, in numeric component order (statement extras that are new come last).</summary>
    public IEnumerable<UidEntry> Uids => _uidList;

    /// <summary>All attribute entries: exact tags, then repeating-group patterns.</summary>
    public IEnumerable<AttributeEntry> Attributes => _exactEntries.Concat(_repeating.Select(r => r.Entry));

    public int AttributeCount => _exactEntries.Length + _repeating.Length;

    public int RepeatingAttributeCount => _repeating.Length;

    public int UidCount => _uidList.Count;

    // ------------------------------------------------------------------------------------------------
    // Tags and attributes

    /// <summary>
    /// The dictionary entry for <paramref name="tag"/>: an exact entry first, then a repeating-group pattern
    /// (<c>60xx</c>, <c>50xx</c>, <c>7Fxx</c> for even groups xx = 00–1E; <c>1000xxx0</c>, <c>002031xx</c>, …).
    /// A private (odd-group) tag never matches a public pattern; it matches only entries declared for its own
    /// group (see <see cref="WithExtras"/>).
    /// </summary>
    public AttributeEntry? FindAttribute(DicomTag tag)
    {
        uint value = tag.Value;
        int index = IndexOfTag(_exactTags, value);
        if (index >= 0) return _exactEntries[index];
        foreach (var r in _repeating)
        {
            if ((value & r.Mask) != r.Value) continue;
            if (tag.IsPrivate && !r.IsPrivate) continue;
            if (r.GroupRange && ((tag.Group & 0xFF) > 0x1E || (tag.Group & 1) != 0)) continue;
            return r.Entry;
        }
        return null;
    }

    /// <summary>Parses <paramref name="tagText"/> (see <see cref="DicomTag.TryParse"/>) and looks it up.</summary>
    public AttributeEntry? FindAttribute(string tagText) =>
        DicomTag.TryParse(tagText, out var tag) ? FindAttribute(tag) : null;

    /// <summary>The entry with this keyword (case-sensitive, as in PS3.6), e.g. <c>PatientName</c>.</summary>
    public AttributeEntry? FindAttributeByKeyword(string keyword) =>
        keyword is null ? null : _attributesByKeyword.GetValueOrDefault(keyword);

    /// <summary>True for one of the 34 VRs of PS3.5 2022a (upper case, e.g. <c>PN</c>, <c>OV</c>).</summary>
    public static bool IsValidVr(string vr) => vr is not null && StandardVrs.Contains(vr);

    // ------------------------------------------------------------------------------------------------
    // UIDs

    /// <summary>The entry for this UID (exact, no trimming), e.g. <c>1.2.840.10008.1.1</c>.</summary>
    public UidEntry? FindUid(string uid) => uid is null ? null : _uids.GetValueOrDefault(uid);

    /// <summary>The entry with this keyword (case-sensitive), e.g. <c>CTImageStorage</c>.</summary>
    public UidEntry? FindUidByKeyword(string keyword) =>
        keyword is null ? null : _uidsByKeyword.GetValueOrDefault(keyword);

    /// <summary>
    /// PS3.5 §9.1 UID encoding rules: 1–64 characters, only digits and '.', no empty component, no leading
    /// zero in a multi-digit component. <paramref name="problem"/> explains the first violation.
    /// </summary>
    public static bool IsValidUid(string? uid, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(uid))
        {
            problem = "the UID is empty";
            return false;
        }
        for (int i = 0; i < uid.Length; i++)
        {
            char c = uid[i];
            if (c is not ((>= '0' and <= '9') or '.'))
            {
                string shown = char.IsControl(c) || c == ' '
                    ? $"U+{(int)c:X4}"
                    : $"'{c}'";
                problem = $"the UID contains {shown} at position {i + 1}; only digits 0-9 and '.' are allowed (PS3.5 §9.1)";
                return false;
            }
        }
        if (uid.Length > 64)
        {
            problem = $"the UID is {uid.Length} characters long; at most 64 are allowed (PS3.5 §9.1)";
            return false;
        }
        int component = 0, start = 0;
        while (true)
        {
            component++;
            int dot = uid.IndexOf('.', start);
            int end = dot < 0 ? uid.Length : dot;
            int len = end - start;
            if (len == 0)
            {
                problem = start == 0
                    ? "the UID starts with '.'; every component must have at least one digit (PS3.5 §9.1)"
                    : dot < 0
                        ? "the UID ends with '.'; every component must have at least one digit (PS3.5 §9.1)"
                        : $"component {component} is empty ('..' at position {start}); every component must have at least one digit (PS3.5 §9.1)";
                return false;
            }
            if (len > 1 && uid[start] == '0')
            {
                problem = $"component {component} ('{uid[start..end]}') has a leading zero; only the single digit 0 may start with 0 (PS3.5 §9.1)";
                return false;
            }
            if (dot < 0) break;
            start = dot + 1;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // Extras

    /// <summary>
    /// A new dictionary that also knows <paramref name="uids"/> and <paramref name="attributes"/> (private SOP
    /// Classes, private attributes, UIDs newer than the edition). An extra replaces a standard entry with the
    /// same UID or tag pattern. Attribute tags may be given as <c>GGGGEEEE</c>, <c>GGGG,EEEE</c> or
    /// <c>(GGGG,EEEE)</c>, with <c>x</c> for repeating digits (<c>(0009,xx10)</c>); they are stored normalised.
    /// This instance is not changed.
    /// </summary>
    /// <exception cref="ArgumentException">A tag pattern or UID is malformed.</exception>
    public DicomDictionary WithExtras(IEnumerable<UidEntry>? uids, IEnumerable<AttributeEntry>? attributes)
    {
        var exact = new Dictionary<uint, AttributeEntry>(_exactTags.Length + 16);
        for (int i = 0; i < _exactTags.Length; i++) exact[_exactTags[i]] = _exactEntries[i];
        var repeating = new List<RepeatingEntry>(_repeating);
        var byKeyword = new Dictionary<string, AttributeEntry>(_attributesByKeyword, StringComparer.Ordinal);
        var uidMap = new Dictionary<string, UidEntry>(_uids, StringComparer.Ordinal);
        var uidList = new List<UidEntry>(_uidList);
        var uidIndex = new Dictionary<string, int>(uidList.Count, StringComparer.Ordinal);
        for (int i = 0; i < uidList.Count; i++) uidIndex[uidList[i].Uid] = i;
        var uidsByKeyword = new Dictionary<string, UidEntry>(_uidsByKeyword, StringComparer.Ordinal);

        foreach (var a in attributes ?? [])
        {
            ArgumentNullException.ThrowIfNull(a);
            if (!TryNormalizePattern(a.Tag, out var pattern))
                throw new ArgumentException($"malformed tag pattern '{a.Tag}' for attribute '{a.Keyword}'", nameof(attributes));
            var entry = a.Tag == pattern ? a : a with { Tag = pattern };
            if (pattern.Contains('x'))
            {
                var r = RepeatingEntry.Create(entry);
                int existing = repeating.FindIndex(x => x.Entry.Tag == pattern);
                if (existing >= 0) repeating[existing] = r;
                else repeating.Add(r);
            }
            else
            {
                exact[ParseHex8(pattern)] = entry;
            }
            if (entry.Keyword.Length > 0) byKeyword[entry.Keyword] = entry;
        }

        foreach (var u in uids ?? [])
        {
            ArgumentNullException.ThrowIfNull(u);
            if (!IsValidUid(u.Uid, out var problem))
                throw new ArgumentException($"invalid UID '{u.Uid}' ({u.Name}): {problem}", nameof(uids));
            uidMap[u.Uid] = u;
            if (uidIndex.TryGetValue(u.Uid, out int i)) uidList[i] = u;
            else
            {
                uidIndex[u.Uid] = uidList.Count;
                uidList.Add(u);
            }
            if (u.Keyword.Length > 0) uidsByKeyword[u.Keyword] = u;
        }

        var tags = exact.Keys.ToArray();
        var entries = exact.Values.ToArray();
        Array.Sort(tags, entries);
        return new DicomDictionary(Edition, tags, entries, SortRepeating(repeating), byKeyword, uidMap, uidList, uidsByKeyword);
    }

    private static int IndexOfTag(uint[] tags, uint value)
    {
        int lo = 0, hi = tags.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            uint t = tags[mid];
            if (t == value) return mid;
            if (t < value) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------
    // Loading

    internal const string AttributesResource = "Dcsc.Dictionary.attributes.tsv";
    internal const string UidsResource = "Dcsc.Dictionary.uids.tsv";
    private static ReadOnlySpan<byte> EditionPrefix => "# edition:"u8;

    /// <summary>Loads a fresh copy of the embedded standard dictionary (use <see cref="Standard"/>).</summary>
    internal static DicomDictionary LoadStandard() =>
        Load(ReadResource(AttributesResource), ReadResource(UidsResource));

    /// <summary>Parses the two TSV files (UTF-8; format: see tools/gen_dictionary.py).</summary>
    /// <remarks>
    /// This runs on every <c>dcsc lint</c>, so it is written for a cold start: byte spans, no regex, no
    /// whole-file decoding, few generic instantiations (most of a cold load is JIT time, not parsing).
    /// </remarks>
    internal static DicomDictionary Load(ReadOnlySpan<byte> attributesTsv, ReadOnlySpan<byte> uidsTsv)
    {
        var attributes = ParseAttributes(attributesTsv, out string? edition);
        var (uids, uidList, uidsByKeyword, uidEdition) = ParseUids(uidsTsv);
        if (edition is null || uidEdition is null)
            throw new InvalidDataException("dictionary resources lack the '# edition:' header line");
        if (edition != uidEdition)
            throw new InvalidDataException($"dictionary resources disagree on the edition: '{edition}' vs '{uidEdition}'");
        return new DicomDictionary(edition, attributes.Tags, attributes.Entries, attributes.Repeating,
            attributes.ByKeyword, uids, uidList, uidsByKeyword);
    }

    private sealed record ParsedAttributes(uint[] Tags, AttributeEntry[] Entries, RepeatingEntry[] Repeating,
        Dictionary<string, AttributeEntry> ByKeyword);

    private static ParsedAttributes ParseAttributes(ReadOnlySpan<byte> text, out string? edition)
    {
        const int capacity = 5200;
        var tags = new uint[capacity];
        var entries = new AttributeEntry[capacity];
        int count = 0;
        bool sorted = true;
        var repeating = new List<RepeatingEntry>(100);
        var byKeyword = new Dictionary<string, AttributeEntry>(capacity, StringComparer.Ordinal);
        edition = null;
        int lineNo = 0;
        while (NextDataLine(ref text, ref lineNo, ref edition, out var line))
        {
            var tag = NextField(ref line);
            var vr = NextField(ref line);
            var vm = NextField(ref line);
            var name = NextField(ref line);
            var keyword = NextField(ref line);
            var retired = NextField(ref line);
            if (tag.Length != 8 || vr.IsEmpty || retired.Length != 1 || !line.IsEmpty)
                throw Bad("attributes.tsv", lineNo, "expected 6 tab-separated fields: tag vr vm name keyword retired");
            var entry = new AttributeEntry(Str(tag), Str(vr), Str(vm), Str(name), Str(keyword), retired[0] == (byte)'Y');
            if (tag.Contains((byte)'x'))
            {
                repeating.Add(RepeatingEntry.Create(entry));
            }
            else
            {
                if (!TryParseHex8(tag, out uint value)) throw Bad("attributes.tsv", lineNo, "malformed tag");
                if (count == tags.Length)
                {
                    Array.Resize(ref tags, count * 2);
                    Array.Resize(ref entries, count * 2);
                }
                if (count > 0 && tags[count - 1] >= value) sorted = false;
                tags[count] = value;
                entries[count] = entry;
                count++;
            }
            if (entry.Keyword.Length > 0) byKeyword[entry.Keyword] = entry;
        }
        Array.Resize(ref tags, count);
        Array.Resize(ref entries, count);
        if (!sorted) Array.Sort(tags, entries); // the generator sorts; only hand-edited files get here
        return new ParsedAttributes(tags, entries, SortRepeating(repeating), byKeyword);
    }

    private static (Dictionary<string, UidEntry>, List<UidEntry>, Dictionary<string, UidEntry>, string?) ParseUids(
        ReadOnlySpan<byte> text)
    {
        var uids = new Dictionary<string, UidEntry>(512, StringComparer.Ordinal);
        var uidList = new List<UidEntry>(512);
        var byKeyword = new Dictionary<string, UidEntry>(512, StringComparer.Ordinal);
        string? edition = null;
        int lineNo = 0;
        while (NextDataLine(ref text, ref lineNo, ref edition, out var line))
        {
            var uid = NextField(ref line);
            var name = NextField(ref line);
            var keyword = NextField(ref line);
            var typeText = NextField(ref line);
            var retired = NextField(ref line);
            var serviceClass = NextField(ref line);
            if (uid.IsEmpty || retired.Length != 1 || !line.IsEmpty)
                throw Bad("uids.tsv", lineNo, "expected 6 tab-separated fields: uid name keyword type retired service_class");
            if (!UidTypeText.TryParse(Str(typeText), out var type))
                throw Bad("uids.tsv", lineNo, $"unknown UID type '{Str(typeText)}'");
            var entry = new UidEntry(Str(uid), Str(name), Str(keyword), type, retired[0] == (byte)'Y',
                serviceClass.IsEmpty ? null : Str(serviceClass));
            uids[entry.Uid] = entry;
            uidList.Add(entry);
            if (entry.Keyword.Length > 0) byKeyword[entry.Keyword] = entry;
        }
        return (uids, uidList, byKeyword, edition);
    }

    /// <summary>The next data line of a generated TSV file: blank lines are skipped, and the first comment line that names the edition gives it.</summary>
    private static bool NextDataLine(ref ReadOnlySpan<byte> text, ref int lineNo, ref string? edition, out ReadOnlySpan<byte> line)
    {
        while (NextLine(ref text, out line))
        {
            lineNo++;
            if (line.IsEmpty) continue;
            if (line[0] != (byte)'#') return true;
            edition ??= EditionOf(line);
        }
        return false;
    }

    private static bool NextLine(ref ReadOnlySpan<byte> text, out ReadOnlySpan<byte> line)
    {
        if (text.IsEmpty)
        {
            line = default;
            return false;
        }
        int nl = text.IndexOf((byte)'\n');
        if (nl < 0)
        {
            line = text;
            text = default;
        }
        else
        {
            line = text[..nl];
            text = text[(nl + 1)..];
        }
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        return true;
    }

    private static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> line)
    {
        int tab = line.IndexOf((byte)'\t');
        ReadOnlySpan<byte> field;
        if (tab < 0)
        {
            field = line;
            line = default;
        }
        else
        {
            field = line[..tab];
            line = line[(tab + 1)..];
        }
        return field;
    }

    private static string Str(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);

    private static string? EditionOf(ReadOnlySpan<byte> line) =>
        line.StartsWith(EditionPrefix) ? Str(line[EditionPrefix.Length..]).Trim() : null;

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(DicomDictionary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from Dcsc.Core");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static InvalidDataException Bad(string file, int line, string message) =>
        new($"{file} line {line}: {message}");

    // Most specific patterns first (fewest 'x'), then by text: the lookup order is deterministic.
    private static RepeatingEntry[] SortRepeating(List<RepeatingEntry> list)
    {
        var array = list.ToArray();
        Array.Sort(array, static (a, b) =>
        {
            int c = a.Wildcards.CompareTo(b.Wildcards);
            return c != 0 ? c : string.CompareOrdinal(a.Entry.Tag, b.Entry.Tag);
        });
        return array;
    }

    // ------------------------------------------------------------------------------------------------
    // Hex helpers

    internal static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    internal static bool TryParseHex4(ReadOnlySpan<char> s, out ushort value)
    {
        value = 0;
        if (s.Length != 4) return false;
        int v = 0;
        foreach (char c in s)
        {
            int h = HexValue(c);
            if (h < 0) return false;
            v = (v << 4) | h;
        }
        value = (ushort)v;
        return true;
    }

    private static bool TryParseHex8(ReadOnlySpan<char> s, out uint value)
    {
        value = 0;
        if (s.Length != 8) return false;
        foreach (char c in s)
        {
            int h = HexValue(c);
            if (h < 0) return false;
            value = (value << 4) | (uint)h;
        }
        return true;
    }

    private static bool TryParseHex8(ReadOnlySpan<byte> s, out uint value)
    {
        value = 0;
        if (s.Length != 8) return false;
        foreach (byte c in s)
        {
            int h = HexValue((char)c);
            if (h < 0) return false;
            value = (value << 4) | (uint)h;
        }
        return true;
    }

    private static uint ParseHex8(string s) =>
        TryParseHex8(s, out uint v) ? v : throw new FormatException($"not a tag: {s}");

    /// <summary>Accepts <c>GGGGEEEE</c>, <c>GGGG,EEEE</c>, <c>(GGGG,EEEE)</c> with hex digits or x; returns
    /// upper-case hex with lower-case x.</summary>
    internal static bool TryNormalizePattern(string? text, out string pattern)
    {
        pattern = string.Empty;
        if (text is null) return false;
        var s = text.AsSpan().Trim();
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')') s = s[1..^1];
        Span<char> buf = stackalloc char[8];
        int n = 0;
        foreach (char c in s)
        {
            if (c == ',' && n == 4) continue;
            if (char.IsWhiteSpace(c)) continue;
            if (n == 8) return false;
            if (c is 'x' or 'X') buf[n++] = 'x';
            else if (HexValue(c) >= 0) buf[n++] = char.ToUpperInvariant(c);
            else return false;
        }
        if (n != 8) return false;
        pattern = new string(buf);
        return true;
    }

    private readonly record struct RepeatingEntry(uint Mask, uint Value, int Wildcards, bool IsPrivate, bool GroupRange, AttributeEntry Entry)
    {
        public static RepeatingEntry Create(AttributeEntry entry)
        {
            string t = entry.Tag;
            if (t.Length != 8) throw new InvalidDataException($"malformed tag pattern '{t}'");
            uint mask = 0, value = 0;
            int wildcards = 0;
            foreach (char c in t)
            {
                mask <<= 4;
                value <<= 4;
                if (c is 'x' or 'X')
                {
                    wildcards++;
                    continue;
                }
                int h = HexValue(c);
                if (h < 0) throw new InvalidDataException($"malformed tag pattern '{t}'");
                mask |= 0xF;
                value |= (uint)h;
            }
            // A pattern is private when its group's last digit is fixed and odd.
            int last = HexValue(t[3]);
            bool isPrivate = last >= 0 && (last & 1) == 1;
            // 50xx / 60xx / 7Fxx: repeating groups are the even groups xx = 00-1E (PS3.5 §7.6).
            bool groupRange = t[2] is 'x' && t[3] is 'x' && HexValue(t[0]) >= 0 && HexValue(t[1]) >= 0
                && (t[..2] is "50" or "60" or "7F");
            return new RepeatingEntry(mask, value, wildcards, isPrivate, groupRange, entry);
        }
    }
}
