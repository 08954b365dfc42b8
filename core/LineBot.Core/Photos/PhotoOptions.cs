using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LineBot.Photos;

/// <summary>Photo evidence and other message content (section <c>Photos</c>).</summary>
internal sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Largest content stored; anything bigger is recorded as "oversize" and not kept.</summary>
    [Range(1024L, 1024L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How long an admin's read-only link to a photo works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan LinkValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whole download (headers and body) of one item, from LINE or an external provider.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait before trying again content LINE is still preparing (202) or failed to serve.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Downloads tried through the queue before content is recorded as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// External providers must be https. Only for tests and local stand-ins: also allow plain http to a
    /// loopback address (never any other host).
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }
}

[OptionsValidator]
internal sealed partial class PhotoOptionsValidator : IValidateOptions<PhotoOptions>;
