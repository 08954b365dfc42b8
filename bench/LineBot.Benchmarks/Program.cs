using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
