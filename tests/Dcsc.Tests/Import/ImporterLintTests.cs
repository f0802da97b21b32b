using System.Text;
using Dcsc.Import;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Import;

/// <summary>
/// Statements dcsc did not write whose import must lint without errors the importer caused (issue #17): query-key
/// tables that stay rows of the template table (StatementAssembler.Recognizers.cs, QueryKeys) and added sections that
/// hold only tables (StatementAssembler.cs, AddedSection).
/// </summary>
public class ImporterLintTests
{
    private const string Head = "# Acme Box 1.0 - DICOM Conformance Statement\n\n## 1 Overview\n\nAcme Box answers worklist queries.\n\n"
        + "| SOP Class | UID | SCU | SCP |\n| --- | --- | --- | --- |\n| Modality Worklist Information Model - FIND | 1.2.840.10008.5.1.4.31 | No | Yes |\n\n"
        + "## 2 Table of Contents\n\n## 3 Introduction\n\nAbout this document.\n\n";

    private static (string Yaml, CheckResult Check) ImportAndCheck(string md)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "box.md");
        File.WriteAllText(file, md);
        var result = Importer.Import(file);
        var statementFile = ImportedProject.Write(result, Path.Combine(dir.Path, "project"));
        var check = Compilation.Check(statementFile, options: CheckOptions.ModelOnly);
        return (Encoding.UTF8.GetString(result.Files.Single(f => f.Path == result.StatementFile).Content), check);
    }

    private static string KeyTable(string caption, string first, string second) =>
        $"Table {caption}\n\n| Attribute Name | Tag | Matching | Return |\n| --- | --- | --- | --- |\n"
        + $"| {first} | (0040,0001) | Single value, phonetic | Y |\n| {second} | (0010,0020) | Universal | N |\n\n";

    [Fact]
    public void Query_key_tables_kept_as_template_rows_use_only_its_columns_and_all_survive()
    {
        var md = Head + "## 5 Networking\n\n### 5.2 AE Specifications\n\n#### 5.2.1 Worklist AE\n\n"
            + "##### 5.2.1.2 SCP of the Modality Worklist Information Model - FIND SOP Class\n\n"
            + KeyTable("5.2-1: Worklist keys", "Scheduled Station AE Title", "Patient ID")
            + KeyTable("5.2-2: More worklist keys", "Scheduled Procedure Step Start Date", "Patient Name");
        var (yaml, check) = ImportAndCheck(md);
        Assert.False(check.HasErrors, yaml + "\n" + string.Join("\n", check.Diagnostics.Items));
        foreach (var name in new[] { "Scheduled Station AE Title", "Patient ID", "Scheduled Procedure Step Start Date", "Patient Name" })
            Assert.Contains(name, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_query_key_table_of_the_service_adds_its_rows_to_the_first()
    {
        // Key tables with group rows ("Patient", full width) are no key_tables; they stay rows of the template table.
        static string Keys(string caption, string name, string tag, string matching) =>
            $"Table {caption}\n\n| Attribute Name | Tag | Matching |\n| --- | --- | --- |\n| Keys | | |\n| {name} | {tag} | {matching} |\n\n";
        var md = Head
            + "## 5 Networking\n\n### 5.2 AE Specifications\n\n#### 5.2.1 Worklist AE\n\n"
            + "##### 5.2.1.2 SCP of the Modality Worklist Information Model - FIND SOP Class\n\n"
            + Keys("5.2-1: Patient keys", "Patient ID", "(0010,0020)", "Single value")
            + Keys("5.2-2: Procedure keys", "Scheduled Station AE Title", "(0040,0001)", "Single value, wildcard");
        var (yaml, check) = ImportAndCheck(md);
        Assert.False(check.HasErrors, yaml + "\n" + string.Join("\n", check.Diagnostics.Items));
        Assert.Contains("supported_c_find_return_keys_for_modality_worklist_scp:", yaml, StringComparison.Ordinal);
        Assert.Contains("{ group: Keys, attribute_name: Patient ID, tag: \"(0010,0020)\", matching_type: SINGLE_VALUE }", yaml, StringComparison.Ordinal);
        Assert.Contains("{ group: Keys, attribute_name: Scheduled Station AE Title, tag: \"(0040,0001)\", matching_type: [SINGLE_VALUE, WILDCARD] }", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_section_of_only_tables_gets_an_empty_text_and_keeps_them()
    {
        var md = Head + "## 4 Networking\n\n### 4.9 Acme Tuning\n\nTable 4.9-1: Acme tuning values\n\n"
            + "| Setting | Value |\n| --- | --- |\n| Cache | 2 GB |\n| Threads | 4 |\n\n";
        var (yaml, check) = ImportAndCheck(md);
        Assert.False(check.HasErrors, yaml + "\n" + string.Join("\n", check.Diagnostics.Items));
        Assert.Contains("Acme Tuning", yaml, StringComparison.Ordinal);
        Assert.Contains("Threads", yaml, StringComparison.Ordinal);
        Assert.Contains("- title: Acme Tuning\n        text: \"\"\n        tables:", yaml, StringComparison.Ordinal);
    }
}
