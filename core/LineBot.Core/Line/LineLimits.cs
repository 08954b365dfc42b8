using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineBot.Line;

/// <summary>
/// LINE's documented limits, checked before sending so that a bad message fails here with a clear reason
/// rather than as a 400 from LINE (which, for a reply, would also burn the reply token).
/// </summary>
internal static class LineLimits
{
    public const int MaxMessages = 5;
    public const int MaxTextLength = 5_000;
    public const int MaxAltTextLength = 1_500;
    public const int MaxCarouselBubbles = 12;
    public const int MaxFlexBytes = 50_000;
    public const int MaxQuickReplyItems = 13;
    public const int MaxActionLabelLength = 20;
    public const int MaxUrlLength = 2_000;
    public const int MaxMulticastRecipients = 500;
    public const int MaxSubstitutions = 100;

    /// <summary>How long a reply token lives (about a minute, LINE says).</summary>
    public static readonly TimeSpan ReplyTokenLifetime = TimeSpan.FromMinutes(1);

    /// <summary>How long LINE remembers a push's retry key (a repeat within it is answered 409, not delivered twice).</summary>
    public static readonly TimeSpan RetryKeyLifetime = TimeSpan.FromHours(24);

    public static void Validate(IReadOnlyList<LineMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count is 0 or > MaxMessages)
        {
            throw new LineMessageLimitException($"A request carries 1 to {MaxMessages} messages, not {messages.Count}.");
        }

        for (var i = 0; i < messages.Count; i++)
        {
            Validate(messages[i] ?? throw new LineMessageLimitException($"Message {i} is null."), i);
        }
    }

    public static void ValidateRecipients(IReadOnlyList<string> userIds)
    {
        if (userIds.Count is 0 or > MaxMulticastRecipients)
        {
            throw new LineMessageLimitException($"A multicast goes to 1 to {MaxMulticastRecipients} users, not {userIds.Count}.");
        }
    }

    private static void Validate(LineMessage message, int index)
    {
        switch (message)
        {
            case TextMessage text:
                Text(text.Text, index);
                break;
            case TextV2Message text:
                Text(text.Text, index);
                if (text.Substitution is { Count: > MaxSubstitutions })
                {
                    Fail(index, $"at most {MaxSubstitutions} substitutions");
                }

                foreach (var key in text.Substitution?.Keys ?? [])
                {
                    if (!text.Text.Contains("{" + key + "}", StringComparison.Ordinal))
                    {
                        Fail(index, $"substitution '{key}' has no {{{key}}} placeholder in the text");
                    }
                }

                break;
            case ImageMessage image:
                Url(image.OriginalContentUrl, index, "originalContentUrl");
                Url(image.PreviewImageUrl, index, "previewImageUrl");
                break;
            case FlexMessage flex:
                Flex(flex, index);
                break;
            case StickerMessage sticker when string.IsNullOrEmpty(sticker.PackageId) || string.IsNullOrEmpty(sticker.StickerId):
                Fail(index, "a sticker needs packageId and stickerId");
                break;
        }

        if (message.QuickReply is { } quickReply)
        {
            if (quickReply.Items.Count is 0 or > MaxQuickReplyItems)
            {
                Fail(index, $"quick reply holds 1 to {MaxQuickReplyItems} items, not {quickReply.Items.Count}");
            }

            foreach (var item in quickReply.Items)
            {
                if (string.IsNullOrEmpty(item.Action.Label) || item.Action.Label.Length > MaxActionLabelLength)
                {
                    Fail(index, $"quick reply labels are 1 to {MaxActionLabelLength} characters ('{item.Action.Label}')");
                }

                if (item.Action is PostbackAction { } postback && (postback.Data.Length is 0 or > QuickReplies.MaxPostbackData || postback.DisplayText?.Length > QuickReplies.MaxPostbackData))
                {
                    Fail(index, $"postback data and displayText are 1 to {QuickReplies.MaxPostbackData} characters");
                }

                if (item.ImageUrl is { } icon)
                {
                    Url(icon, index, "quick reply imageUrl");
                }
            }
        }
    }

    private static void Text(string text, int index)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            Fail(index, $"text is 1 to {MaxTextLength} characters, not {text?.Length ?? 0}");
        }
    }

    private static void Url(string url, int index, string field)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            Fail(index, $"{field} must be an HTTPS URL of at most {MaxUrlLength} characters");
        }
    }

    private static void Flex(FlexMessage flex, int index)
    {
        if (string.IsNullOrEmpty(flex.AltText) || flex.AltText.Length > MaxAltTextLength)
        {
            Fail(index, $"altText is 1 to {MaxAltTextLength} characters, not {flex.AltText?.Length ?? 0}");
        }

        var type = flex.Contents["type"]?.GetValue<string>();
        if (type is not ("bubble" or "carousel"))
        {
            Fail(index, $"flex contents must be a bubble or a carousel, not '{type}'");
        }

        if (type == "carousel" && flex.Contents["contents"] is JsonArray { Count: var bubbles } && bubbles is 0 or > MaxCarouselBubbles)
        {
            Fail(index, $"a carousel holds 1 to {MaxCarouselBubbles} bubbles, not {bubbles}");
        }

        // Measured as sent (escaped JSON), the same way DigestFlexBuilder sizes its pages.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(flex.Contents, LineJsonContext.Default.JsonObject).Length;
        if (bytes > MaxFlexBytes)
        {
            Fail(index, $"flex contents are {bytes} bytes; the limit is {MaxFlexBytes}");
        }
    }

    private static void Fail(int index, string reason) =>
        throw new LineMessageLimitException($"Message {index}: {reason}.");
}
