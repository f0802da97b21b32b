using System.Text;
using Dcsc.Output;

namespace Dcsc.Tests.Render;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dcsc-atomic-" + Guid.NewGuid().ToString("N"));

    public AtomicFileWriterTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private string P(string name) => Path.Combine(_dir, name);

    private void AssertNoTempFiles() =>
        Assert.DoesNotContain(Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp") || f.EndsWith(".bak"));

    [Fact]
    public void Writes_all_files_and_replaces_existing_ones()
    {
        File.WriteAllText(P("a.md"), "old a");
        AtomicFileWriter.WriteAll([(P("a.md"), B("new a")), (P("sub/b.html"), B("new b"))]);
        Assert.Equal("new a", File.ReadAllText(P("a.md")));
        Assert.Equal("new b", File.ReadAllText(P("sub/b.html")));
        AssertNoTempFiles();
    }

    [Fact]
    public void A_failing_write_leaves_every_target_untouched()
    {
        File.WriteAllText(P("a.md"), "old a");
        File.WriteAllText(P("b.html"), "old b");
        int calls = 0;
        Stream Create(string path)
        {
            if (++calls == 2) return new FailingStream();
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }
        Assert.Throws<IOException>(() => AtomicFileWriter.WriteAll(
            [(P("a.md"), B("new a")), (P("b.html"), B("new b")), (P("c.docx"), B("new c"))], Create));
        Assert.Equal("old a", File.ReadAllText(P("a.md")));
        Assert.Equal("old b", File.ReadAllText(P("b.html")));
        Assert.False(File.Exists(P("c.docx")));
        AssertNoTempFiles();
    }

    [Fact]
    public void A_failing_rename_rolls_back_files_already_replaced()
    {
        File.WriteAllText(P("a.md"), "old a");
        Directory.CreateDirectory(P("c.docx")); // the last target is a directory: its rename fails
        Assert.ThrowsAny<Exception>(() => AtomicFileWriter.WriteAll(
            [(P("a.md"), B("new a")), (P("b.html"), B("new b")), (P("c.docx"), B("new c"))]));
        Assert.Equal("old a", File.ReadAllText(P("a.md")));
        Assert.False(File.Exists(P("b.html")));
        Assert.True(Directory.Exists(P("c.docx")));
        AssertNoTempFiles();
    }

    [Fact]
    public void Duplicate_targets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => AtomicFileWriter.WriteAll([(P("a.md"), B("1")), (P("./a.md"), B("2"))]));
        Assert.False(File.Exists(P("a.md")));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full (simulated)");
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full (simulated)");
    }
}
