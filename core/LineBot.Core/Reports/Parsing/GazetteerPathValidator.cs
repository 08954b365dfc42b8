using System.Text.Json;
using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Reports.Parsing;

/// <summary>A bad <c>Bot:GazetteerPath</c> stops the app at start-up with its reason, not at the first report.</summary>
internal sealed class GazetteerPathValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.GazetteerPath))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var gazetteer = GazetteerLoader.Load(options.Province, options.GazetteerPath);
            return gazetteer.IsEmpty
                ? ValidateOptionsResult.Fail($"Bot:GazetteerPath '{options.GazetteerPath}' lists no districts.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail($"Bot:GazetteerPath '{options.GazetteerPath}': {e.Message}");
        }
    }
}
