using System.Globalization;
using System.Text;

namespace Dcsc.Import;

/// <summary>Where one piece of the source went.</summary>
public enum Destination { Structured, Narrative, AuthorTable, AddedSection, Boilerplate, Derived, Skipped }

public sealed record ReportEntry(int Line, string Source, Destination Destination, string Target);

/// <summary>What the import did with every section and table of the source, what contradicted itself, and the coverage figures.</summary>
public sealed class ImportReport
{
    public List<ReportEntry> Sections { get; } = new();
    public List<ReportEntry> Tables { get; } = new();
    public List<(int Line, string Message)> Contradictions { get; } = new();
    public List<(int Line, string Message)> Notes { get; } = new();
    public int SopClassesFound { get; set; }
    public int SopClassesWithRoles { get; set; }

    public int TablesStructured => Tables.Count(t => t.Destination is Destination.Structured or Destination.Derived);
    public int TablesAuthor => Tables.Count(t => t.Destination == Destination.AuthorTable);

    public string Markdown(SourceDocument doc, string yamlName)
    {
        var sb = new StringBuilder();
        string Pct(int a, int b) => b == 0 ? "–" : $"{100.0 * a / b:0.#}%";
        string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
        sb.Append("# Import report: ").Append(Path.GetFileName(doc.Path)).Append("\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"`dcsc import` read {Path.GetFileName(doc.Path)} ({doc.Format}) and wrote `{yamlName}`. Each line of the YAML that came from the source ")
          .Append("carries a `# source: file:line` comment (paragraph number for .docx).\n\n");
        sb.Append("## Coverage\n\n| measure | value |\n| --- | --- |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| sections | {Sections.Count} ({Sections.Count(s => s.Destination != Destination.AddedSection)} mapped to the PS3.2 template, {Sections.Count(s => s.Destination == Destination.AddedSection)} added) |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| tables | {Tables.Count} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| tables that became structured data | {TablesStructured} ({Pct(TablesStructured, Tables.Count)}) |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| tables kept as author tables | {TablesAuthor} ({Pct(TablesAuthor, Tables.Count)}) |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| tables structured or author tables | {Pct(TablesStructured + TablesAuthor, Tables.Count)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| SOP Classes found | {SopClassesFound} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| SOP Classes with their roles | {SopClassesWithRoles} ({Pct(SopClassesWithRoles, SopClassesFound)}) |\n\n");
        sb.Append("## Contradictions in the source\n\n");
        if (Contradictions.Count == 0) sb.Append("None found.\n\n");
        else { foreach (var (l, m) in Contradictions) sb.Append(CultureInfo.InvariantCulture, $"- line {l}: {m}\n"); sb.Append('\n'); }
        if (Notes.Count > 0)
        {
            sb.Append("## To finish by hand\n\n");
            foreach (var (l, m) in Notes) sb.Append(l > 0 ? $"- line {l}: {m}\n" : $"- {m}\n");
            sb.Append('\n');
        }
        sb.Append("## Sections\n\n| line | source section | went to | where |\n| --- | --- | --- | --- |\n");
        foreach (var e in Sections) sb.Append(CultureInfo.InvariantCulture, $"| {e.Line} | {Cell(e.Source)} | {Label(e.Destination)} | {Cell(e.Target)} |\n");
        sb.Append("\n## Tables\n\n| line | source table | went to | where |\n| --- | --- | --- | --- |\n");
        foreach (var e in Tables) sb.Append(CultureInfo.InvariantCulture, $"| {e.Line} | {Cell(e.Source)} | {Label(e.Destination)} | {Cell(e.Target)} |\n");
        return sb.ToString();
    }

    private static string Label(Destination d) => d switch
    {
        Destination.Structured => "structured",
        Destination.Narrative => "narrative",
        Destination.AuthorTable => "author table",
        Destination.AddedSection => "added section",
        Destination.Boilerplate => "template text",
        Destination.Derived => "derived (rebuilt from declarations)",
        _ => "skipped",
    };
}
