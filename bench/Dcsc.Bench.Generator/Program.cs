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
File.WriteAllText(output, yaml, new System.Text.UTF8Encoding(false));
Console.Error.WriteLine($"wrote {output}: scale {scale}, {yaml.Length / 1024} KiB, {yaml.Count(c => c == '\n')} lines");
return 0;
