namespace Dcsc.Dictionary;

/// <summary>A DICOM data element tag (group, element).</summary>
public readonly record struct DicomTag(ushort Group, ushort Element)
{
    /// <summary>The tag as one 32-bit number, group in the high half (0x00100010).</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>Private data element: odd group number (PS3.5 §7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1;

    /// <summary>Private Creator data element: odd group, element 0x0010–0x00FF (PS3.5 §7.8.1).</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>
    /// Parses <c>(0010,0010)</c>, <c>0010,0010</c> or <c>00100010</c>: four hex digits each (any case).
    /// White space around the text and around the comma is ignored; nothing else is accepted.
    /// </summary>
    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (text is null) return false;
        var s = text.AsSpan().Trim();
        bool parenthesised = s.Length > 0 && s[0] == '(';
        if (parenthesised != (s.Length > 0 && s[^1] == ')')) return false;
        if (parenthesised) s = s[1..^1].Trim();

        ReadOnlySpan<char> group, element;
        int comma = s.IndexOf(',');
        if (comma >= 0)
        {
            group = s[..comma].Trim();
            element = s[(comma + 1)..].Trim();
        }
        else
        {
            if (parenthesised || s.Length != 8) return false; // "(00100010)" is no PS3 notation
            group = s[..4];
            element = s[4..];
        }

        if (!DicomDictionary.TryParseHex4(group, out ushort g) || !DicomDictionary.TryParseHex4(element, out ushort e))
            return false;
        tag = new DicomTag(g, e);
        return true;
    }

    /// <summary>The PS3 notation: <c>(0010,0010)</c>, upper-case hex.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";
}
