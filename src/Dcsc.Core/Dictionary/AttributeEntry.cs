using System.Collections.Concurrent;

namespace Dcsc.Dictionary;

/// <summary>A data dictionary entry (PS3.6 Table 6-1, or declared by a statement).</summary>
/// <param name="Tag">Tag pattern <c>GGGGEEEE</c>, upper-case hex, <c>x</c> for a repeating digit (<c>60xx3000</c>).</param>
/// <param name="Vr">VR as the standard gives it, e.g. <c>PN</c> or <c>OB or OW</c>.</param>
/// <param name="Vm">Value Multiplicity, e.g. <c>1</c>, <c>1-n</c>, <c>2-2n</c>.</param>
/// <param name="Name">Attribute name, e.g. <c>Patient's Name</c>.</param>
/// <param name="Keyword">Keyword, e.g. <c>PatientName</c>; empty for a few retired entries.</param>
/// <param name="Retired">Retired in the edition the entry comes from.</param>
public sealed record AttributeEntry(string Tag, string Vr, string Vm, string Name, string Keyword, bool Retired)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> s_vrLists = new(StringComparer.Ordinal);

    /// <summary>The VRs, <see cref="Vr"/> split on " or " (<c>["OB", "OW"]</c>).</summary>
    public IReadOnlyList<string> Vrs => s_vrLists.GetOrAdd(Vr, static vr =>
        Array.AsReadOnly(vr.Split(" or ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary>True when the tag pattern contains <c>x</c> digits (a repeating group or element range).</summary>
    public bool IsRepeating => Tag.Contains('x');

    /// <summary>The pattern in PS3 notation: <c>(0010,0010)</c>, <c>(60xx,3000)</c>.</summary>
    public string DisplayTag => Tag.Length == 8 ? $"({Tag[..4]},{Tag[4..]})" : Tag;
}
