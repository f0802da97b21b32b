using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Cli;

/// <summary><c>dcsc explain statement path</c>: where a value of a (merged) statement comes from (docs/families.md).</summary>
public static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("statement") { Description = "The statement (it may `extends:` a base)." };
        var path = new Argument<string>("path")
        {
            Description = "The value to explain: keys separated by dots, [n] for a list position or [identity] for an item, " +
                          "e.g. product.name, application_entities[STORE-SCP].ae_title, sop_classes[1.2.840.10008.5.1.4.1.1.2].scp",
        };
        var cmd = new Command("explain",
            "Say where a value of the merged statement comes from: the file, line and column that set it, and the\n" +
            "`extends:` chain that brought a base file in. Exit codes: 0 found, 1 errors in the statement or no such value,\n" +
            "2 usage error.")
        { file, path };
        cmd.SetAction(p =>
        {
            var bag = new DiagnosticBag();
            var source = StatementFamily.Load(p.GetValue(file)!, null, bag, null);
            if (bag.HasErrors || source is null)
            {
                stderr.Write(DiagnosticFormatter.Text(bag.Sorted()));
                return CommandLine.InputErrors;
            }
            var (node, problem) = StatementFamily.Find(source.Root, p.GetValue(path)!);
            if (node is null)
            {
                stderr.WriteLine($"dcsc: {p.GetValue(path)}: {problem}");
                return CommandLine.InputErrors;
            }
            stdout.WriteLine($"{p.GetValue(path)} = {Describe(node)}");
            stdout.WriteLine($"  set at {node.Span}");
            for (var at = node.Span.File; source.Bases.TryGetValue(at, out var via); at = via.File)
                stdout.WriteLine($"  reached through `extends:` at {via}");
            return CommandLine.Ok;
        });
        return cmd;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar s => UntrustedText.ForLog(s.Value.Length > 120 ? s.Value[..120] + "…" : s.Value),
        YamlSequence q => $"a list of {q.Items.Count}",
        YamlMapping m => $"a mapping ({string.Join(", ", m.Entries.Take(6).Select(e => e.Key.Value))}{(m.Entries.Count > 6 ? ", …" : "")})",
        _ => node.KindName,
    };
}
