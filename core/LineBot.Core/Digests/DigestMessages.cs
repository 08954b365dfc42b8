using System.Text.Json.Nodes;
using LineBot.Line;

namespace LineBot.Digests;

/// <summary>Digests and other long texts as bot messages: what the jobs push and the commands reply.</summary>
internal static class DigestMessages
{
    /// <summary>The most messages one reply (or push) carries.</summary>
    public const int MaxMessages = LineLimits.MaxMessages;

    public const string TooLong = "… ข้อความยาวเกินกว่าที่ตอบได้ในครั้งเดียว กรุณาใช้ /ส่งออก เพื่อรับไฟล์ฉบับเต็ม";

    /// <summary>The weekly digest as Flex messages (one carousel per ≤ 12 districts), each with its stand-alone alt text.</summary>
    public static IReadOnlyList<BotMessage> Flex(WeeklyDigest digest)
    {
        var messages = new List<BotMessage>();
        foreach (var message in DigestFlexBuilder.Build(digest))
        {
            var alt = message["altText"]!.GetValue<string>();
            var contents = (JsonObject)message["contents"]!;
            message.Remove("contents");
            messages.Add(new BotMessage(alt, contents) { Verbatim = Quoted([digest.Province, .. digest.Districts]) });
        }

        return messages;
    }

    /// <summary>
    /// A text split at line breaks into at most <see cref="MaxMessages"/> messages of ≤ 5,000 characters;
    /// <paramref name="verbatim"/>: other people's words in it (see <see cref="Quoted"/>).
    /// </summary>
    public static IReadOnlyList<BotMessage> Text(string text, IReadOnlyList<string>? verbatim = null)
    {
        var parts = DigestText.Split(text, BotMessage.MaxTextLength);
        if (parts.Count > MaxMessages)
        {
            parts = [.. parts.Take(MaxMessages - 1), TooLong];
        }

        return [.. parts.Select(p => new BotMessage(p) { Verbatim = verbatim ?? [] })];
    }

    /// <summary>The problems people reported, as they wrote them: a digest quotes them, the bot's voice never rewrites them.</summary>
    public static IReadOnlyList<string> Quoted(IEnumerable<DistrictDigest> districts) =>
        [.. districts.SelectMany(d => d.Problems).Select(p => p.Text).Distinct(StringComparer.Ordinal)];
}
