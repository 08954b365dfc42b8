using System.Text;
using System.Text.RegularExpressions;
using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Line;

/// <summary>
/// The bot's one polite particle (<c>Bot:Particle</c>). Everything is written with ครับ; with ค่ะ configured,
/// <see cref="Speak"/> turns each ครับ into ค่ะ in a statement and คะ in a question (a question word in the same
/// clause, or a following "?"), นะครับ into นะคะ and ครับผม into ค่ะ. Other people's words are left as they wrote
/// them: spans in double quotes and the message's verbatim texts (e.g. a reported problem in a digest).
/// </summary>
internal static partial class ThaiPersona
{
    public const string Male = "ครับ";
    public const string Female = "ค่ะ";
    private const string FemaleQuestion = "คะ";

    public static readonly IReadOnlyList<string> Particles = [Male, Female];

    // A verbatim text is found by its first characters, then kept as far as the text still matches it.
    private const int VerbatimHead = 12;

    private static readonly char[] ClauseBreaks = [' ', '\n', '\t', '.', '!', '?', ':', '(', ')', '"', ',', '•', '-'];

    public static string Speak(string text, string particle, IReadOnlyList<string>? verbatim = null)
    {
        if (particle == Male || !text.Contains(Male, StringComparison.Ordinal))
        {
            return text;
        }

        var kept = KeptSpans(text, verbatim ?? []);
        var output = new StringBuilder(text.Length);
        var at = 0;
        for (var found = text.IndexOf(Male, StringComparison.Ordinal); found >= 0; found = text.IndexOf(Male, found + Male.Length, StringComparison.Ordinal))
        {
            if (kept.Any(span => found >= span.Start && found < span.End))
            {
                continue;
            }

            var end = found + Male.Length;
            if (string.CompareOrdinal(text, end, "ผม", 0, 2) == 0)
            {
                end += 2; // ครับผม: one particle
            }

            output.Append(text, at, found - at).Append(IsQuestion(text, found, end) ? FemaleQuestion : Female);
            at = end;
        }

        return output.Append(text, at, text.Length - at).ToString();
    }

    // นะคะ is the soft form in both moods; otherwise a question word in the clause, or a "?" after the particle.
    private static bool IsQuestion(string text, int particle, int end)
    {
        var rest = text.AsSpan(end).TrimStart(' ');
        if (rest.StartsWith("?") || text.AsSpan(0, particle).EndsWith("นะ", StringComparison.Ordinal))
        {
            return true;
        }

        var clauseStart = particle == 0 ? 0 : text.LastIndexOfAny(ClauseBreaks, particle - 1) + 1;
        return QuestionWord().IsMatch(text.AsSpan(clauseStart, particle - clauseStart));
    }

    /// <summary>Spans not to touch: "…" quotes, and every occurrence of a verbatim text, whole or cut short (a Flex line truncates).</summary>
    private static List<(int Start, int End)> KeptSpans(string text, IReadOnlyList<string> verbatim)
    {
        var spans = new List<(int, int)>();
        // A quote left open is a stray mark, not a quotation: it keeps nothing.
        for (int open = text.IndexOf('"'), close; open >= 0 && (close = text.IndexOf('"', open + 1)) > 0; open = text.IndexOf('"', close + 1))
        {
            spans.Add((open, close));
        }

        foreach (var quoted in verbatim.Where(v => v.Contains(Male, StringComparison.Ordinal)))
        {
            var head = quoted[..Math.Min(quoted.Length, VerbatimHead)];
            for (var at = text.IndexOf(head, StringComparison.Ordinal); at >= 0; at = text.IndexOf(head, at + head.Length, StringComparison.Ordinal))
            {
                spans.Add((at, at + text.AsSpan(at).CommonPrefixLength(quoted)));
            }
        }

        return spans;
    }

    // ไหม but not ไหม้ (burnt); กี่ but not เกี่ยว; หรือ right before the particle (ส่งแล้วหรือครับ).
    [GeneratedRegex("ไหม(?!้)|มั้ย|หรือไม่|หรือเปล่า|หรือยัง|หรือ$|อะไร|ไหน|เมื่อไร|เมื่อไหร่|(?<!เ)กี่|ใคร|อย่างไร|ยังไง|ทำไม")]
    private static partial Regex QuestionWord();
}

/// <summary><c>Bot:Particle</c> is one of <see cref="ThaiPersona.Particles"/>.</summary>
internal sealed class BotParticleValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        ThaiPersona.Particles.Contains(options.Particle)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Bot:Particle '{options.Particle}' must be {ThaiPersona.Male} or {ThaiPersona.Female} (the one polite particle the bot speaks with).");
}
