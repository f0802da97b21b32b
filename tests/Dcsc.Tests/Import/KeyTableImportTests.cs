using System.Text;
using Dcsc.Import;

namespace Dcsc.Tests.Import;

/// <summary>
/// Query-key tables of documents dcsc did not write (StatementAssembler.Details.cs, VendorKeyTable): the vendor's
/// matching words become PS3.4 C.2.2.2 matching types of a key table of the service and role; a table with a word
/// that is no matching type is kept as the source wrote it.
/// </summary>
public class KeyTableImportTests
{
    private static string Imported(string matching)
    {
        var md = "# Acme Box 1.0 - DICOM Conformance Statement\n\n## 1 Overview\n\nAcme Box stores images.\n\n"
            + "| SOP Class | UID | SCU | SCP |\n| --- | --- | --- | --- |\n| Modality Worklist Information Model - FIND | 1.2.840.10008.5.1.4.31 | Yes | No |\n\n"
            + "## 2 Table of Contents\n\n## 3 Introduction\n\n## 4 Networking\n\n### 4.1 Worklist Query\n\n"
            + "| Attribute Name | Tag | Matching | Return |\n| --- | --- | --- | --- |\n"
            + $"| Scheduled Station AE Title | (0040,0001) | {matching} | Y |\n| Patient ID | (0010,0020) | Universal | Y |\n";
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "box.md");
        File.WriteAllText(file, md);
        var result = Importer.Import(file);
        return Encoding.UTF8.GetString(result.Files.Single(f => f.Path == result.StatementFile).Content);
    }

    [Fact]
    public void Vendor_matching_words_become_a_worklist_key_table()
    {
        var yaml = Imported("Single value, wildcard");
        Assert.Contains("  worklist:\n    # source: box.md:", yaml, StringComparison.Ordinal);
        Assert.Contains("{ name: Scheduled Station AE Title, tag: \"(0040,0001)\", return_key: true, matching_type: [SINGLE_VALUE, WILDCARD] }", yaml, StringComparison.Ordinal);
        Assert.Contains("{ name: Patient ID, tag: \"(0010,0020)\", return_key: true, matching_type: UNIVERSAL }", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_that_is_no_matching_type_keeps_the_table_as_written()
    {
        var yaml = Imported("Single value, phonetic");
        Assert.DoesNotContain("key_tables", yaml, StringComparison.Ordinal);
        Assert.Contains("Single value, phonetic", yaml, StringComparison.Ordinal);
    }
}
