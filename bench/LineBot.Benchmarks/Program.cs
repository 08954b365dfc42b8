using BenchmarkDotNet.Running;
using LineBot.Benchmarks;

// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/LineBot.Benchmarks -- storage   (digest reads against Azurite, see StorageDigestBenchmark)
if (args is ["storage", ..])
{
    return await StorageDigestBenchmark.RunAsync();
}

// dotnet run -c Release --project bench/LineBot.Benchmarks -- webhook   (one 2,000-event body through the webhook edge, see WebhookBurstBenchmark)
if (args is ["webhook", ..])
{
    return await WebhookBurstBenchmark.RunAsync();
}

// dotnet run -c Release --project bench/LineBot.Benchmarks -- worker [events] [concurrency]   (serve's queue worker, see WorkerThroughputBenchmark)
if (args is ["worker", ..])
{
    return await WorkerThroughputBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
