using Dcsc.Pipeline;
using Dcsc.Render.Docx;

namespace Dcsc.Tests.Render;

/// <summary>
/// Tables are written as XML text (fast); the SDK's object model is the reference. Both must give the same .docx,
/// byte for byte (docs/performance.md).
/// </summary>
public class DocxTableXmlTests
{
    public static IEnumerable<object[]> Examples() => new[]
    {
        new object[] { "examples/ct-modality.yaml" }, new object[] { "examples/image-archive.yaml" }, new object[] { "examples/web-viewer.yaml" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_tables_are_the_same_as_with_the_object_model(string example)
    {
        var result = Build.Run(TestUtil.Repo(example.Split('/')));
        Assert.NotNull(result.Markdown);
        AssertSame(result.Markdown!);
    }

    [Fact]
    public void Sample_tables_are_the_same_as_with_the_object_model() => AssertSame(Sample.Markdown);

    [Fact]
    public void Awkward_cell_content_is_the_same_as_with_the_object_model()
    {
        const string md = """
            # 1 Tables

            <!-- dcsc:table {"id":"table-1-1","groups":[{"text":"A & \"B\"","span":2},{"text":"Link","span":1},{"text":"Mixed","span":1}],"groupRows":[1,2],"landscape":false} -->
            Table 1-1 Awkward & "quoted" <cells>

            | A & B | `code` | Link | Mixed |
            | --- | --- | --- | --- |
            | a < b > c & "d" 'e' | **bold** *italic* ~~gone~~ | [Table 1-1](#table-1-1) | x\|y |
            | | `a<b>` | [bad](javascript:alert(1)) | ![image](x.png) |
            | Group row | | | |
            | &amp; &copy; | tab	here | [a very long anchor that is longer than forty characters](#a-very-long-anchor-that-is-longer-than-forty-characters) | **[bold link](#table-1-1)** |
            | ünïcödé 𝄞 | line<br>break | end | |

            <!-- dcsc:/table -->

            <!-- dcsc:table {"id":"table-1-2","landscape":true} -->
            Table 1-2 Landscape

            | X | Y |
            | --- | --- |
            | 1 | 2 |

            <!-- dcsc:/table -->

            <!-- dcsc:table {"id":"table-1-3","landscape":false} -->
            Table 1-3 External links

            | X | Y |
            | --- | --- |
            | [external](https://example.com/a?b=1&c=2) | <https://example.org> |

            <!-- dcsc:/table -->
            """;
        AssertSame(md);
    }

    private static void AssertSame(string markdown)
    {
        var fast = DocxRenderer.Render(markdown);
        var dom = DocxRenderer.Render(markdown, new DocxOptions { DomTables = true });
        if (fast.AsSpan().SequenceEqual(dom)) return;
        static string Xml(byte[] docx)
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
            using var r = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            return r.ReadToEnd();
        }
        string a = Xml(fast), b = Xml(dom);
        int i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i]) i++;
        Assert.Fail($"the .docx differs between the XML text and the object model tables at {i}:\n{a[Math.Max(0, i - 200)..Math.Min(a.Length, i + 200)]}\n----\n{b[Math.Max(0, i - 200)..Math.Min(b.Length, i + 200)]}");
    }
}
