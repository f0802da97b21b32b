using System.Text.Json;
using Dcsc.Diff;
using Dcsc.Pipeline;
using Dcsc.Tests.Cli;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class DiffTests
{
    internal static string Base => File.ReadAllText(TestUtil.Repo("tests", "Dcsc.Tests", "Workflow", "Data", "statement.yaml"));

    private const string SecondaryCapture = """
          - uid: 1.2.840.10008.5.1.4.1.1.7
            name: Secondary Capture Image Storage
            scu: [STORAGE-SCU]
            transfer_syntax_sets: [U]
            create: S

        """;

    /// <summary>The base statement with one SOP Class removed and one Transfer Syntax added (and reformatted).</summary>
    internal static string Edited()
    {
        var s = Base;
        var sc = SecondaryCapture.Replace("\r\n", "\n");
        Assert.Contains(sc, s);
        s = s.Replace(sc, "");
        s = s.Replace("      - uid: 1.2.840.10008.1.2.4.70", "      - uid: 1.2.840.10008.1.2.4.90\n        name: JPEG 2000 Image Compression (Lossless Only)\n      - uid: 1.2.840.10008.1.2.4.70");
        return "# moved down by a comment and a blank line\n\n" + s;
    }

    private static IReadOnlyList<Change> Compare(TestUtil.TempDir dir, string oldYaml, string newYaml)
    {
        var a = Compilation.Check(dir.File("old.yaml", oldYaml));
        var b = Compilation.Check(dir.File("new.yaml", newYaml));
        Assert.False(a.HasErrors, string.Join("\n", a.Diagnostics.Items));
        Assert.False(b.HasErrors, string.Join("\n", b.Diagnostics.Items));
        return StatementDiff.Compare(a.Statement!, b.Statement!);
    }

    [Fact]
    public void One_sop_class_removed_and_one_transfer_syntax_added_are_exactly_two_changes()
    {
        using var dir = new TestUtil.TempDir();
        var changes = Compare(dir, Base, Edited());
        Assert.Equal(2, changes.Count);
        var removed = Assert.Single(changes, c => c.Kind == ChangeKind.Removed);
        Assert.Equal("SOP Class", removed.Category);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.7", removed.Subject);
        Assert.EndsWith("old.yaml", removed.Old!.Value.File);
        Assert.Equal(45, removed.Old!.Value.Line);
        var added = Assert.Single(changes, c => c.Kind == ChangeKind.Added);
        Assert.Equal("Transfer Syntax", added.Category);
        Assert.Contains("1.2.840.10008.1.2.4.90", added.Subject);
        Assert.Contains("set LL", added.Subject);
        Assert.EndsWith("new.yaml", added.New!.Value.File);
        Assert.Equal(25, added.New!.Value.Line);
    }

    [Fact]
    public void A_file_and_itself_have_no_change_and_exit_0()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Base);
        Assert.Empty(Compare(dir, Base, Base));
        var (code, stdout, err) = CliTests.Run("diff", f, f, "--exit-code");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("no change", err);
    }

    [Fact]
    public void Cli_reports_changes_with_locations_and_exit_code_option()
    {
        using var dir = new TestUtil.TempDir();
        var a = dir.File("v1/statement.yaml", Base);
        var b = dir.File("v2/statement.yaml", Edited());
        var (code, stdout, _) = CliTests.Run("diff", a, b);
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("(45,5): removed SOP Class \"Secondary Capture Image Storage\""));
        Assert.Contains(lines, l => l.Contains("(25,9): added Transfer Syntax"));
        Assert.Equal(1, CliTests.Run("diff", a, b, "--exit-code").Code);
    }

    [Fact]
    public void Json_and_markdown_formats()
    {
        using var dir = new TestUtil.TempDir();
        var a = dir.File("a.yaml", Base);
        var b = dir.File("b.yaml", Edited());
        var (_, json, _) = CliTests.Run("diff", a, b, "--format", "json");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("added").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("removed").GetInt32());
        Assert.Equal(45, doc.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "removed").GetProperty("oldLocation").GetProperty("line").GetInt32());
        var (_, md, _) = CliTests.Run("diff", a, b, "--format", "markdown");
        Assert.Contains("#### SOP Class", md);
        Assert.Contains("| ➖ removed | \"Secondary Capture Image Storage\" (1.2.840.10008.5.1.4.1.1.7) |", md);
    }

    [Fact]
    public void Revision_entry_is_yaml_for_revision_history()
    {
        using var dir = new TestUtil.TempDir();
        var a = dir.File("a.yaml", Base);
        var b = dir.File("b.yaml", Edited());
        var (code, entry, _) = CliTests.Run("diff", a, b, "--revision-entry", "--date", "2025-06-30");
        Assert.Equal(0, code);
        Assert.StartsWith("- revision: \"1.1\"\n  date: \"2025-06-30\"\n  product_versions: \"2.0\"\n  change: \"", entry);
        Assert.Contains("Removed SOP Class", entry);
        // The entry drops into the statement and the statement stays valid.
        var withEntry = Edited().Replace("    change: First release.\n", "    change: First release.\n" + string.Join("\n", entry.TrimEnd('\n').Split('\n').Select(l => "  " + l)) + "\n");
        var r = Compilation.CheckText("x.yaml", withEntry);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        Assert.Equal(2, r.Statement!.RevisionHistory.Count);
        Assert.Equal(2, CliTests.Run("diff", a, b, "--revision-entry", "--date", "June").Code);
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("1.0", "1.1")]
    [InlineData("7", "8")]
    [InlineData("A", "B")]
    [InlineData("Rev 2a", "Rev 3a")]
    public void Next_revision(string? last, string next) => Assert.Equal(next, DiffFormatter.NextRevision(last));

    [Fact]
    public void Roles_web_media_types_query_keys_attributes_security_and_character_sets()
    {
        using var dir = new TestUtil.TempDir();
        var other = Base
            .Replace("port: 104", "port: 11112")
            .Replace("    scu: [WORKLIST-SCU]", "    scu: [WORKLIST-SCU, STORAGE-SCU]")
            .Replace("media_types: [application/dicom]", "media_types: [application/dicom, application/dicom+json]")
            .Replace("matching_type: SINGLE_VALUE\n        - attribute_name: Sched", "matching_type: [SINGLE_VALUE, WILDCARD]\n        - attribute_name: Sched")
            .Replace("source: [MWL, USER]", "source: [MWL]")
            .Replace("      sender: true", "      sender: true\n      receiver: true")
            .Replace("ISO_IR 100", "ISO_IR 192");
        var changes = Compare(dir, Base, other);
        string[] expected =
        {
            "Application Entity STORAGE-SCU changed: port \"104\" → \"11112\"",
            "SOP Class \"Modality Worklist Information Model - FIND\" (1.2.840.10008.5.1.4.31) changed: SCU role on STORAGE-SCU added",
            "DICOMweb transaction Studies Store changed: media type application/dicom+json added",
            "Query key Patient ID (0010,0020) in services_scu_mwl_find.supported_c_find_query_parameters_for_modality_worklist_scu changed: matching type \"SINGLE_VALUE\" → \"SINGLE_VALUE; WILDCARD\"",
            "Attribute Patient's Name (0010,0010) of \"Patient\" in IOD \"CT Image\" changed: source \"MWL; USER\" → \"MWL\"",
            "Security profile \"BCP 195 RFC 8996 TLS Secure Transport Connection Profile\" changed: receiver \"N\" → \"Y\"",
            "Character set ISO_IR 100 removed",
            "Character set ISO_IR 192 added",
        };
        Assert.Equal(expected, changes.Select(c => c.Describe()));
        Assert.All(changes, c => Assert.True(c.Where.HasPosition));
    }

    [Fact]
    public void Statements_with_errors_are_not_compared()
    {
        using var dir = new TestUtil.TempDir();
        var a = dir.File("a.yaml", Base);
        var b = dir.File("b.yaml", Base.Replace("create: S", "create: X"));
        var (code, stdout, _) = CliTests.Run("diff", a, b);
        Assert.Equal(1, code);
        Assert.Contains("DCS0053", stdout);
    }
}

