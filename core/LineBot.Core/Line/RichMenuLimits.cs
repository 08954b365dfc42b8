using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace LineBot.Line;

/// <summary>
/// LINE's rules for rich menus (messaging-api.yml and the rich menu guide), checked before sending: the image is
/// a JPEG or PNG of at most 1 MB, 800–2500 px wide, at least 250 px high, width/height at least 1.45, and exactly
/// the menu's size; the name has at most 300 characters, the chat bar text 1–14, areas 1–20 inside the menu.
/// </summary>
internal static partial class RichMenuLimits
{
    public const int MinWidth = 800;
    public const int MaxWidth = 2500;
    public const int MinHeight = 250;
    public const double MinAspectRatio = 1.45;
    public const int MaxImageBytes = 1024 * 1024;
    public const int MaxNameLength = 300;
    public const int MaxChatBarTextLength = 14;
    public const int MaxAreas = 20;
    public const int MaxBulkUsers = 500;
    public const int MaxAliasIdLength = 32;

    public static void Validate(RichMenuRequest menu)
    {
        Size(menu.Size.Width, menu.Size.Height, "size");
        if (menu.Name.Length is 0 or > MaxNameLength)
        {
            Fail($"name is 1 to {MaxNameLength} characters, not {menu.Name.Length}");
        }

        if (menu.ChatBarText.Length is 0 or > MaxChatBarTextLength)
        {
            Fail($"chatBarText is 1 to {MaxChatBarTextLength} characters ('{menu.ChatBarText}')");
        }

        if (menu.Areas.Count is 0 or > MaxAreas)
        {
            Fail($"a rich menu has 1 to {MaxAreas} areas, not {menu.Areas.Count}");
        }

        foreach (var area in menu.Areas)
        {
            var b = area.Bounds;
            if (b.X < 0 || b.Y < 0 || b.Width < 1 || b.Height < 1 || b.X + b.Width > menu.Size.Width || b.Y + b.Height > menu.Size.Height)
            {
                Fail($"area {b} lies outside the {menu.Size.Width}x{menu.Size.Height} menu");
            }

            if (area.Action.Label is { Length: > LineLimits.MaxActionLabelLength } label)
            {
                Fail($"action labels are at most {LineLimits.MaxActionLabelLength} characters ('{label}')");
            }

            if (area.Action is PostbackAction postback && (postback.Data.Length > QuickReplies.MaxPostbackData || postback.DisplayText?.Length > QuickReplies.MaxPostbackData))
            {
                Fail($"postback data and displayText are at most {QuickReplies.MaxPostbackData} characters");
            }
        }
    }

    /// <summary>The image's content type (<c>image/png</c> or <c>image/jpeg</c>) once it passes every rule for <paramref name="menu"/>.</summary>
    public static string ValidateImage(ReadOnlySpan<byte> image, RichMenuSize menu)
    {
        if (image.Length is 0 or > MaxImageBytes)
        {
            Fail($"the image is {image.Length} bytes; LINE takes 1 to {MaxImageBytes}");
        }

        var (type, width, height) = ImageHeader(image);
        if (type is null)
        {
            Fail("the image is neither PNG nor JPEG");
        }

        Size(width, height, "image");
        if (width != menu.Width || height != menu.Height)
        {
            Fail($"the image is {width}x{height} but the menu is {menu.Width}x{menu.Height}");
        }

        return type!;
    }

    /// <summary>Alias IDs: 1–32 of a–z, 0–9, '_' and '-'.</summary>
    public static void ValidateAlias(string aliasId)
    {
        if (!AliasPattern().IsMatch(aliasId))
        {
            Fail($"alias '{aliasId}' is not 1 to {MaxAliasIdLength} of a-z, 0-9, _ and -");
        }
    }

    /// <summary>Type and pixel size from a PNG's IHDR or a JPEG's start-of-frame; (null, 0, 0) for anything else.</summary>
    public static (string? Type, int Width, int Height) ImageHeader(ReadOnlySpan<byte> image)
    {
        if (image.Length >= 24 && image[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", BinaryPrimitives.ReadInt32BigEndian(image[16..]), BinaryPrimitives.ReadInt32BigEndian(image[20..]));
        }

        if (image.Length < 4 || image[0] != 0xFF || image[1] != 0xD8)
        {
            return (null, 0, 0);
        }

        for (var i = 2; i + 9 < image.Length;)
        {
            if (image[i] != 0xFF)
            {
                return (null, 0, 0);
            }

            var marker = image[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(i + 2)..]);
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return ("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(image[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(i + 5)..]));
            }

            i += 2 + length;
        }

        return (null, 0, 0);
    }

    private static void Size(int width, int height, string what)
    {
        if (width is < MinWidth or > MaxWidth || height < MinHeight || (double)width / height < MinAspectRatio)
        {
            Fail($"{what} {width}x{height}: LINE takes {MinWidth}–{MaxWidth} px wide, at least {MinHeight} px high and width/height at least {MinAspectRatio}");
        }
    }

    private static void Fail(string reason) => throw new LineMessageLimitException($"Rich menu: {reason}.");

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
