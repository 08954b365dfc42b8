using System.Text;
using LineBot.Reporters;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot roster import FILE.csv</c>: reporters from the province's roster, before they write. Prints how
/// many were created, updated and rejected (each with its line and reason); exit code 1 when any row was rejected.
/// </summary>
internal static class RosterCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (args is not ["import", var file, ..])
        {
            return Usage.Wrong("usage: linebot roster import FILE.csv   (columns: name, site type, sub-district, district, phone optional)");
        }

        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"linebot roster import: file not found: {file}");
            return 2;
        }

        await using var services = CliServices.Build(args[2..]);
        // UTF-8 with or without a BOM (Excel writes one with "CSV UTF-8").
        using var reader = new StreamReader(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        var result = await services.GetRequiredService<RosterImport>().ImportAsync(reader, CancellationToken.None);
        output.WriteLine($"created {result.Created}, updated {result.Updated}, rejected {result.Rejected.Count}");
        foreach (var rejection in result.Rejected)
        {
            output.WriteLine($"  line {rejection.Line}: {rejection.Reason}");
        }

        return result.Rejected.Count == 0 ? 0 : 1;
    }
}
