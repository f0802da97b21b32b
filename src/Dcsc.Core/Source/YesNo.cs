namespace Dcsc.Source;

/// <summary>
/// The one reading of yes and no in a statement. Three forms are accepted, each where the source format allows it:
/// a YAML boolean (schema <c>boolean</c> fields), the PS3.2 convention <c>Y</c>/<c>N</c> (fields whose schema also
/// allows it, e.g. the "Required in N-CREATE" cells), and an author's free-text answer (<c>fill</c> values that
/// switch on a template condition, author table cells such as QIDO-RS "matching key").
/// </summary>
public static class YesNo
{
    /// <summary>A YAML 1.2 core-schema boolean (<c>true</c>, <c>True</c>, <c>TRUE</c>, <c>false</c>, …); null for any other text.</summary>
    public static bool? YamlBoolean(string plain) => plain switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    /// <summary>A yes/no field: a YAML boolean, or <c>Y</c>/<c>N</c> as PS3.2 tables write support (PS3.2 conventions); null otherwise.</summary>
    public static bool? Field(string value) => YamlBoolean(value) ?? value switch { "Y" => true, "N" => false, _ => null };

    /// <summary>An author's answer that means yes: <c>yes</c>, <c>y</c>, <c>true</c> or <c>1</c>, in any case, around spaces.</summary>
    public static bool IsYesAnswer(string text) => text.Trim().ToLowerInvariant() is "yes" or "y" or "true" or "1";

    /// <summary>A table cell value as printed: a YAML boolean becomes <c>Y</c>/<c>N</c> (PS3.2 conventions), other text stays.</summary>
    public static string AsCell(string value) => YamlBoolean(value) switch { true => "Y", false => "N", null => value };
}
