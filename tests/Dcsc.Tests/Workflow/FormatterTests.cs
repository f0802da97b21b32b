using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class FormatterTests
{
    private static Diagnostic D(string msg, Severity sev = Severity.Error, string file = "/repo/dir/s.yaml") =>
        new("DCS0053", sev, msg, new SourceSpan(file, 12, 7, 12, 10));

    [Fact]
    public void Github_writes_workflow_commands_with_positions_and_title()
    {
        var text = GitHubFormatter.Format(new[] { D("bad value"), D("careful", Severity.Warning), D("fyi", Severity.Info) }, new ArtifactPaths("/repo"));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("::error file=dir/s.yaml,line=12,col=7,endLine=12,endColumn=10,title=DCS0053::bad value", lines[0]);
        Assert.StartsWith("::warning file=dir/s.yaml,", lines[1]);
        Assert.StartsWith("::notice file=dir/s.yaml,", lines[2]);
    }

    [Fact]
    public void Github_escapes_data_and_properties()
    {
        var text = GitHubFormatter.Format(new[] { D("100% sure\r\nnext: line", file: "/repo/a,b:c.yaml") }, new ArtifactPaths("/repo"));
        Assert.Equal("::error file=a%2Cb%3Ac.yaml,line=12,col=7,endLine=12,endColumn=10,title=DCS0053::100%25 sure%0D%0Anext: line\n", text);
    }

    [Fact]
    public void Github_omits_positions_when_unknown()
    {
        var d = new Diagnostic("DCS0001", Severity.Error, "cannot read", SourceSpan.None("/repo/s.yaml"));
        Assert.Equal("::error file=s.yaml,title=DCS0001::cannot read\n", GitHubFormatter.Format(new[] { d }, new ArtifactPaths("/repo")));
    }

    [Fact]
    public void Markdown_has_counts_and_a_linked_escaped_table()
    {
        var md = MarkdownFormatter.Format(new[] { D("a | b <x>"), D("w", Severity.Warning) }, new ArtifactPaths("/repo"), files: 1);
        Assert.Contains("**1 error(s), 1 warning(s)** in 1 file(s).", md);
        Assert.Contains("| Location | Severity | Rule | Message |", md);
        Assert.Contains("| `dir/s.yaml:12:7` | error | [DCS0053](https://github.com/dcsc-project/dcsc/blob/main/docs/rules/DCS0053.md) | a \\| b \\<x\\> |", md);
        // Every table row has exactly 5 unescaped pipes.
        foreach (var row in md.Split('\n').Where(l => l.StartsWith("| `")))
            Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count);
    }

    [Fact]
    public void Markdown_without_findings_says_so()
    {
        var md = MarkdownFormatter.Format(Array.Empty<Diagnostic>(), new ArtifactPaths("/repo"), files: 2, suppressed: 3);
        Assert.Contains("No problems found in 2 file(s).", md);
        Assert.Contains("3 known finding(s) suppressed by the baseline", md);
        Assert.DoesNotContain("| Location", md);
    }

    [Fact]
    public void Markdown_cuts_long_tables()
    {
        var many = Enumerable.Range(0, MarkdownFormatter.MaxRows + 5).Select(i => D("m" + i)).ToList();
        var md = MarkdownFormatter.Format(many, new ArtifactPaths("/repo"), 1);
        Assert.Contains("… and 5 more", md);
    }

    [Fact]
    public void Artifact_paths_are_relative_with_forward_slashes()
    {
        var p = new ArtifactPaths("/repo");
        Assert.Equal("a/b.yaml", p.Relative("/repo/a/b.yaml"));
        Assert.Null(p.Relative("/other/b.yaml"));
        Assert.Equal("/other/b.yaml", p.Display("/other/b.yaml"));
    }
}
