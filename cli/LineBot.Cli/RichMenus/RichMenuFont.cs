using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace LineBot.Cli.RichMenus;

/// <summary>
/// The Thai font the menu images are drawn with: <c>RichMenus:FontPath</c>, else the first known system path
/// (Debian's fonts-thai-tlwg, which scripts/install-test-deps.sh installs, or Noto Sans Thai). Loaded from the file,
/// so no fontconfig is needed.
/// </summary>
internal sealed class RichMenuFont : IDisposable
{
    /// <summary>Where Thai fonts usually are, best first.</summary>
    public static readonly IReadOnlyList<string> KnownPaths =
    [
        "/usr/share/fonts/truetype/tlwg/Waree-Bold.ttf",
        "/usr/share/fonts/opentype/tlwg/Waree-Bold.otf",
        "/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf",
        "/usr/share/fonts/opentype/tlwg/Garuda-Bold.otf",
        "/usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansThaiLooped-Bold.ttf",
        "/usr/share/fonts/truetype/tlwg/Loma-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Tahoma Bold.ttf",
        "C:\\Windows\\Fonts\\tahomabd.ttf",
    ];

    // Consonants, vowels above and below, and all four tone marks: what every label needs.
    private const string ThaiSample = "กขคงจฉชญฎฐณดตถทนบปผพฟภมยรลวศษสหฬอฮะาำิีึืุูเแโใไ่้๊๋็์";

    private RichMenuFont(string path, SKTypeface typeface)
    {
        Path = path;
        Typeface = typeface;
    }

    public string Path { get; }
    public SKTypeface Typeface { get; }

    /// <summary>The configured font, else the first known one; throws with the setting's name when none draws Thai.</summary>
    public static RichMenuFont Load(string? configuredPath)
    {
        if (Problem(configuredPath) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var path = Resolve(configuredPath)!;
        return new RichMenuFont(path, SKTypeface.FromFile(path));
    }

    /// <summary>Why no usable font is there (naming the setting), or null.</summary>
    public static string? Problem(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            if (!File.Exists(configuredPath))
            {
                return $"RichMenus:FontPath '{configuredPath}' does not exist (a .ttf or .otf file with Thai glyphs).";
            }

            return DrawsThai(configuredPath) ? null : $"RichMenus:FontPath '{configuredPath}' is not a font with Thai glyphs.";
        }

        return Resolve(null) is null
            ? "No Thai font found for the rich menu images: set RichMenus:FontPath (or --font) to a .ttf/.otf with Thai glyphs, "
              + "or install Debian's fonts-thai-tlwg (scripts/install-test-deps.sh). Looked in: " + string.Join(", ", KnownPaths)
            : null;
    }

    /// <summary>
    /// Characters of <paramref name="text"/> the font has no glyph for (they would show as boxes); "(shaping)" when each
    /// has one but HarfBuzz still produced the missing glyph (a combination the font cannot draw).
    /// </summary>
    public IReadOnlyList<string> MissingGlyphs(string text)
    {
        using var font = new SKFont(Typeface, 100);
        var missing = text.EnumerateRunes().Where(r => font.GetGlyph(r.Value) == 0).Select(r => r.ToString()).Distinct().ToList();
        using var shaper = new SKShaper(Typeface);
        if (missing.Count == 0 && shaper.Shape(text, font).Codepoints.Contains(0u))
        {
            missing.Add("(shaping)");
        }

        return missing;
    }

    public void Dispose() => Typeface.Dispose();

    private static string? Resolve(string? configuredPath) =>
        string.IsNullOrWhiteSpace(configuredPath) ? KnownPaths.FirstOrDefault(p => File.Exists(p) && DrawsThai(p)) : configuredPath;

    private static bool DrawsThai(string path)
    {
        using var typeface = SKTypeface.FromFile(path);
        if (typeface is null)
        {
            return false;
        }

        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(ThaiSample);
    }
}
