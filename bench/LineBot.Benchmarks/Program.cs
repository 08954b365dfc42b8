using BenchmarkDotNet.Running;
using LineBot.Benchmarks;

// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/LineBot.Benchmarks -- storage   (digest reads against Azurite, see StorageDigestBenchmark)
if (args is ["storage", ..])
{
    return await StorageDigestBenchmark.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
