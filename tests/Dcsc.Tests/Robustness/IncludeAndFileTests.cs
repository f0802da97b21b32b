using System.Text;
using Dcsc.Output;

namespace Dcsc.Tests.Robustness;

/// <summary>Hostile <c>!include</c>s, unreadable inputs and failing outputs.</summary>
[Collection(RobustnessCollection.Name)]
public class IncludeAndFileTests
{
    private const string ProductHead = "product:\n  name: Acme\n  version: \"1.0\"\n  description: !include ";

    [Fact]
    public void Include_cycle_names_the_chain()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "parts/a.yaml\n");
        var a = box.Write("parts/a.yaml", "!include b.yaml\n");
        var b = box.Write("parts/b.yaml", "# back to a\n!include a.yaml\n");
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0010", b, 2, 1);
        Assert.Contains($"{main} -> {a} -> {b}", r.Out);
    }

    [Fact]
    public void Self_include_is_a_cycle()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", "product: !include statement.yaml\n");
        Sandbox.AssertDiagnostic(box.RunChecked("lint", main), "DCS0010", main, 1, 10);
    }

    [Fact]
    public void Missing_include_is_reported_at_the_include()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "nowhere.md\n");
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0008", main, 4, 16);
        Assert.Contains("does not exist", r.Out);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("../outside/secret.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("parts/../../outside/secret.yaml")]
    public void Include_escaping_the_project_is_refused(string target)
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + target + "\n");
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0009", main, 4, 16);
        Assert.DoesNotContain("secret", r.Out.Replace(target, ""));
        Assert.DoesNotContain("root:", r.Out);
    }

    [Fact]
    public void Include_through_a_symlink_to_outside_is_refused()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "link.md\n");
        File.CreateSymbolicLink(Path.Combine(box.Project, "link.md"), Path.Combine(box.Outside, "secret.yaml"));
        Sandbox.AssertDiagnostic(box.RunChecked("lint", main), "DCS0009", main, 4, 16);
    }

    [Fact]
    public void Include_through_a_symlinked_folder_to_outside_is_refused()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "docs/secret.yaml\n");
        Directory.CreateSymbolicLink(Path.Combine(box.Project, "docs"), box.Outside);
        Sandbox.AssertDiagnostic(box.RunChecked("lint", main), "DCS0009", main, 4, 16);
    }

    [Fact]
    public void Symlink_cycle_is_not_followed_forever()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "loop1\n");
        File.CreateSymbolicLink(Path.Combine(box.Project, "loop1"), Path.Combine(box.Project, "loop2"));
        File.CreateSymbolicLink(Path.Combine(box.Project, "loop2"), Path.Combine(box.Project, "loop1"));
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0001", main, 4, 16);
        Assert.Contains("Too many levels of symbolic links", r.Out);
    }

    [Fact]
    public void Directory_where_a_file_is_expected()
    {
        using var box = new Sandbox();
        Directory.CreateDirectory(Path.Combine(box.Project, "parts"));
        var main = box.Write("statement.yaml", ProductHead + "parts\n");
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0008", main, 4, 16);
        Assert.Contains("is a folder", r.Out);
    }

    [Fact]
    public void Binary_include_names_the_included_file()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "logo.png\n");
        var png = box.Write("logo.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D });
        Sandbox.AssertDiagnostic(box.RunChecked("lint", main), "DCS0003", png, 1);
    }

    [Fact]
    public void More_includes_than_the_limit_are_refused()
    {
        using var box = new Sandbox();
        var sb = new StringBuilder("product:\n  name: Acme\n  version: \"1.0\"\n  description: x\nx_parts:\n");
        for (int i = 0; i < 600; i++) sb.Append("  - !include part.yaml\n");
        var main = box.Write("statement.yaml", sb.ToString());
        box.Write("part.yaml", "text\n");
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0008", main, 506); // the 501st include
        Assert.Contains("more than 500 files", r.Out);
    }

    [Fact]
    public void Nesting_through_a_chain_of_includes_is_limited_for_the_whole_statement()
    {
        // 100 files each nesting 30 levels and including the next: 3,000 levels with only 3,000 values.
        using var box = new Sandbox();
        for (int i = 0; i < 100; i++)
        {
            var sb = new StringBuilder();
            for (int d = 0; d < 30; d++) sb.Append(' ', 2 * d).Append("k:").Append(d == 29 ? $" !include f{i + 1}.yaml" : "").Append('\n');
            box.Write($"f{i}.yaml", sb.ToString());
        }
        box.Write("f100.yaml", "x\n");
        var r = box.RunChecked("lint", Path.Combine(box.Project, "f0.yaml"));
        Sandbox.AssertDiagnostic(r, "DCS0005", Path.Combine(box.Project, "f2.yaml"), 5, 9);
        Assert.Contains("counting the 60 levels of the files that include this one", r.Out);
    }

    [Fact]
    public void Included_files_together_above_the_total_limit_are_refused()
    {
        // Five 1.5 MB files (comments: bytes, not text): each is under the per-file limit, three pass the 4 MiB total.
        using var box = new Sandbox();
        var sb = new StringBuilder("product:\n  name: Acme\n  version: \"1.0\"\n  description: x\nx_parts:\n");
        for (int i = 0; i < 5; i++)
        {
            sb.Append($"  - !include big{i}.md\n");
            box.Write($"big{i}.md", "# " + new string('x', 1536 * 1024) + "\nx\n");
        }
        var main = box.Write("statement.yaml", sb.ToString());
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0006", main, 8, 5);
        Assert.Contains("included files are more than 4,194,304 bytes together", r.Out);
    }

    [Fact]
    public void Aliases_repeating_a_long_text_are_limited_by_the_expanded_text_limit()
    {
        // One 100 KB value repeated 100 times is 10 MB of text for the renderers: refused at the 20th use.
        using var box = new Sandbox();
        var sb = new StringBuilder("product:\n  name: Acme\n  version: \"1.0\"\n  description: &d \"" + new string('x', 100 * 1024) + "\"\nx_parts:\n");
        for (int i = 0; i < 100; i++) sb.Append("  - *d\n");
        var main = box.Write("statement.yaml", sb.ToString());
        var r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0004", main, 5 + 20, 5);
        Assert.Contains("more than 2,097,152 characters", r.Out);
    }

    // ---------------------------------------------------------------- input files and folders

    [Fact]
    public void Nonexistent_input()
    {
        using var box = new Sandbox();
        var missing = Path.Combine(box.Project, "nope.yaml");
        var r = box.RunChecked("lint", missing);
        Sandbox.AssertDiagnostic(r, "DCS0001", missing, null);
        Assert.Contains("does not exist", r.Out);
    }

    [Fact]
    public void Input_that_is_a_folder()
    {
        using var box = new Sandbox();
        var r = box.RunChecked("lint", box.Project);
        Sandbox.AssertDiagnostic(r, "DCS0001", box.Project, null);
        Assert.Contains("is a folder", r.Out);
    }

    [Fact]
    public void Unreadable_input()
    {
        using var box = new Sandbox();
        var file = box.Write("statement.yaml", Minimal.Yaml);
        File.SetUnixFileMode(file, UnixFileMode.None);
        bool canStillRead;
        try { File.ReadAllBytes(file); canStillRead = true; }
        catch (UnauthorizedAccessException) { canStillRead = false; }

        var r = box.RunChecked("lint", file);
        if (canStillRead)
        {
            // Running as root (as in CI containers): mode 000 does not stop reads, so the file is linted normally.
            Assert.Equal(0, Environment.UserName == "root" ? 0 : -1);
            Assert.True(r.Code == 0, r.ToString());
        }
        else
        {
            Sandbox.AssertDiagnostic(r, "DCS0001", file, null);
            Assert.Contains("cannot read", r.Out);
        }
    }

    [Fact]
    public void Unreadable_include()
    {
        using var box = new Sandbox();
        var main = box.Write("statement.yaml", ProductHead + "secret.md\n");
        var part = box.Write("secret.md", "text\n");
        File.SetUnixFileMode(part, UnixFileMode.None);
        bool canStillRead;
        try { File.ReadAllBytes(part); canStillRead = true; }
        catch (UnauthorizedAccessException) { canStillRead = false; }
        var r = box.RunChecked("lint", main);
        if (canStillRead) Assert.True(r.Code == 0, r.ToString()); // root: mode 000 does not stop reads; the include is read
        else Sandbox.AssertDiagnostic(r, "DCS0001", main, 4, 16);
    }

    // ---------------------------------------------------------------- outputs (AtomicFileWriter)

    private static (string Path, byte[] Content)[] Outputs(string dir, string text) => new[]
    {
        (Path.Combine(dir, "statement.md"), Encoding.UTF8.GetBytes("md " + text)),
        (Path.Combine(dir, "statement.html"), Encoding.UTF8.GetBytes("html " + text)),
        (Path.Combine(dir, "statement.docx"), Encoding.UTF8.GetBytes("docx " + text)),
    };

    private sealed class Disk { public long Free; }

    /// <summary>A stream that writes until the simulated disk has no free bytes left, then fails like a full disk.</summary>
    private sealed class FullDiskStream(string path, Disk disk) : Stream
    {
        private readonly FileStream _inner = new(path, FileMode.CreateNew, FileAccess.Write);
        private long _written;
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Min(buffer.Length, Math.Max(0, disk.Free));
            _inner.Write(buffer[..room]);
            _written += room;
            disk.Free -= room;
            if (room < buffer.Length) throw new IOException("No space left on device");
        }
        public override void Flush() => _inner.Flush();
        protected override void Dispose(bool disposing) { if (disposing) _inner.Dispose(); base.Dispose(disposing); }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(20)]
    public void Disk_full_during_write_keeps_the_previous_outputs_and_leaves_no_temporary_file(long capacity)
    {
        using var box = new Sandbox();
        AtomicFileWriter.WriteAll(Outputs(box.Out, "v1"));
        var before = box.Snapshot();
        var disk = new Disk { Free = capacity }; // shared by the files: the disk fills up in the first, second or third
        var e = Assert.Throws<IOException>(() => AtomicFileWriter.WriteAll(Outputs(box.Out, "version two"), p => new FullDiskStream(p, disk)));
        Assert.Contains("No space left", e.Message);
        Assert.Equal(before, box.Snapshot());
    }

    [Fact]
    public void Output_folder_that_is_a_file_is_an_io_error_and_nothing_is_written()
    {
        using var box = new Sandbox();
        var notADir = box.Write("out-file", "I am a file\n");
        var before = box.Snapshot();
        Assert.ThrowsAny<IOException>(() => AtomicFileWriter.WriteAll(Outputs(Path.Combine(notADir, "sub"), "v1")));
        Assert.ThrowsAny<IOException>(() => AtomicFileWriter.WriteAll(Outputs(notADir, "v1")));
        Assert.Equal(before, box.Snapshot());
    }

    [Fact]
    public void Output_folder_that_cannot_be_written()
    {
        using var box = new Sandbox();
        AtomicFileWriter.WriteAll(Outputs(box.Out, "v1"));
        File.SetUnixFileMode(box.Out, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        bool writable;
        try { File.WriteAllText(Path.Combine(box.Out, ".probe"), ""); File.Delete(Path.Combine(box.Out, ".probe")); writable = true; }
        catch (UnauthorizedAccessException) { writable = false; }
        var before = box.Snapshot();
        if (writable)
        {
            // Root ignores the mode: the write succeeds, completely.
            AtomicFileWriter.WriteAll(Outputs(box.Out, "v2"));
            Assert.Equal("md v2", File.ReadAllText(Path.Combine(box.Out, "statement.md")));
        }
        else
        {
            Assert.ThrowsAny<Exception>(() => AtomicFileWriter.WriteAll(Outputs(box.Out, "v2")));
            Assert.Equal(before, box.Snapshot());
        }
    }
}
