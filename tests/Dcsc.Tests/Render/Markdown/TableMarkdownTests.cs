using Dcsc.Layout;
using Dcsc.Pipeline;
using Dcsc.Render.Md;

namespace Dcsc.Tests.Render;

/// <summary>
/// With the built-in templates, tables are written directly instead of through table.sbn and inlines.sbn
/// (docs/performance.md). Both must give the same Markdown.
/// </summary>
public class TableMarkdownTests
{
    public static IEnumerable<object[]> Examples() => new[]
    {
        new object[] { "examples/ct-modality.yaml" }, new object[] { "examples/image-archive.yaml" }, new object[] { "examples/web-viewer.yaml" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Tables_are_what_the_templates_give(string example)
    {
        var check = Compilation.Check(TestUtil.Repo(example.Split('/')));
        Assert.NotNull(check.Statement);
        var document = StatementLayout.Layout(check.Statement!);
        var direct = MarkdownRenderer.Render(document, null, null, templateTables: false);
        var templated = MarkdownRenderer.Render(document, null, null, templateTables: true);
        Assert.True(direct.Success && templated.Success);
        Assert.Equal(templated.Markdown, direct.Markdown);
    }

    [Fact]
    public void Awkward_cells_are_what_the_templates_give()
    {
        var yaml = Minimal.Yaml + """

            sections:
              config_general_config_parameters:
                tables:
                  general_configuration_parameters:
                    - { parameter: "a | b * c _d_ [e] `f` <g> ~h~ \\ i", configurable: USER, default_value: "# heading?", comments: "1. list? - item" }
                    - { parameter: "- starts a list", configurable: SERVICE, default_value: "> quote", comments: "" }
                    - { parameter: "line\nbreak", configurable: FIXED, default_value: "+ plus" }
            """;
        var check = Compilation.CheckText("s.yaml", yaml);
        Assert.NotNull(check.Statement);
        var document = StatementLayout.Layout(check.Statement!);
        var direct = MarkdownRenderer.Render(document, null, null, templateTables: false);
        var templated = MarkdownRenderer.Render(document, null, null, templateTables: true);
        Assert.Contains("a \\| b", direct.Markdown);
        Assert.Equal(templated.Markdown, direct.Markdown);
    }
}
