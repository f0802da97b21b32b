namespace Dcsc.Rules;

/// <summary>
/// The DIMSE status codes each operation defines: the general codes of PS3.7 (§9.1 C-services, §10.1 N-services,
/// Annex C) plus the service-specific codes of PS3.4 (Tables B.2-1, C.4-1, C.4-2, C.4-3, C.6.4.3-1, K.4-1,
/// F.7.2-2, F.8.2-2, CC.2.1-2, CC.2.2-2, CC.2.3-3, CC.2.5-4, CC.2.6-1, CC.2.7-1, CC.2.8-2, H.4-4, H.4-9,
/// H.4.1.2.1.2-1, H.4.2.2.1.2-1, H.4.3.1.2.1.2-1, H.4.3.2.2.1.2-1, H.4.9.2.1.2-1). Codes use 'x' for an
/// implementation-specific hex digit (PS3.4 §5.3).
/// </summary>
internal static class StatusCodes
{
    public sealed record Operation(string Name, string Citation, string[] Codes);

    private static readonly string[] CEcho = { "0000", "0122", "0210", "0211", "0212" };
    private static readonly string[] CStore = { "0000", "A7xx", "A9xx", "Cxxx", "B000", "B006", "B007", "0117", "0122", "0124", "0210", "0211", "0212" };
    private static readonly string[] CFind = { "0000", "A700", "A900", "Cxxx", "FE00", "FF00", "FF01", "0122", "0124", "0210", "0211", "0212" };
    private static readonly string[] CMove = { "0000", "A701", "A702", "A801", "A900", "Cxxx", "FE00", "B000", "FF00", "0122", "0124", "0210", "0211", "0212" };
    private static readonly string[] CGet = { "0000", "A701", "A702", "A900", "Cxxx", "FE00", "B000", "FF00", "0122", "0124", "0210", "0211", "0212" };
    private static readonly string[] NEventReport = { "0000", "0110", "0112", "0113", "0114", "0115", "0117", "0118", "0119", "0124", "0210", "0211", "0212", "0213" };
    private static readonly string[] NGet = { "0000", "0001", "0107", "0110", "0112", "0117", "0118", "0119", "0124", "0210", "0211", "0212", "0213" };
    private static readonly string[] NSet = { "0000", "0107", "0116", "0105", "0106", "0110", "0112", "0117", "0118", "0119", "0121", "0124", "0210", "0211", "0212", "0213" };
    private static readonly string[] NAction = { "0000", "0110", "0112", "0114", "0115", "0117", "0118", "0119", "0123", "0124", "0210", "0211", "0212", "0213" };
    private static readonly string[] NCreate = { "0000", "0107", "0116", "0105", "0106", "0110", "0111", "0117", "0118", "0120", "0121", "0124", "0210", "0211", "0212", "0213" };
    private static readonly string[] NDelete = { "0000", "0110", "0112", "0117", "0118", "0119", "0124", "0210", "0211", "0212", "0213" };

