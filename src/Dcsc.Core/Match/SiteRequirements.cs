using System.Reflection;
using Dcsc.Diagnostics;
using Dcsc.Model;
using Dcsc.Schema;
using Dcsc.Source;
using NJsonSchema;
using Reader = Dcsc.Model.ModelBinder.Reader;

namespace Dcsc.Match;

/// <summary>The kinds of requirement a site can state (schema/dcsc-requirements-1.schema.json), in report order.</summary>
public enum RequirementKind { Service, SopClass, TransferSyntax, QueryKey, SecurityProfile, CharacterSet, DicomWeb }

/// <summary>
/// One requirement of a site file: its kind, the values it names (by schema key), whether it is required (else
/// desired), the site's note, and where it is written.
/// </summary>
public sealed record Requirement(RequirementKind Kind, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> MediaTypes,
    bool Required, string? Note, SourceSpan At)
{
    public string Get(string key) => Values.GetValueOrDefault(key) ?? "";
    public string? Opt(string key) => Values.GetValueOrDefault(key);
}

/// <summary>What a hospital requires of a product (docs/match.md, "Site requirements").</summary>
public sealed record SiteRequirements(string Path, string Title, string? Site, string? Version, IReadOnlyList<Requirement> Items)
{
    public const string SchemaResource = "Dcsc.Match.dcsc-requirements-1.schema.json";

    private static readonly Lazy<JsonSchema> SchemaLazy = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException("the embedded requirements schema is missing");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    private static readonly (string Key, RequirementKind Kind)[] Lists =
    {
        ("services", RequirementKind.Service), ("sop_classes", RequirementKind.SopClass), ("transfer_syntaxes", RequirementKind.TransferSyntax),
        ("query_keys", RequirementKind.QueryKey), ("security_profiles", RequirementKind.SecurityProfile),
        ("character_sets", RequirementKind.CharacterSet), ("dicomweb", RequirementKind.DicomWeb),
    };

    /// <summary>Loads and checks a site requirements file (bounded read, YAML, schema); null with diagnostics when it has errors.</summary>
    public static SiteRequirements? Load(string path, DiagnosticBag diagnostics, LoaderLimits? limits = null) =>
        Bind(new SourceLoader(diagnostics, limits).Load(path), diagnostics);

    /// <summary>The same over text (tests, editors).</summary>
    public static SiteRequirements? LoadText(string displayPath, string yaml, DiagnosticBag diagnostics) =>
        Bind(new SourceLoader(diagnostics).LoadText(displayPath, yaml), diagnostics);

    private static SiteRequirements? Bind(LoadedSource? source, DiagnosticBag diagnostics)
    {
        if (source is null || diagnostics.HasErrors) return null;
        if (!SchemaValidator.ValidateAgainst(SchemaLazy.Value, source, diagnostics)) return null;
        var root = new Reader(source.Root);
        var head = root.Map("requirements");
        var items = new List<Requirement>();
        foreach (var (key, kind) in Lists)
            if (root.Node(key) is YamlSequence list)
                foreach (var node in list.Items)
                {
                    var r = new Reader(node);
                    var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (k, v) in r.Entries())
                        if (v.Scalar() is { } text && k is not "required" and not "note") values[k] = text.Trim();
                    items.Add(new Requirement(kind, values, r.Strings("media_types"), !r.Has("required") || r.Bool("required"),
                        r.Opt("note"), node.Span));
                }
        return new SiteRequirements(source.Path, head.Str("title"), head.Opt("site"), head.Opt("version"), items);
    }
}
