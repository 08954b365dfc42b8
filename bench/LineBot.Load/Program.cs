using LineBot.Load;
using LineBot.Load.Scenarios;

// dotnet run -c Release --project bench/LineBot.Load -- <scenario: load | compare | ceiling | worker | faults …> [--rate N --seconds N --seed N --rounds N --concurrency N --phase-seconds N --dll PATH --no-ramp --no-worker --single-azurite --set Key=Value]
// Needs `npm ci` (Azurite, the peer's packages) and `dotnet build cli/LineBot.Cli -c Release` first.
// Every server it talks to is one it started itself, on 127.0.0.1.
var options = Options.Parse(args);
return args switch
{
    ["load", ..] => await LoadScenario.RunAsync(options),
    ["compare", ..] => await CompareScenario.RunAsync(options),
    ["ceiling", ..] => await CeilingScenario.RunAsync(options),
    ["worker", ..] => await WorkerScenario.RunAsync(options),
    ["faults", "storage", ..] => await FaultScenarios.StorageOutageAsync(options),
    ["faults", "kill", ..] => await FaultScenarios.KillAsync(options),
    ["faults", "line", ..] => await FaultScenarios.LineFailuresAsync(options),
    ["faults", "quota", ..] => await FaultScenarios.QuotaAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LineBot.Load load | compare | ceiling | worker [--reporters N] | faults storage|kill|line|quota  [--rate N] [--seconds N] [--seed N] [--rounds N] [--concurrency N] [--phase-seconds N] [--dll PATH] [--no-ramp] [--no-worker] [--single-azurite] [--set Key=Value …]");
    return 2;
}
