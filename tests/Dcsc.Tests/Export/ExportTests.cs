using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dcsc.Export;
using Dcsc.Model;
using Dcsc.Pipeline;
using Dcsc.Tests.Cli;
using NJsonSchema;

namespace Dcsc.Tests.Export;

/// <summary>
/// `dcsc build --format json` (the normalized statement under schema/dcsc-statement-1.schema.json) and
/// `--format wadl` (the PS3.18 capabilities document of a DICOMweb origin server).
/// </summary>
public class ExportTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0], StringComparer.Ordinal);

    private static Statement Load(string example)
    {
        var r = Compilation.Check(TestUtil.Repo("examples", example));
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Sorted()));
        return r.Statement!;
    }

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(TestUtil.Repo("schema", StatementJson.SchemaFile))).GetAwaiter().GetResult());

    [Theory]
    [MemberData(nameof(Examples))]
    public void Json_of_every_example_validates_against_the_published_schema(string example)
    {
        var text = Encoding.UTF8.GetString(StatementJson.Write(Load(example)));
        var errors = Schema.Value.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20).Select(e => $"{e.Path}: {e.Kind}")));
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(StatementJson.SchemaId, doc.RootElement.GetProperty("$schema").GetString());
        using (var schemaDoc = JsonDocument.Parse(File.ReadAllText(TestUtil.Repo("schema", StatementJson.SchemaFile))))
            Assert.Equal(StatementJson.SchemaId, schemaDoc.RootElement.GetProperty("$id").GetString()); // the output names the published schema
        Assert.Equal(text, Encoding.UTF8.GetString(StatementJson.Write(Load(example)))); // deterministic
    }

    [Fact]
    public void The_schema_rejects_what_is_not_a_normalized_statement()
    {
        var text = Encoding.UTF8.GetString(StatementJson.Write(Load("ct-modality.yaml")));
        Assert.NotEmpty(Schema.Value.Validate(text.Replace("\"product\":", "\"produkt\":")));
        Assert.NotEmpty(Schema.Value.Validate(text.Replace("\"transferSyntaxPolicy\": \"sets\"", "\"transferSyntaxPolicy\": \"some\"")));
        Assert.NotEmpty(Schema.Value.Validate(text.Replace("\"format\": \"dcsc-statement/1\"", "\"format\": \"dcsc-statement/2\"")));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Json_round_trips_the_facts_diff_compares(string example)
    {
        var s = Load(example);
        using var doc = JsonDocument.Parse(StatementJson.Write(s));
        Assert.Equal(FactsOf(s), FactsOf(doc.RootElement));
    }

    [Fact]
    public void Json_has_uids_with_names_and_the_expanded_every_storage_classes()
    {
        var s = Load("storage-gateway.yaml");
        using var doc = JsonDocument.Parse(StatementJson.Write(s));
        var root = doc.RootElement;
        var sops = root.GetProperty("sopClasses").EnumerateArray().ToList();
        Assert.Equal(s.SopClasses.Count, sops.Count);
        Assert.True(sops.Count(x => x.GetProperty("expanded").GetBoolean()) > 100);
        var ct = sops.Single(x => x.GetProperty("uid").GetString() == "1.2.840.10008.5.1.4.1.1.2");
        Assert.Equal("CT Image Storage", ct.GetProperty("name").GetString());
        Assert.Equal("as_received", ct.GetProperty("asScp").GetProperty("policy").GetString());
        var ts = ct.GetProperty("asScp").GetProperty("transferSyntaxes")[0];
        Assert.Equal("1.2.840.10008.1.2.1", ts.GetProperty("uid").GetString());
        Assert.Equal("Explicit VR Little Endian", ts.GetProperty("name").GetString());
        var pdu = root.GetProperty("association").GetProperty("parameters").GetProperty("max_pdu_length");
        Assert.Equal("65536", pdu.GetProperty("value").GetString());
        Assert.Equal("1048576", pdu.GetProperty("maximum").GetString());
    }

    /// <summary>The facts `dcsc diff` compares, from the model.</summary>
    private static SortedSet<string> FactsOf(Statement s)
    {
        var f = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ae in s.ApplicationEntities)
        {
            f.Add($"ae|{ae.Name}|{ae.AeTitle}|{ae.Association?.Port}|{ae.Association?.MaxPduLength}");
            foreach (var a in ae.Activities) f.Add($"activity|{ae.Name}|{a.Name}|{a.Role.ToString().ToLowerInvariant()}|{string.Join(",", a.SopClasses)}|{string.Join(",", a.TransferSyntaxSets)}");
        }
        foreach (var set in s.TransferSyntaxSets)
            foreach (var t in set.TransferSyntaxes) f.Add($"ts|{set.Code}|{t.Uid}");
        foreach (var sc in s.SopClasses)
        {
            foreach (var ae in sc.Scu) f.Add($"scu|{sc.Uid}|{ae}");
            foreach (var ae in sc.Scp) f.Add($"scp|{sc.Uid}|{ae}");
            f.Add($"sop|{sc.Uid}|{sc.UserAgent}|{sc.OriginServer}|{sc.Fsc}|{sc.Fsu}|{sc.Fsr}|{sc.Create}|{string.Join(",", sc.TransferSyntaxSets)}|{sc.TransferSyntaxPolicy}");
        }
        foreach (var t in s.DicomWeb.Transactions)
            f.Add($"web|{t.Service}|{t.Transaction}|{t.UserAgent}|{t.OriginServer}|{string.Join(",", t.Resources)}|{string.Join(",", t.TransferSyntaxes)}|{string.Join(",", t.QueryParameters)}");
        foreach (var (section, content) in s.Sections)
            foreach (var (table, rows) in content.Tables)
                foreach (var row in rows)
                    if (row.Cells.TryGetValue("tag", out var tag) && tag.Count > 0 && row.Cells.Keys.Any(k => k.StartsWith("matching", StringComparison.Ordinal) || k == "return_key"))
                        f.Add($"key|{section}|{table}|{tag[0]}");
        foreach (var iod in s.Iods)
            foreach (var m in iod.Modules.Concat(iod.FunctionalGroups).Concat(iod.PrivateModules))
                foreach (var a in m.Attributes) f.Add($"attr|{iod.SopClass}|{m.Name}|{a.Tag}|{a.PresenceOfAttribute}|{a.PresenceOfValue}|{string.Join(",", a.Source)}|{a.Value}");
        foreach (var p in s.Security.Profiles) f.Add($"sec|{p.Kind}|{p.Profile}|{p.Sender}|{p.Receiver}|{p.SecuredAe}");
        foreach (var c in s.CharacterSets) f.Add($"charset|{c.DefinedTerm}");
        foreach (var d in s.DeIdentification) f.Add($"deid|{d.Profile}|{d.Ae}");
        foreach (var k in s.Details.KeyTables)
            foreach (var key in k.Keys) f.Add($"keytable|{k.Service}|{k.Side.ToString().ToUpperInvariant()}|{k.Model}|{k.Level}|{key.Tag}|{string.Join(",", key.MatchingTypes)}");
        foreach (var a in s.Details.WebAdditions) f.Add($"addition|{a.Method}|{a.Path}");
        return f;
    }

    /// <summary>The same facts, read back from the JSON.</summary>
    private static SortedSet<string> FactsOf(JsonElement r)
    {
        static string S(JsonElement e, string p) => e.GetProperty(p).ValueKind == JsonValueKind.Null ? "" : e.GetProperty(p).ToString();
        static string L(JsonElement e, string p) => string.Join(",", e.GetProperty(p).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object ? x.GetProperty("uid").GetString() : x.GetString()));
        static string Param(JsonElement ae, string key) =>
            ae.GetProperty("association").ValueKind == JsonValueKind.Null || !ae.GetProperty("association").GetProperty("parameters").TryGetProperty(key, out var p)
                ? "" : S(p, "value");
        static string Policy(string p) => p switch { "any" => "Any", "as_received" => "AsReceived", _ => "Sets" };
        static string Bool(JsonElement e, string p) => e.GetProperty(p).GetBoolean() ? "True" : "False";
        var f = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ae in r.GetProperty("applicationEntities").EnumerateArray())
        {
            f.Add($"ae|{S(ae, "name")}|{S(ae, "aeTitle")}|{Param(ae, "port")}|{Param(ae, "max_pdu_length")}");
            foreach (var a in ae.GetProperty("activities").EnumerateArray())
                f.Add($"activity|{S(ae, "name")}|{S(a, "name")}|{S(a, "role")}|{L(a, "sopClasses")}|{L(a, "transferSyntaxSets")}");
        }
        foreach (var set in r.GetProperty("transferSyntaxSets").EnumerateArray())
            foreach (var t in set.GetProperty("transferSyntaxes").EnumerateArray()) f.Add($"ts|{S(set, "code")}|{S(t, "uid")}");
        foreach (var sc in r.GetProperty("sopClasses").EnumerateArray())
        {
            foreach (var ae in sc.GetProperty("scu").EnumerateArray()) f.Add($"scu|{S(sc, "uid")}|{ae.GetString()}");
            foreach (var ae in sc.GetProperty("scp").EnumerateArray()) f.Add($"scp|{S(sc, "uid")}|{ae.GetString()}");
            f.Add($"sop|{S(sc, "uid")}|{Bool(sc, "userAgent")}|{Bool(sc, "originServer")}|{Bool(sc, "fsc")}|{Bool(sc, "fsu")}|{Bool(sc, "fsr")}|{S(sc, "create")}|{L(sc, "transferSyntaxSets")}|{Policy(S(sc, "transferSyntaxPolicy"))}");
        }
        foreach (var t in r.GetProperty("dicomweb").GetProperty("transactions").EnumerateArray())
            f.Add($"web|{S(t, "service")}|{S(t, "transaction")}|{Bool(t, "userAgent")}|{Bool(t, "originServer")}|{L(t, "resources")}|{L(t, "transferSyntaxes")}|{L(t, "queryParameters")}");
        foreach (var k in r.GetProperty("queryKeys").EnumerateArray()) f.Add($"key|{S(k, "section")}|{S(k, "table")}|{S(k, "tag")}");
        foreach (var iod in r.GetProperty("iods").EnumerateArray())
            foreach (var m in iod.GetProperty("modules").EnumerateArray())
                foreach (var a in m.GetProperty("attributes").EnumerateArray())
                    f.Add($"attr|{iod.GetProperty("sopClass").GetProperty("uid").GetString()}|{S(m, "name")}|{S(a, "tag")}|{S(a, "presenceOfAttribute")}|{S(a, "presenceOfValue")}|{L(a, "source")}|{S(a, "value")}");
        foreach (var p in r.GetProperty("security").GetProperty("profiles").EnumerateArray())
            f.Add($"sec|{S(p, "kind")}|{S(p, "profile")}|{Bool(p, "sender")}|{Bool(p, "receiver")}|{S(p, "securedAe")}");
        foreach (var c in r.GetProperty("characterSets").EnumerateArray()) f.Add($"charset|{S(c, "definedTerm")}");
        foreach (var d in r.GetProperty("deIdentification").EnumerateArray()) f.Add($"deid|{S(d, "profile")}|{S(d, "ae")}");
        foreach (var k in r.GetProperty("dimse").GetProperty("keyTables").EnumerateArray())
            foreach (var key in k.GetProperty("keys").EnumerateArray())
                f.Add($"keytable|{S(k, "service")}|{S(k, "role")}|{S(k, "model")}|{S(k, "level")}|{S(key, "tag")}|{L(key, "matchingTypes")}");
        foreach (var a in r.GetProperty("dicomweb").GetProperty("additions").EnumerateArray()) f.Add($"addition|{S(a, "method")}|{S(a, "path")}");
        return f;
    }

    // ------------------------------------------------------------------------------------------------ WADL

    [Theory]
    [InlineData("dicomweb-server.yaml")]
    [InlineData("image-archive.yaml")]
    public void Wadl_of_an_origin_server_is_well_formed_and_lists_every_declared_resource_and_method(string example)
    {
        var s = Load(example);
        var xml = XDocument.Parse(Encoding.UTF8.GetString(Wadl.Write(s))); // throws when not well-formed
        XNamespace w = Wadl.Namespace;
        Assert.Equal(w + "application", xml.Root!.Name);
        var resources = xml.Root.Element(w + "resources")!;
        Assert.Equal(s.DicomWeb.BaseUrl ?? "/", resources.Attribute("base")!.Value);
        // Every (method, path) in the document, with its path from the nested resources.
        var declared = new HashSet<(string, string)>();
        void Walk(XElement e, string path)
        {
            foreach (var m in e.Elements(w + "method")) declared.Add((m.Attribute("name")!.Value, path));
            foreach (var r in e.Elements(w + "resource")) Walk(r, path.Length == 0 ? r.Attribute("path")!.Value : path + "/" + r.Attribute("path")!.Value);
        }
        Walk(resources, "");
        int expected = 0;
        foreach (var t in s.DicomWeb.Transactions.Where(t => t.OriginServer))
            foreach (var r in t.Resources.DefaultIfEmpty(""))
                foreach (var (method, path) in Wadl.Paths(t.Service, t.Transaction, r))
                {
                    expected++;
                    Assert.Contains((method, path), declared);
                }
        foreach (var a in s.Details.WebAdditions) Assert.Contains((a.Method.ToUpperInvariant(), a.Path.Trim('/')), declared);
        Assert.True(expected > 5);
        // Method ids are unique (WADL method ids are XML IDs).
        var ids = xml.Descendants(w + "method").Select(m => m.Attribute("id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Wadl_names_the_paths_of_ps3_18()
    {
        Assert.Equal(new[] { ("POST", "studies"), ("POST", "studies/{StudyInstanceUID}") }, Wadl.Paths("Studies", "Store", "Study"));
        Assert.Equal(new[] { ("GET", "studies/{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}/frames/{FrameList}") }, Wadl.Paths("Studies", "Retrieve", "Frames"));
        Assert.Equal(new[] { ("PUT", "workitems/{WorkitemUID}/state") }, Wadl.Paths("Worklist", "Change State", "Workitem"));
        Assert.Equal(new[] { ("GET", "studies/{StudyInstanceUID}/series") }, Wadl.Paths("Studies", "Search", "Study's Series"));
    }

    [Fact]
    public void Build_writes_json_and_wadl_and_refuses_wadl_without_an_origin_server()
    {
        using var dir = new TestUtil.TempDir();
        var (code, _, err) = CliTests.Run("build", TestUtil.Repo("examples", "dicomweb-server.yaml"), "--format", "json,wadl", "-o", dir.Path);
        Assert.Equal(0, code);
        Assert.Contains("dicomweb-server.json", err);
        XDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "dicomweb-server.wadl")));
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "dicomweb-server.json"))))
            Assert.Equal("dcsc-statement/1", doc.RootElement.GetProperty("format").GetString());

        using var other = new TestUtil.TempDir();
        var refused = CliTests.Run("build", TestUtil.Repo("examples", "ct-modality.yaml"), "--format", "json,wadl", "-o", other.Path);
        Assert.Equal(1, refused.Code);
        Assert.Contains("DCS9007", refused.Out);
        Assert.Empty(Directory.GetFiles(other.Path)); // no partial outputs: not even the json
    }

    [Fact]
    public void Hostile_author_text_stays_inert_in_wadl()
    {
        var yaml = File.ReadAllText(TestUtil.Repo("examples", "dicomweb-server.yaml"))
            .Replace("      name: Delete Study\n", "      name: \"Delete ]]></doc><method name=\\\"X\\\"/> \\e[31m\\u202E Study\"\n");
        var r = Compilation.CheckText("hostile.yaml", yaml);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Sorted()));
        var text = Encoding.UTF8.GetString(Wadl.Write(r.Statement!));
        var xml = XDocument.Parse(text);
        XNamespace w = Wadl.Namespace;
        Assert.DoesNotContain(xml.Descendants(w + "method"), m => m.Attribute("name")!.Value == "X");
        // Ordinal: culture-aware search treats control characters as ignorable and finds them everywhere.
        Assert.False(text.Contains('\u001b', StringComparison.Ordinal));
        Assert.False(text.Contains('\u202E', StringComparison.Ordinal));
        Assert.Contains("Delete ]]&gt;&lt;/doc&gt;", text); // the name is there, as text
    }
}
