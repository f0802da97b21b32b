using Dcsc.Pipeline;

namespace Dcsc.Tests.Rules;

public class WorklistPriorityTests
{
    // Minimal.Yaml already has a `dimse:` mapping; the worklist SCP goes into it.
    private const string MwlScp = "  worklist:\n    scp:\n      description: Answers worklist queries from the modalities.\n";

    private static string Statement(string extra) => Minimal.Yaml.Replace("sop_classes:\n", """
        sop_classes:
          - uid: 1.2.840.10008.5.1.4.31
            name: Modality Worklist Information Model - FIND
            scp: [STORAGE-SCU]
            transfer_syntax_sets: [U]

        """.Replace("\n\n", "\n"), StringComparison.Ordinal).Replace("dimse:\n", "dimse:\n" + MwlScp + extra, StringComparison.Ordinal);

    [Fact]
    public void Worklist_SCP_without_priority_is_DCS1006_and_the_field_satisfies_it()
    {
        var without = Compilation.LintText("s.yaml", Statement(""));
        Assert.Contains(without.Diagnostics.Items, d => d.Id == "DCS1006" && d.Message.Contains("dimse.worklist.scp.priority"));
        var with = Compilation.LintText("s.yaml", Statement("      priority: Ignored; all queries are answered in arrival order.\n"));
        Assert.DoesNotContain(with.Diagnostics.Items, d => d.Id == "DCS1006");
        Assert.DoesNotContain(with.Diagnostics.Items, d => d.Severity == Dcsc.Diagnostics.Severity.Error && d.Id.StartsWith("DCS00", StringComparison.Ordinal));
    }
}
