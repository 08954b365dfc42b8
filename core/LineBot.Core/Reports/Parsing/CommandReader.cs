using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Messages starting with '/': a command name and its arguments, and <c>/ลงทะเบียน &lt;name&gt; &lt;CLM|HLM&gt;
/// ต.&lt;x&gt; อ.&lt;y&gt;</c> read into a registration.
/// </summary>
internal static class CommandReader
{
    private static readonly string[] RegisterNames = ["ลงทะเบียน", "register"];

    public static ParsedMessage Read(ReadOnlySpan<char> text, Gazetteer gazetteer)
    {
        // Only the first line is the command; a second line is part of its arguments (e.g. a long holiday name).
        text = TrimSpaces(text)[1..];
        var nameEnd = 0;
        while (nameEnd < text.Length && !IsSpace(text[nameEnd]) && text[nameEnd] != '\n')
        {
            nameEnd++;
        }

        var name = text[..nameEnd].ToString().ToLowerInvariant();
        if (name.Length == 0)
        {
            return ParsedMessage.Other;
        }

        var rest = text[nameEnd..];
        var args = new List<string>();
        foreach (var range in rest.SplitAny(" \n"))
        {
            var word = rest[range].Trim();
            if (!word.IsEmpty)
            {
                args.Add(word.ToString());
            }
        }

        return RegisterNames.Contains(name)
            ? Registration(name, rest, args, gazetteer)
            : new ParsedMessage { Kind = MessageKind.Command, Command = name, Args = args };
    }

    private static ParsedMessage Registration(string command, ReadOnlySpan<char> rest, List<string> args, Gazetteer gazetteer)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var (nameWords, type, i) = NameAndType(args);
        var written = new WrittenSite { Type = type };
        SiteReader.Read(string.Join(' ', args.Skip(i)), written, allowBare: false);
        var site = SiteNormaliser.Normalise(written, gazetteer, warnings);

        var reporter = nameWords.Count == 0 ? null : NameCleaner.Clean(string.Join(' ', nameWords));
        if (reporter is null)
        {
            errors.Add("ไม่พบชื่อ-สกุล (เช่น /ลงทะเบียน นายสมชาย ใจดี HLM ต.บางพระ อ.เมือง)");
        }

        if (site.Type is null)
        {
            errors.Add("ไม่พบประเภทพื้นที่ CLM หรือ HLM");
        }

        if (site.Subdistrict is null)
        {
            errors.Add("ไม่พบตำบล (ต.…)");
        }

        if (site.District is null)
        {
            errors.Add("ไม่พบอำเภอ (อ.…)");
        }

        return new ParsedMessage
        {
            Kind = MessageKind.Registration,
            Command = command,
            Args = args,
            Reporter = reporter,
            Site = site,
            Errors = errors,
            Warnings = warnings,
        };
    }

    /// <summary>The name runs up to the site type (or the first ต./อ. when the type is missing); then the site words start.</summary>
    private static (List<string> Name, string? Type, int SiteAt) NameAndType(List<string> args)
    {
        var nameWords = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (SiteReader.SiteType(args[i]) is { } type)
            {
                return (nameWords, type, i + 1);
            }

            if (IsMarker(args[i]))
            {
                return (nameWords, null, i);
            }

            nameWords.Add(args[i]);
        }

        return (nameWords, null, args.Count);
    }

    private static bool IsMarker(string word) =>
        word.StartsWith("ต.", StringComparison.Ordinal) || word.StartsWith("อ.", StringComparison.Ordinal) || word.StartsWith("ตำบล", StringComparison.Ordinal)
        || word.StartsWith("อำเภอ", StringComparison.Ordinal) || word.StartsWith("จ.", StringComparison.Ordinal) || word.StartsWith("จังหวัด", StringComparison.Ordinal);
}
