using Dcsc.Render;

namespace Dcsc.Tests.Render;

public class BracketWorkTests
{
    [Fact]
    public void A_long_list_of_links_is_not_one_paragraph()
    {
        // The table of contents of a large statement (bench/, scale 4): thousands of one-link list items.
        var toc = string.Concat(Enumerable.Range(0, 6000).Select(i => $"{new string(' ', 2 * (i % 4))}- [{i}.1 A section title of some length](#sect-{i}-1)\n"));
        DcscDocument.CheckBracketWork(toc);
        var numbered = string.Concat(Enumerable.Range(0, 6000).Select(i => $"{i + 1}. [{i}.1 A section title of some length](#sect-{i}-1)\n"));
        DcscDocument.CheckBracketWork(numbered);
    }

    [Fact]
    public void One_long_paragraph_of_brackets_is_still_refused()
    {
        var paragraph = string.Concat(Enumerable.Repeat("[x](", 20000)) + "\n";
        Assert.Throws<FormatException>(() => DcscDocument.CheckBracketWork(paragraph));
    }
}
