using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LineBot.Configuration;

/// <summary>LINE channel settings (section <c>Line</c>).</summary>
internal sealed class LineOptions
{
    public const string Section = "Line";

    [Required(ErrorMessage = "Line:ChannelSecret is required (the channel secret from the LINE Developers console).")]
    [MinLength(8, ErrorMessage = "Line:ChannelSecret looks too short to be a LINE channel secret.")]
    public string ChannelSecret { get; set; } = "";

    /// <summary>Accepted too while a rotated secret propagates, so no webhook is dropped.</summary>
    public string? PreviousChannelSecret { get; set; }

    /// <summary>Required by the Functions app; empty in <c>linebot serve</c> means local mode (dev/LineBot.Local/LocalMode.cs).</summary>
    public string? ChannelAccessToken { get; set; }

    [Required]
    [Url(ErrorMessage = "Line:ApiBaseUrl must be an absolute URL.")]
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    [Required]
    [Url(ErrorMessage = "Line:DataApiBaseUrl must be an absolute URL.")]
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";
}

[OptionsValidator]
internal sealed partial class LineOptionsValidator : IValidateOptions<LineOptions>;
