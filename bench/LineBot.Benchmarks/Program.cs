using BenchmarkDotNet.Running;
using LineBot.Benchmarks;

// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/LineBot.Benchmarks -- digest-history pure|storage [rounds] [weeks]
//   (the digest with 1 and 52 older weeks, alternating, see DigestHistoryBenchmark; `storage` = digest-history storage)
// dotnet run -c Release --project bench/LineBot.Benchmarks -- parser-max   (slowest single parse over the corpus)
if (args is ["digest-history", ..])
{
    return await DigestHistoryBenchmark.RunAsync(args);
}

if (args is ["storage", ..])
{
    return await DigestHistoryBenchmark.RunAsync(["digest-history", "storage", .. args[1..]]);
}

// dotnet run -c Release --project bench/LineBot.Benchmarks -- webhook   (one 2,000-event body through the webhook edge, see WebhookBurstBenchmark)
if (args is ["webhook", ..])
{
    return await WebhookBurstBenchmark.RunAsync();
}

if (args is ["parser-max", ..])
{
    return ParserCorpus.PrintWorstCase();
}

// dotnet run -c Release --project bench/LineBot.Benchmarks -- worker [events] [concurrency]   (serve's queue worker, see WorkerThroughputBenchmark)
if (args is ["worker", ..])
{
    return await WorkerThroughputBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
