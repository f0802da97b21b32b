using Dcsc.Bench;

// dotnet run -c Release --project bench/Dcsc.Bench.Generator -- --scale 1 -o bench/out/large.yaml
int scale = 1;
string? output = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale" when i + 1 < args.Length: scale = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "-o" or "--output" when i + 1 < args.Length: output = args[++i]; break;
        case "-h" or "--help":
            Console.WriteLine("usage: Dcsc.Bench.Generator [--scale N] [-o FILE]   (writes to standard output without -o)");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; see --help");
            return 2;
    }
}
var yaml = LargeStatement.Generate(scale);
if (output is null) { Console.Out.Write(yaml); return 0; }
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
// Each IOD in a file of its own, pulled in with !include, as large statements are written (examples/ct-modality):
// a statement file may not exceed 2 MiB (docs/limits.md), and ×2 is larger than that in one file.
var (main, includes) = LargeStatement.SplitIods(yaml, Path.GetFileNameWithoutExtension(output) + "-iods");
var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + "-iods");
if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
Directory.CreateDirectory(folder);
foreach (var (name, text) in includes) File.WriteAllText(Path.Combine(folder, name), text, new System.Text.UTF8Encoding(false));
File.WriteAllText(output, main, new System.Text.UTF8Encoding(false));
Console.Error.WriteLine($"wrote {output} and {includes.Count} IOD files: scale {scale}, {yaml.Length / 1024} KiB, {yaml.Count(c => c == '\n')} lines in all");
return 0;
