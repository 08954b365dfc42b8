using System.Text.RegularExpressions;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Native;

/// <summary>
/// One voice in everything the bot says (read from core's sources; the parser, which reads people's messages, is
/// left out): the polite particle is written ครับ, never ค่ะ/คะ (only <c>Line/ThaiPersona.cs</c>, which speaks
/// it with the configured <c>Bot:Particle</c>, names the other); no placeholders such as &lt;วันที่&gt;; one registration
/// example. What LINE receives with each particle: <see cref="Simulator.SampleWeekVoiceTests"/>.
/// </summary>
public sealed partial class VoiceTests
{
    private static readonly List<(string File, string Text)> Sources =
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "core", "LineBot.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"Reports{Path.DirectorySeparatorChar}Parsing"))
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)))];

    private static readonly string PersonaFile = Path.Combine("Line", "ThaiPersona.cs");

    [Fact]
    public void Sources_AreRead() => Assert.True(Sources.Count > 100);

    [Fact]
    public void NoFemaleParticle_InWhatTheBotSays()
    {
        var found = Sources.Where(s => !s.File.EndsWith(PersonaFile, StringComparison.Ordinal) && FemaleParticle().IsMatch(s.Text)).Select(s => s.File).ToList();
        Assert.True(found.Count == 0, "ค่ะ/คะ in: " + string.Join(", ", found));
    }

    [Fact]
    public void PersonaFile_IsTheOneThatNamesTheOtherParticle() =>
        Assert.Contains(Sources, s => s.File.EndsWith(PersonaFile, StringComparison.Ordinal) && FemaleParticle().IsMatch(s.Text));

    // ThaiPersona turns particles only: a first person (ผม) would need a gendered word of its own.
    [Fact]
    public void NoFirstPerson_InWhatTheBotSays()
    {
        var found = Sources.Where(s => !s.File.EndsWith(PersonaFile, StringComparison.Ordinal) && FirstPerson().IsMatch(s.Text)).Select(s => s.File + ": " + FirstPerson().Match(s.Text).Value).ToList();
        Assert.True(found.Count == 0, "ผม/ดิฉัน in: " + string.Join(", ", found));
    }

    [Fact]
    public void NoPlaceholders_InWhatTheBotSays()
    {
        var found = Sources.Where(s => Placeholder().IsMatch(s.Text)).Select(s => s.File + ": " + Placeholder().Match(s.Text).Value).ToList();
        Assert.True(found.Count == 0, "Placeholders in: " + string.Join(", ", found));
    }

    [Fact]
    public void RegistrationHints_AllGiveTheSameExample()
    {
        var hints = Sources.SelectMany(s => RegistrationHint().Matches(s.Text).Select(m => s.File + ": " + m.Value)).ToList();
        Assert.True(hints.Count == 0, "A registration format other than ReportReplies.RegistrationExample: " + string.Join(", ", hints));
    }

    [GeneratedRegex(@"ค่ะ|(?<![ก-๙])คะ(?![ก-๙])")]
    private static partial Regex FemaleParticle();

    // ผม as a word (not ครับผม, which ThaiPersona speaks as one particle); ดิฉัน anywhere.
    [GeneratedRegex(@"(?<![ก-๙])ผม|ดิฉัน")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"[‹›]|<(วันที่|ชื่อ|อำเภอ|ตำบล)>")]
    private static partial Regex Placeholder();

    // "/ลงทะเบียน ชื่อ-สกุล …" or "/ลงทะเบียน ชื่อ อำเภอ" written out instead of the real example.
    [GeneratedRegex(@"""[^""\n]*/ลงทะเบียน ชื่อ")]
    private static partial Regex RegistrationHint();
}
