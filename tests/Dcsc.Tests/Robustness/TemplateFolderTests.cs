using System.Diagnostics;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// A hostile <c>--templates</c> folder (a pull request can change it, symlinks included; docs/limits.md, "Templates"):
/// files that are links out of the folder, FIFOs, devices, templates that expand or write without end. Each run ends
/// within the budget with exit 1 and a DCS9002 naming the template, writes nothing, and shows no secret.
/// </summary>
[Collection(RobustnessCollection.Name)]
public class TemplateFolderTests
{
    private static string Example => File.ReadAllText(TestUtil.Repo("examples", "web-viewer.yaml"));

    private static (Sandbox Box, string Statement, string Templates) Setup()
    {
        var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        var tpl = Path.Combine(box.Project, "templates");
        Directory.CreateDirectory(tpl);
        return (box, s, tpl);
    }

    private static CliOutcome Build(Sandbox box, string statement, string templates) =>
        box.RunChecked("build", statement, "-o", box.Out, "--format", "md,html,docx", "--templates", templates);

    /// <summary>For a sandbox with a FIFO: <see cref="Sandbox.RunChecked"/> would hang reading it for its snapshot.</summary>
    private static CliOutcome BuildWithFifo(Sandbox box, string statement, string templates)
    {
        var r = Sandbox.Run("build", statement, "-o", box.Out, "--format", "md,html,docx", "--templates", templates);
        Sandbox.AssertBudget(r);
        Sandbox.AssertNoStackTrace(r);
        return r;
    }

    /// <summary>Exit 1, DCS9002 at the template, nothing written, and nothing of the secrets in any output.</summary>
    private static void AssertRefused(Sandbox box, CliOutcome r, string file, string message, bool positioned = false)
    {
        Sandbox.AssertDiagnostic(r, "DCS9002", file, positioned ? Sandbox.AnyLine : null);
        Assert.Contains(message, r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
        Assert.DoesNotContain("root:x:0", r.All);
        foreach (var secret in new[] { "PATH", "HOME" }.Select(Environment.GetEnvironmentVariable).Where(v => !string.IsNullOrEmpty(v)))
            Assert.DoesNotContain(secret!, r.All);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/proc/self/environ")]
    [InlineData("/dev/zero")]
    public void A_template_linked_out_of_the_folder_is_refused(string target)
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        var link = Path.Combine(tpl, "cover.sbn");
        File.CreateSymbolicLink(link, target);
        AssertRefused(box, Build(box, s, tpl), link, "outside the template folder");
    }

    [Fact]
    public void A_template_linked_to_a_file_of_the_project_outside_the_folder_is_refused()
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        var link = Path.Combine(tpl, "cover.sbn");
        File.CreateSymbolicLink(link, Path.Combine("..", "..", "outside", "secret.yaml"));
        var r = Build(box, s, tpl);
        AssertRefused(box, r, link, "outside the template folder");
        Assert.DoesNotContain("name: secret", r.All);
    }

    [Fact]
    public void A_template_linked_to_another_template_of_the_folder_is_read()
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        File.WriteAllText(Path.Combine(tpl, "my-na.txt"), "Not applicable here.");
        File.CreateSymbolicLink(Path.Combine(tpl, "na.sbn"), "my-na.txt");
        var r = Build(box, s, tpl);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("Not applicable here.", File.ReadAllText(Path.Combine(box.Out, "s.md")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fifo_is_refused_without_being_opened(bool throughLink)
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        var fifo = Path.Combine(tpl, throughLink ? "pipe" : "cover.sbn");
        MakeFifo(fifo);
        var file = fifo;
        if (throughLink) File.CreateSymbolicLink(file = Path.Combine(tpl, "cover.sbn"), "pipe");
        AssertRefused(box, BuildWithFifo(box, s, tpl), file, "a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public void A_folder_named_like_a_template_is_refused()
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        var dir = Path.Combine(tpl, "cover.sbn");
        Directory.CreateDirectory(dir);
        AssertRefused(box, Build(box, s, tpl), dir, "is a folder");
    }

    [Fact]
    public void A_symbolic_link_loop_is_refused()
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        File.CreateSymbolicLink(Path.Combine(tpl, "cover.sbn"), "na.sbn");
        File.CreateSymbolicLink(Path.Combine(tpl, "na.sbn"), "cover.sbn");
        var r = Build(box, s, tpl);
        Sandbox.AssertDiagnostic(r, "DCS9002", Path.Combine(tpl, "cover.sbn"), null);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void A_template_file_over_the_size_limit_is_refused()
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        var big = Path.Combine(tpl, "na.sbn");
        File.WriteAllText(big, new string('x', 1024 * 1024 + 1));
        AssertRefused(box, Build(box, s, tpl), big, "the limit is 1,048,576 bytes");
    }

    [Theory]
    [InlineData(31, "")] // the case of issue 14: stops at the depth bound or the step bound, whichever comes first
    [InlineData(24, "steps (loop iterations and includes)")] // 2^24 includes, within the depth bound
    public void Partials_each_including_the_next_twice_stop_at_a_bound(int count, string message)
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        for (int i = 0; i < count; i++) File.WriteAllText(Path.Combine(tpl, $"p{i}.sbn"), $"{{{{ include 'p{i + 1}' }}}}{{{{ include 'p{i + 1}' }}}}");
        File.WriteAllText(Path.Combine(tpl, $"p{count}.sbn"), "x");
        File.WriteAllText(Path.Combine(tpl, "heading.sbn"), "# {{ section.title }}\n{{ include 'p0' }}");
        var r = Build(box, s, tpl);
        Assert.Equal(1, r.Code);
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(tpl) + @"/p\d+\.sbn\(\d+,\d+\): error DCS9002: template p\d+\.sbn fails while rendering: .*" + System.Text.RegularExpressions.Regex.Escape(message), r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Theory]
    [InlineData("{{ for i in 1..2000000000 }}{{ '0123456789abcdef' * 16 }}{{ end }}")]
    [InlineData("{{ s = 'xxxxxxxxxxxxxxxx' }}{{ for i in 1..40 }}{{ s = s + s }}{{ end }}{{ s }}")]
    [InlineData("{{ for i in 1..1000 }}{{ \"\" | string.pad_left 100000000 }}{{ end }}")]
    public void Huge_output_stops_at_the_output_bound(string template)
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        var na = Path.Combine(tpl, "heading.sbn");
        File.WriteAllText(na, template);
        var r = Build(box, s, tpl);
        Sandbox.AssertDiagnostic(r, "DCS9002", na, Sandbox.AnyLine);
        Assert.Matches("more than [0-9,]+ characters|longer than [0-9,]+ characters|exceeds", r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void Huge_output_runs_in_bounded_memory_in_a_child_process()
    {
        var (box, s, tpl) = Setup();
        using var _ = box;
        File.WriteAllText(Path.Combine(tpl, "heading.sbn"), "{{ s = 'xxxxxxxxxxxxxxxx' }}{{ for i in 1..40 }}{{ s = s + s }}{{ end }}{{ s }}{{ s }}");
        var r = ChildProcess.Run(new[] { "build", s, "-o", box.Out, "--templates", tpl }, heapLimitBytes: 300L * 1024 * 1024);
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("error DCS9002", r.Out);
        Assert.True(r.Elapsed.TotalSeconds < 30, r.ToString()); // a child process: start-up included
    }

    private static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
