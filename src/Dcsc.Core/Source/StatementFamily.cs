using Dcsc.Diagnostics;

namespace Dcsc.Source;

/// <summary>
/// Product families (docs/families.md): a statement with <c>extends: base.yaml</c> is the base statement with the
/// statement's own facts merged on top, and with what its <c>remove:</c> names taken out. Merging works on the loaded
/// YAML nodes, before the Schema stage, so every merged value keeps the file, line and column it came from: a fact
/// inherited from the base is reported at the base's line. Lists of things with an identity (AEs by name, SOP Classes
/// by UID, DICOMweb transactions by service and transaction, …) merge item by item by that identity, never by position;
/// every other value of the derived statement replaces the base's.
/// </summary>
public static class StatementFamily
{
    /// <summary>The longest chain of bases (A extends B extends C …); a longer one is refused like deep includes.</summary>
    public const int MaxChain = 8;

    public const string ExtendsKey = "extends";
    public const string RemoveKey = "remove";

    /// <summary>The identity of an item of each list that merges by identity (the list's key → the item's keys).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Identities = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["application_entities"] = new[] { "name" },
        ["activities"] = new[] { "name" },
        ["sop_classes"] = new[] { "uid" },
        ["transfer_syntax_sets"] = new[] { "code" },
        ["transfer_syntaxes"] = new[] { "uid" },
        ["transactions"] = new[] { "service", "transaction" },
        ["profiles"] = new[] { "profile" },
        ["de_identification"] = new[] { "profile" },
        ["iods"] = new[] { "name" },
        ["modules"] = new[] { "name" },
        ["attributes"] = new[] { "tag" },
        ["sr_templates"] = new[] { "tid" },
        ["mappings"] = new[] { "name" },
        ["character_sets"] = new[] { "defined_term" },
        ["revision_history"] = new[] { "number" },
        ["remote_systems"] = new[] { "name" },
        ["covered"] = new[] { "name" },
        ["terms"] = new[] { "name" },
        ["abbreviations"] = new[] { "short" },
        ["uids"] = new[] { "uid" },
    };

    /// <summary>What <c>remove:</c> can name: a path to a list (or to <c>sections</c>) and how its items are named.</summary>
    public static readonly IReadOnlyList<string> RemovablePaths = new[]
    {
        "application_entities", "sop_classes", "transfer_syntax_sets", "dicomweb.transactions", "media.profiles",
        "security.profiles", "de_identification", "iods", "sr_templates", "mappings", "character_sets", "sections",
    };

    /// <summary>Loads <paramref name="path"/> and, when it extends a base, the merged statement.</summary>
    public static LoadedSource? Load(string path, string? projectRoot, DiagnosticBag bag, LoaderLimits? limits)
    {
        var full = Path.GetFullPath(path);
        var root = SourceLoader.RealPath(Path.GetFullPath(projectRoot ?? Path.GetDirectoryName(full)!));
        return LoadChain(full, root, bag, limits, new List<string>());
    }

    private static LoadedSource? LoadChain(string full, string root, DiagnosticBag bag, LoaderLimits? limits, List<string> chain)
    {
        var source = new SourceLoader(bag, limits).Load(full, root);
        if (source?.Root is not YamlMapping own) return source;
        var extends = own[ExtendsKey];
        var remove = own[RemoveKey];
        if (extends is null)
        {
            if (remove is not null)
                bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(remove.Span, "`remove` takes things out of a base statement; this statement has no `extends`"));
            return source;
        }
        if (extends is not YamlScalar { IsNull: false } relative || relative.Value.Trim().Length == 0)
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(extends.Span, "`extends` takes the path of the base statement (relative to this file)"));
            return null;
        }
        var at = relative.Span;
        if (Path.IsPathRooted(relative.Value))
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(at, $"`extends: {relative.Value}` is an absolute path; a base is named relative to this file and stays inside the project folder"));
            return null;
        }
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, relative.Value));
        var real = SourceLoader.RealPath(target);
        if (!SourceLoader.IsInside(real, root))
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(at, $"`extends: {relative.Value}` points outside the project folder `{SourceLoader.DisplayPath(root)}`"));
            return null;
        }
        if (!File.Exists(real))
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(at, $"the base statement `{relative.Value}` does not exist"));
            return null;
        }
        chain.Add(SourceLoader.RealPath(full));
        if (chain.Contains(real))
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(at, $"`extends: {relative.Value}` is a cycle: {string.Join(" extends ", chain.Append(real).Select(SourceLoader.DisplayPath))}"));
            return null;
        }
        if (chain.Count > MaxChain)
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(at, $"more than {MaxChain} statements extend each other (see docs/limits.md)"));
            return null;
        }
        var baseSource = LoadChain(target, root, bag, limits, chain);
        if (baseSource?.Root is not YamlMapping baseRoot)
        {
            if (baseSource is null && !bag.HasErrors)
                bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(at, $"the base statement `{relative.Value}` cannot be loaded"));
            return baseSource is null ? null : source;
        }

        // `remove` takes things out of the base; the statement's own facts then go on top (so it can replace them).
        if (remove is not null) baseRoot = Remove(baseRoot, remove, bag);
        var merged = (YamlMapping)Merge(baseRoot, Without(own, ExtendsKey, RemoveKey), "");
        var bases = new Dictionary<string, SourceSpan>(baseSource.Bases, StringComparer.Ordinal);
        foreach (var f in baseSource.Files) bases.TryAdd(f, at);
        return new LoadedSource(source.Path, merged, source.Files.Concat(baseSource.Files).Distinct(StringComparer.Ordinal).ToList()) { Bases = bases };
    }

    private static YamlMapping Without(YamlMapping map, params string[] keys) =>
        new(map.Span, map.Entries.Where(e => !keys.Contains(e.Key.Value, StringComparer.Ordinal)).ToList());

    /// <summary>The derived value over the base value: mappings key by key, identity lists item by item, else the derived one.</summary>
    internal static YamlNode Merge(YamlNode baseNode, YamlNode derived, string key)
    {
        switch (baseNode, derived)
        {
            case (YamlMapping b, YamlMapping d):
            {
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                foreach (var e in b.Entries)
                {
                    var over = d.Entries.FirstOrDefault(x => x.Key.Value == e.Key.Value);
                    entries.Add(over.Key is null ? e : new(over.Key, Merge(e.Value, over.Value, e.Key.Value)));
                }
                entries.AddRange(d.Entries.Where(x => b[x.Key.Value] is null && !entries.Any(y => y.Key.Value == x.Key.Value)));
                return new YamlMapping(d.Span, entries);
            }
            case (YamlSequence b, YamlSequence d) when Identities.TryGetValue(key, out var id) && b.Items.Concat(d.Items).All(i => IdentityOf(i, id) is not null):
            {
                var items = new List<YamlNode>();
                foreach (var item in b.Items)
                {
                    var over = d.Items.FirstOrDefault(x => IdentityOf(x, id) == IdentityOf(item, id));
                    items.Add(over is null ? item : Merge(item, over, ""));
                }
                items.AddRange(d.Items.Where(x => !b.Items.Any(y => IdentityOf(y, id) == IdentityOf(x, id))));
                return new YamlSequence(d.Span, items);
            }
            default:
                return derived;
        }
    }

    /// <summary>The identity of a list item ("STORE-SCP", "1.2.840.10008.5.1.4.1.1.2", "Studies Store"), or null.</summary>
    internal static string? IdentityOf(YamlNode item, string[] keys)
    {
        if (item is not YamlMapping m) return null;
        var parts = new List<string>();
        foreach (var k in keys)
        {
            if (m[k] is YamlScalar { IsNull: false } s) parts.Add(s.Value.Trim());
            else if (keys.Length == 1) return null;
        }
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>Applies <c>remove:</c>: each key is a path from <see cref="RemovablePaths"/>, each item an identity
    /// (a SOP Class may also name single roles: <c>{ uid: …, scu: [AE], transfer_syntax_sets: [L] }</c>).</summary>
    private static YamlMapping Remove(YamlMapping merged, YamlNode remove, DiagnosticBag bag)
    {
        if (remove is not YamlMapping spec)
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(remove.Span, "`remove` is a mapping of lists, e.g. `remove: { application_entities: [PRINT-SCU], sop_classes: [1.2.840.10008.5.1.1.9] }`"));
            return merged;
        }
        foreach (var (pathKey, items) in spec.Entries)
        {
            if (!RemovablePaths.Contains(pathKey.Value, StringComparer.Ordinal))
            {
                bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(pathKey.Span, $"`remove` cannot take out `{pathKey.Value}`; it takes {string.Join(", ", RemovablePaths.Select(p => $"`{p}`"))}"));
                continue;
            }
            if (items is not YamlSequence list)
            {
                bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(items.Span, $"`remove.{pathKey.Value}` is a list of the things to take out"));
                continue;
            }
            foreach (var item in list.Items) merged = RemoveOne(merged, pathKey.Value, item, bag);
        }
        return merged;
    }

    private static YamlMapping RemoveOne(YamlMapping root, string path, YamlNode item, DiagnosticBag bag)
    {
        var steps = path.Split('.');
        string listKey = steps[^1];
        string? name = item is YamlScalar s ? s.Value.Trim() : Identities.TryGetValue(listKey, out var k) ? IdentityOf(item, k) : null;
        if (name is null)
        {
            bag.Add(DiagnosticCatalogue.ExtendsCannotBeResolved(item.Span, $"each item of `remove.{path}` names one thing by its identity"));
            return root;
        }
        bool found = false;
        var result = (YamlMapping)Edit(root, steps, 0, container =>
        {
            if (container is YamlMapping sections && listKey == "sections")
            {
                found = sections[name] is not null;
                return new YamlMapping(sections.Span, sections.Entries.Where(e => e.Key.Value != name).ToList());
            }
            if (container is not YamlSequence seq || !Identities.TryGetValue(listKey, out var id)) return container;
            var kept = new List<YamlNode>();
            foreach (var x in seq.Items)
            {
                if (IdentityOf(x, id) != name) { kept.Add(x); continue; }
                found = true;
                // A SOP Class item with role lists takes out only those roles and sets.
                if (item is YamlMapping partial && partial.Entries.Count > 1 && x is YamlMapping whole)
                    kept.Add(WithoutListItems(whole, partial, id));
            }
            return new YamlSequence(seq.Span, kept);
        });
        if (!found)
        {
            bag.Add(DiagnosticCatalogue.RemoveNamesNothing(item.Span, $"`remove.{path}` names `{name}`, which the base statement does not have"));
            return root;
        }
        // An AE taken out is no longer anyone's SCU or SCP (its SOP Class roles and DICOMweb transactions go with it).
        if (path == "application_entities") result = WithoutAe(result, name);
        return result;
    }

    private static YamlMapping WithoutListItems(YamlMapping whole, YamlMapping partial, string[] id)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var e in whole.Entries)
        {
            if (!id.Contains(e.Key.Value) && partial[e.Key.Value] is YamlSequence drop && e.Value is YamlSequence have)
            {
                var names = drop.Items.OfType<YamlScalar>().Select(v => v.Value.Trim()).ToHashSet(StringComparer.Ordinal);
                entries.Add(new(e.Key, new YamlSequence(have.Span, have.Items.Where(v => v is not YamlScalar sv || !names.Contains(sv.Value.Trim())).ToList())));
            }
            else entries.Add(e);
        }
        return new YamlMapping(whole.Span, entries);
    }

    private static YamlMapping WithoutAe(YamlMapping root, string ae)
    {
        root = (YamlMapping)Edit(root, new[] { "sop_classes" }, 0, c => c is YamlSequence seq
            ? new YamlSequence(seq.Span, seq.Items.Select(x => x is YamlMapping m ? DropScalar(m, ae, "scu", "scp") : x).ToList())
            : c);
        return (YamlMapping)Edit(root, new[] { "dicomweb", "transactions" }, 0, c => c is YamlSequence seq
            ? new YamlSequence(seq.Span, seq.Items.Where(x => !(x is YamlMapping m && m["ae"] is YamlScalar a && a.Value.Trim() == ae)).ToList())
            : c);
    }

    private static YamlMapping DropScalar(YamlMapping m, string value, params string[] keys) =>
        new(m.Span, m.Entries.Select(e => keys.Contains(e.Key.Value) && e.Value is YamlSequence s
            ? new KeyValuePair<YamlScalar, YamlNode>(e.Key, new YamlSequence(s.Span, s.Items.Where(v => !(v is YamlScalar sv && sv.Value.Trim() == value)).ToList()))
            : e).ToList());

    /// <summary>The tree with the node at <paramref name="steps"/> replaced by <paramref name="edit"/> of it (unchanged when absent).</summary>
    private static YamlNode Edit(YamlNode node, string[] steps, int i, Func<YamlNode, YamlNode> edit)
    {
        if (i == steps.Length) return edit(node);
        if (node is not YamlMapping m || m[steps[i]] is not { } child) return node;
        return new YamlMapping(m.Span, m.Entries.Select(e => e.Key.Value == steps[i] ? new KeyValuePair<YamlScalar, YamlNode>(e.Key, Edit(child, steps, i + 1, edit)) : e).ToList());
    }

    /// <summary>
    /// Where the value at <paramref name="path"/> of a (merged) statement comes from, for <c>dcsc explain</c>. The path is
    /// keys separated by dots, with <c>[n]</c> for a list position or <c>[identity]</c> for an item of an identity list:
    /// <c>application_entities[STORE-SCP].ae_title</c>, <c>sop_classes[1.2.840.10008.5.1.4.1.1.2].scp</c>.
    /// </summary>
    public static (YamlNode? Node, string? Problem) Find(YamlNode root, string path)
    {
        var node = root;
        string lastKey = "";
        foreach (var raw in SplitPath(path))
        {
            if (raw.StartsWith('['))
            {
                var inner = raw[1..^1];
                if (node is not YamlSequence seq) return (null, $"`{lastKey}` is not a list");
                YamlNode? hit = int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < seq.Items.Count
                    ? seq.Items[n]
                    : Identities.TryGetValue(lastKey, out var id) ? seq.Items.FirstOrDefault(x => IdentityOf(x, id) == inner) : null;
                if (hit is null) return (null, $"`{lastKey}` has no item `{inner}`");
                node = hit;
            }
            else
            {
                if (node is not YamlMapping m || m[raw] is not { } child) return (null, $"there is no `{raw}` here");
                node = child;
                lastKey = raw;
            }
        }
        return (node, null);
    }

    private static IEnumerable<string> SplitPath(string path)
    {
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.') { i++; continue; }
            if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                if (end < 0) end = path.Length - 1;
                yield return path[i..(end + 1)];
                i = end + 1;
                continue;
            }
            int j = i;
            while (j < path.Length && path[j] is not '.' and not '[') j++;
            yield return path[i..j];
            i = j;
        }
    }
}