    /// <summary>The operation a 7.3.2 status section documents, from its key (e.g. <c>status_scp_storage_c_store</c>); null for other sections.</summary>
    public static Operation? ForSection(string key)
    {
        if (!key.StartsWith("status_", StringComparison.Ordinal)) return null;
        if (key.EndsWith("_c_store", StringComparison.Ordinal)) return new("C-STORE", "PS3.4 Table B.2-1, PS3.7 §9.1.1.1.9", CStore);
        if (key.EndsWith("_c_echo", StringComparison.Ordinal)) return new("C-ECHO", "PS3.7 §9.1.5.1.4", CEcho);
        if (key.EndsWith("_c_find", StringComparison.Ordinal))
        {
            if (key.Contains("_ups_", StringComparison.Ordinal)) return new("C-FIND", "PS3.4 Table CC.2.8-2", CFind);
            if (key.Contains("_qr_", StringComparison.Ordinal)) return new("C-FIND", "PS3.4 Tables C.4-1 and C.6.4.3-1", With(CFind, "A710", "B001"));
            if (key.Contains("_mwl_", StringComparison.Ordinal)) return new("C-FIND", "PS3.4 Table K.4-1", CFind);
            return new("C-FIND", "PS3.4 Table C.4-1", CFind);
        }
        if (key.EndsWith("_c_move", StringComparison.Ordinal)) return new("C-MOVE", "PS3.4 Table C.4-2, PS3.7 §9.1.4.1.7", CMove);
        if (key.EndsWith("_c_get", StringComparison.Ordinal)) return new("C-GET", "PS3.4 Table C.4-3, PS3.7 §9.1.3.1.7", CGet);
        bool ups = key.Contains("ups", StringComparison.Ordinal);
        if (key.EndsWith("_n_create", StringComparison.Ordinal))
        {
            if (ups) return new("N-CREATE", "PS3.4 Table CC.2.5-4, PS3.7 §10.1.5.1.6", With(NCreate, "B300", "C309"));
            if (key.Contains("film_box", StringComparison.Ordinal)) return new("N-CREATE", "PS3.4 Table H.4.2.2.1.2-1, PS3.7 §10.1.5.1.6", With(NCreate, "B605", "C616"));
            if (key.Contains("film_session", StringComparison.Ordinal)) return new("N-CREATE", "PS3.4 Table H.4.1.2.1.2-1, PS3.7 §10.1.5.1.6", With(NCreate, "B600"));
            if (key.Contains("plut", StringComparison.Ordinal)) return new("N-CREATE", "PS3.4 Table H.4.9.2.1.2-1, PS3.7 §10.1.5.1.6", With(NCreate, "B605"));
            return new("N-CREATE", "PS3.7 §10.1.5.1.6", NCreate);
        }
        if (key.EndsWith("_n_set", StringComparison.Ordinal))
        {
            if (ups) return new("N-SET", "PS3.4 Table CC.2.6-1, PS3.7 §10.1.3.1.9", With(NSet, "0001", "B305", "C300", "C301", "C307", "C310"));
            if (key.Contains("grayscale_image_box", StringComparison.Ordinal)) return new("N-SET", "PS3.4 Table H.4.3.1.2.1.2-1", With(NSet, "B604", "B605", "B609", "B60A", "C603", "C605", "C613"));
            if (key.Contains("color_image_box", StringComparison.Ordinal)) return new("N-SET", "PS3.4 Table H.4.3.2.2.1.2-1", With(NSet, "B604", "B609", "B60A", "C603", "C605", "C613"));
            if (key.Contains("film_session", StringComparison.Ordinal)) return new("N-SET", "PS3.4 Table H.4.1.2.1.2-1", With(NSet, "B600"));
            if (key.Contains("film_box", StringComparison.Ordinal)) return new("N-SET", "PS3.4 Table H.4.2.2.1.2-1", With(NSet, "B605", "C616"));
            return new("N-SET", "PS3.4 Table F.7.2-2, PS3.7 §10.1.3.1.9", NSet);
        }
        if (key.EndsWith("_n_get", StringComparison.Ordinal))
            return ups ? new("N-GET", "PS3.4 Table CC.2.7-1, PS3.7 §10.1.2.1.9", With(NGet, "C307")) : new("N-GET", "PS3.4 Table F.8.2-2, PS3.7 §10.1.2.1.9", NGet);
        if (key.EndsWith("_n_action", StringComparison.Ordinal))
        {
            if (key.Contains("change_ups_state", StringComparison.Ordinal)) return new("N-ACTION", "PS3.4 Table CC.2.1-2", With(NAction, "B304", "B306", "C300", "C301", "C302", "C303", "C304", "C307", "C310"));
            if (key.Contains("subscribe", StringComparison.Ordinal)) return new("N-ACTION", "PS3.4 Table CC.2.3-3", With(NAction, "B301", "C307", "C308", "C314", "C315"));
            if (ups) return new("N-ACTION", "PS3.4 Table CC.2.2-2", With(NAction, "B304", "C307", "C311", "C312", "C313"));
            if (key.Contains("film_session", StringComparison.Ordinal)) return new("N-ACTION", "PS3.4 Table H.4-4", With(NAction, "B601", "B602", "B604", "B609", "B60A", "C600", "C601", "C603", "C613"));
            if (key.Contains("film_box", StringComparison.Ordinal)) return new("N-ACTION", "PS3.4 Table H.4-9", With(NAction, "B603", "B604", "B609", "B60A", "C602", "C603", "C613"));
            return new("N-ACTION", "PS3.7 §10.1.4.1.10", NAction);
        }
        if (key.EndsWith("_n_delete", StringComparison.Ordinal)) return new("N-DELETE", "PS3.7 §10.1.6.1.5", NDelete);
        if (key.EndsWith("_n_event_report", StringComparison.Ordinal)) return new("N-EVENT-REPORT", "PS3.7 §10.1.1.1.8", NEventReport);
        return null;
    }

    /// <summary>Codes with a specific meaning in one operation that another operation's xx range must not borrow.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reserved = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["A701"] = "C-MOVE/C-GET's \"Refused: Out of resources - Unable to calculate number of matches\"",
        ["A702"] = "C-MOVE/C-GET's \"Refused: Out of resources - Unable to perform sub-operations\"",
        ["A801"] = "C-MOVE's \"Refused: Move Destination unknown\"",
        ["A710"] = "Repository Query's \"Invalid Prior Record Key\"",
    };

    private static string[] With(string[] general, params string[] specific) => general.Concat(specific).Distinct().ToArray();

    /// <summary>Normalises a code as written (<c>0xA700</c>, <c>A700H</c>, <c>a7XX</c>) to four upper-case hex digits with lower-case x; null if it is none.</summary>
    public static string? Normalize(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) t = t[2..];
        if (t.EndsWith('H') || t.EndsWith('h')) t = t[..^1];
        if (t.Length != 4) return null;
        var chars = new char[4];
        for (int i = 0; i < 4; i++)
        {
            char c = t[i];
            if (c is 'x' or 'X') chars[i] = 'x';
            else if (Uri.IsHexDigit(c)) chars[i] = char.ToUpperInvariant(c);
            else return null;
        }
        return new string(chars);
    }

    /// <summary>A token that is meant as a code (has a digit, or is hexadecimal/x only), e.g. <c>A70G</c>, <c>0x110</c>; not a word such as "Any".</summary>
    public static bool LooksLikeCode(string token) =>
        token.Any(char.IsDigit) || token.All(c => Uri.IsHexDigit(c) || c is 'x' or 'X');

    /// <summary>True when every code <paramref name="code"/> stands for lies within <paramref name="pattern"/>.</summary>
    public static bool Within(string code, string pattern)
    {
        for (int i = 0; i < 4; i++)
        {
            if (pattern[i] == 'x') continue;
            if (code[i] == 'x' || code[i] != pattern[i]) return false;
        }
        return true;
    }

    /// <summary>The status class of a code by its value (PS3.7 Annex C): Success, Warning, Failure, Cancel, Pending; empty when the value has no class.</summary>
    public static string ClassOf(string code)
    {
        if (code == "0000") return "Success";
        if (code is "FF00" or "FF01") return "Pending";
        if (code == "FE00") return "Cancel";
        if (code is "0001" or "0107" or "0116" || code[0] == 'B') return "Warning";
        if (code[0] is 'A' or 'C' || code.StartsWith("01", StringComparison.Ordinal) || code.StartsWith("02", StringComparison.Ordinal)) return "Failure";
        return "";
    }
}
