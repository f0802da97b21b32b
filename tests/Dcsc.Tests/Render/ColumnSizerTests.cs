using Dcsc.Render.Docx;

namespace Dcsc.Tests.Render;

/// <summary>Issue 16: DOCX columns are sized from their content, so UIDs, tags, codes and header words do not break.</summary>
public class ColumnSizerTests
{
    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    [Fact]
    public void Every_column_holds_its_longest_token_and_widths_fill_the_table()
    {
        var header = new[] { Row("SOP Class Name", "SOP Class UID", "Transfer Syntax Set", "SCU", "SCP") };
        var body = new[]
        {
            Row("Enhanced CT Image Storage", "1.2.840.10008.5.1.4.1.1.2.1", "U; LL", "Y", "N"),
            Row("Comprehensive SR Storage", "1.2.840.10008.5.1.4.1.1.88.33", "N", "Y", "N"),
        };
        var (widths, uidBreaks) = ColumnSizer.Compute(header, body, 5, 9638);
        Assert.False(uidBreaks);
        Assert.Equal(9638, widths.Sum());
        Assert.True(widths[1] >= ColumnSizer.Width("1.2.840.10008.5.1.4.1.1.88.33", false) + 170, $"UID column {widths[1]}");
        Assert.True(widths[3] >= ColumnSizer.Width("SCU", true) + 170, $"SCU column {widths[3]}");
        Assert.True(widths[2] >= ColumnSizer.Width("Transfer", true) + 170);
        // The short-valued columns do not take the space the long names need.
        Assert.True(widths[0] > widths[3] * 3);
    }

    [Fact]
    public void Uids_may_break_at_dots_only_when_the_tokens_cannot_stand_side_by_side()
    {
        var body = Enumerable.Range(0, 8).Select(_ => Row(Enumerable.Repeat("1.2.840.10008.5.1.4.1.1.88.67", 8).ToArray())).ToArray();
        var (widths, uidBreaks) = ColumnSizer.Compute(Array.Empty<IReadOnlyList<string>>(), body, 8, 9638);
        Assert.True(uidBreaks);
        Assert.Equal(9638, widths.Sum());
        Assert.Equal("1.\u200B2.\u200B840.\u200B10008 and (0010,0010) 3.2", ColumnSizer.UidBreaks("1.2.840.10008 and (0010,0010) 3.2"));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.50", true)]
    [InlineData("(0010,0010)", true)]
    [InlineData("HELIXCT_WF", true)]
    [InlineData("SINGLE_VALUE;", true)]
    [InlineData("STORAGE-SCU", true)]
    [InlineData("Storage", false)]
    [InlineData("configuration", false)]
    public void Codes_are_recognised(string token, bool code) => Assert.Equal(code, ColumnSizer.IsCode(token));
}
