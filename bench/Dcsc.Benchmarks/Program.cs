using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Dcsc.Benchmarks -- --filter '*'        (all stages, scale 1)
// DCSC_BENCH_SCALES="1 4" dotnet run -c Release --project bench/Dcsc.Benchmarks -- --filter '*Markdown*'
BenchmarkSwitcher.FromAssembly(typeof(Dcsc.Benchmarks.StageBenchmarks).Assembly).Run(args);
