namespace Dcsc.Dictionary;

/// <summary>Orders UIDs numerically, component by component (PS3.2: SOP Classes in numerical order of UID).</summary>
public sealed class UidComparer : IComparer<string>
{
    public static readonly UidComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = x.Split('.');
        var b = y.Split('.');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            int c = CompareNumber(a[i], b[i]);
            if (c != 0) return c;
        }
        int len = a.Length.CompareTo(b.Length);
        return len != 0 ? len : string.CompareOrdinal(x, y);
    }

    private static int CompareNumber(string a, string b)
    {
        var ta = a.TrimStart('0');
        var tb = b.TrimStart('0');
        bool na = ta.All(char.IsAsciiDigit), nb = tb.All(char.IsAsciiDigit);
        if (na && nb)
        {
            if (ta.Length != tb.Length) return ta.Length.CompareTo(tb.Length);
            int c = string.CompareOrdinal(ta, tb);
            return c != 0 ? c : a.Length.CompareTo(b.Length);
        }
        return string.CompareOrdinal(a, b);
    }
}
