using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LineBot.Configuration;

/// <summary>
/// Where tables, blobs and queues live. The connection comes from <c>AzureWebJobsStorage</c> (a connection
/// string, or identity-based <c>AzureWebJobsStorage__accountName</c> / <c>__tableServiceUri</c> …), the same
/// setting the Functions host uses for its own triggers.
/// </summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Prefix for every table, container and queue name (lowercase letters and digits). Lets tests share one
    /// Azurite, and lets two bots share one account.
    /// </summary>
    [RegularExpression("^[a-z][a-z0-9]{0,19}$|^$", ErrorMessage = "Storage:Prefix must be lowercase letters and digits, starting with a letter, at most 20 characters.")]
    public string Prefix { get; set; } = "";

    /// <summary>Maximum raw webhook body accepted, in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxWebhookBodyBytes { get; set; } = 1024 * 1024;
}

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
