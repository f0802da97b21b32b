using Dcsc.Source;

namespace Dcsc.Tests.Source;

public class YesNoTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("yes", null)] // YAML 1.1 booleans are strings in YAML 1.2
    [InlineData("Y", null)]
    [InlineData("tRUE", null)]
    [InlineData("", null)]
    public void Yaml_booleans_are_those_of_the_core_schema(string text, bool? expected) =>
        Assert.Equal(expected, YesNo.YamlBoolean(text));

    [Theory]
    [InlineData("Y", true)]
    [InlineData("N", false)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("y", null)]
    [InlineData("yes", null)]
    public void A_field_also_takes_the_PS32_Y_and_N(string text, bool? expected) =>
        Assert.Equal(expected, YesNo.Field(text));

    [Theory]
    [InlineData("yes", true)]
    [InlineData(" Yes ", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("", false)]
    [InlineData("yes, when configured", false)]
    public void An_answer_means_yes_only_when_it_says_so(string text, bool expected) =>
        Assert.Equal(expected, YesNo.IsYesAnswer(text));

    [Theory]
    [InlineData("true", "Y")]
    [InlineData("False", "N")]
    [InlineData("optional", "optional")]
    [InlineData("Y", "Y")]
    public void Cells_print_booleans_as_Y_and_N(string text, string expected) =>
        Assert.Equal(expected, YesNo.AsCell(text));
}
