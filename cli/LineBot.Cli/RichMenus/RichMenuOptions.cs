using Microsoft.Extensions.Options;

namespace LineBot.Cli.RichMenus;

/// <summary>Section <c>RichMenus</c>: how <c>linebot richmenu sync</c> draws the menu images.</summary>
internal sealed class RichMenuOptions
{
    public const string Section = "RichMenus";

    /// <summary>A TrueType/OpenType font with Thai glyphs; empty = the first of <see cref="RichMenuFont.KnownPaths"/> found.</summary>
    public string? FontPath { get; set; }
}

/// <summary>The font must exist and draw Thai: a menu of empty boxes is worse than no menu.</summary>
internal sealed class RichMenuOptionsValidator : IValidateOptions<RichMenuOptions>
{
    public ValidateOptionsResult Validate(string? name, RichMenuOptions options) =>
        RichMenuFont.Problem(options.FontPath) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
