using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Dcsc.Diagnostics;
using Dcsc.Model;
using Dcsc.Source;

namespace Dcsc.Rules;

/// <summary>Every text value of a statement with the span of its YAML value, found by walking the model records.</summary>
internal static class TextFields
{
    internal readonly record struct Field(string Text, SourceSpan Span, string Key, string? Column, BlockScalarLayout? Block = null);

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Key)[]> s_properties = new();

    public static List<Field> All(Statement s)
    {
        var list = new List<Field>(1024);
        Walk(s, s.Location, list, 0);
        return list;
    }

    private static void Walk(object? o, Location owner, List<Field> list, int depth)
    {
        if (o is null || depth > 32) return;
        switch (o)
        {
            case TableRow row:
                foreach (var (col, values) in row.Cells)
                    foreach (var v in values) list.Add(new Field(v, row.Location.Of(col), col, col, row.Location.BlockOf(col)));
                if (row.Note is { } note) list.Add(new Field(note, row.Location.Of("note"), "note", null, row.Location.BlockOf("note")));
                if (row.Group is { } g) list.Add(new Field(g, row.Location.Of("group"), "group", null));
                return;
            case SectionContent sc:
                if (sc.Text is { } t) list.Add(new Field(t, sc.Location.Of("text"), "text", null, sc.Location.BlockOf("text")));
                foreach (var v in sc.Fill.Values) list.Add(new Field(v, sc.Location.Of("fill"), "fill", null));
                foreach (var rows in sc.Tables.Values) foreach (var r in rows) Walk(r, sc.Location, list, depth + 1);
                foreach (var a in sc.Added) Walk(a, sc.Location, list, depth + 1);
                return;
            case AttributeRow a: // the bulk of a large statement: no reflection
                Add(list, a.Name, a.Location, "name"); Add(list, a.Tag, a.Location, "tag"); Add(list, a.Vr, a.Location, "vr");
                Add(list, a.Vm, a.Location, "vm"); Add(list, a.Identifiable, a.Location, "identifiable");
                foreach (var x in a.Source) Add(list, x, a.Location, "source");
                Add(list, a.PresenceOfAttribute, a.Location, "presence_of_attribute"); Add(list, a.PresenceOfValue, a.Location, "presence_of_value");
                Add(list, a.Value, a.Location, "value"); Add(list, a.Condition, a.Location, "condition"); Add(list, a.Comment, a.Location, "comment");
                Add(list, a.Group, a.Location, "group");
                return;
            case Location:
                return;
        }
        var type = o.GetType();
        var props = s_properties.GetOrAdd(type, static t => t.Namespace == "Dcsc.Model"
            ? t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "Location")
                .Select(p => (p, Snake(p.Name))).ToArray()
            : Array.Empty<(PropertyInfo, string)>());
        var loc = type.GetProperty("Location")?.GetValue(o) as Location ?? owner;
        foreach (var (p, key) in props)
        {
            var v = p.GetValue(o);
            switch (v)
            {
                case null: break;
                case string str: list.Add(new Field(str, loc.Of(key), key, null, loc.BlockOf(key))); break;
                case IEnumerable<string> strings:
                    foreach (var x in strings) list.Add(new Field(x, loc.Of(key), key, null));
                    break;
                case IDictionary dict:
                    foreach (DictionaryEntry e in dict) Walk(e.Value, loc, list, depth + 1);
                    break;
                case IEnumerable items:
                    foreach (var x in items) Walk(x, loc, list, depth + 1);
                    break;
                default:
                    if (v.GetType().Namespace == "Dcsc.Model" && !v.GetType().IsEnum) Walk(v, loc, list, depth + 1);
                    break;
            }
        }
    }

    /// <summary>The position of character <paramref name="index"/> of a field's text (<see cref="TextPosition.Of"/>).</summary>
    public static SourceSpan PositionOf(Field field, int index) => TextPosition.Of(field.Span, field.Block, field.Text, index);

    private static void Add(List<Field> list, string? text, Location loc, string key)
    {
        if (text is not null) list.Add(new Field(text, loc.Of(key), key, null, loc.BlockOf(key)));
    }

    private static string Snake(string name)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