[Collection(WorkflowCollection.Name)]
public class DiffExampleTests
{
    private static void CopyDir(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(d.Replace(from, to));
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, f.Replace(from, to), true);
    }

    [Fact]
    public void Bundled_example_minus_a_sop_class_plus_a_transfer_syntax_is_two_changes()
    {
        using var dir = new TestUtil.TempDir();
        CopyDir(TestUtil.Repo("examples"), dir.Path);
        var original = Path.Combine(dir.Path, "ct-modality.yaml");
        var lines = File.ReadAllLines(original).ToList();

        // Remove the Secondary Capture SOP Class declaration, its mentions in activities and its IOD (implied by the removal).
        int start = lines.FindIndex(l => l == "  - uid: 1.2.840.10008.5.1.4.1.1.7");
        Assert.True(start > 0);
        int end = lines.FindIndex(start + 1, l => l.StartsWith("  - ", StringComparison.Ordinal) || (l.Length > 0 && !l.StartsWith(' ')));
        lines.RemoveRange(start, end - start);
        lines.RemoveAll(l => l.Trim() == "- 1.2.840.10008.5.1.4.1.1.7");
        Assert.Equal(1, lines.RemoveAll(l => l.Trim() == "- !include ct-modality/iods/secondary-capture-image.yaml"));
        // Add a Transfer Syntax to the first set.
        int ts = lines.FindIndex(l => l.Trim() == "transfer_syntaxes:");
        var indent = lines[ts + 1][..lines[ts + 1].IndexOf('-')];
        lines.Insert(ts + 1, indent + "- uid: 1.2.840.10008.1.2.2");
        lines.Insert(ts + 2, indent + "  name: Explicit VR Big Endian (Retired)");
        var edited = Path.Combine(dir.Path, "ct-modality-edited.yaml");
        File.WriteAllLines(edited, lines);

        var a = Dcsc.Pipeline.Compilation.Check(original);
        var b = Dcsc.Pipeline.Compilation.Check(edited);
        Assert.False(b.HasErrors, string.Join("\n", b.Diagnostics.Items));
        var changes = StatementDiff.Compare(a.Statement!, b.Statement!);
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Kind == ChangeKind.Removed && c.Category == "SOP Class" && c.Subject.Contains("1.2.840.10008.5.1.4.1.1.7"));
        Assert.Contains(changes, c => c.Kind == ChangeKind.Added && c.Category == "Transfer Syntax" && c.Subject.Contains("1.2.840.10008.1.2.2"));
        Assert.Empty(StatementDiff.Compare(a.Statement!, Dcsc.Pipeline.Compilation.Check(original).Statement!));
    }
}
