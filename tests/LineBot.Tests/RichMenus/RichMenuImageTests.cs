using LineBot.Cli.RichMenus;
using LineBot.Line;
using LineBot.RichMenus;
using SkiaSharp;

namespace LineBot.Tests.RichMenus;

/// <summary>
/// The generated images: PNGs LINE takes (size of the menu, ≤ 1 MB), the same bytes every time, and Thai that really
/// renders — every label's glyphs are in the font once shaped (no boxes) and every button's card carries ink. Needs a
/// Thai font (scripts/install-test-deps.sh installs fonts-thai-tlwg); without one these fail, saying so.
/// </summary>
public sealed class RichMenuImageTests
{
    private static RichMenuFont Font()
    {
        var problem = RichMenuFont.Problem(null);
        Assert.True(problem is null, problem + " (scripts/install-test-deps.sh installs it)");
        return RichMenuFont.Load(null);
    }

    [Fact]
    public void Render_EveryRole_PngOfTheMenuSizeWithinLinesLimit()
    {
        using var font = Font();
        foreach (var design in RichMenuCatalog.Designs)
        {
            var png = RichMenuImage.Render(design, font);

            var (type, width, height) = RichMenuLimits.ImageHeader(png);
            Assert.Equal("image/png", type);
            Assert.Equal((design.Size.Width, design.Size.Height), (width, height));
            Assert.InRange(png.Length, 1, RichMenuLimits.MaxImageBytes);
            Assert.True((double)width / height >= RichMenuLimits.MinAspectRatio);
        }
    }

    [Fact]
    public void Render_Twice_SameBytes()
    {
        using var font = Font();
        var design = RichMenuCatalog.Designs[1];
        Assert.Equal(RichMenuImage.Render(design, font), RichMenuImage.Render(design, font));
    }

    [Fact]
    public void Labels_EveryThaiGlyphInTheFont_NoBoxes()
    {
        using var font = Font();
        foreach (var button in RichMenuCatalog.Designs.SelectMany(d => d.Buttons))
        {
            Assert.Empty(font.MissingGlyphs(button.Label));
            Assert.Empty(font.MissingGlyphs(button.Hint));
        }
    }

    [Fact]
    public void MissingGlyphs_CharacterOutsideTheFont_Reported()
    {
        using var font = Font();
        // Tifinagh is in no Thai font: the check can fail.
        Assert.Equal(["ⴰ"], font.MissingGlyphs("สรุปⴰ"));
    }

    [Fact]
    public void Render_EveryButtonCard_HasLabelInk()
    {
        using var font = Font();
        foreach (var design in RichMenuCatalog.Designs)
        {
            using var bitmap = SKBitmap.Decode(RichMenuImage.Render(design, font));
            foreach (var (cell, button) in design.Cells().Zip(design.Buttons))
            {
                var ink = 0;
                // Inside the white card only: the role's background around it may be dark itself.
                for (var y = cell.Y + 80; y < cell.Y + cell.Height - 80; y += 2)
                {
                    for (var x = cell.X + 80; x < cell.X + cell.Width - 80; x += 2)
                    {
                        var p = bitmap.GetPixel(x, y);
                        ink += p.Red < 0x80 && p.Green < 0x80 && p.Blue < 0x90 ? 1 : 0;
                    }
                }

                Assert.True(ink > 2_000, $"{design.Role} '{button.Label}': only {ink} dark pixels in its card");
            }
        }
    }

    [Fact]
    public void Font_ConfiguredPathMissingOrNotThai_ErrorNamesTheSetting()
    {
        Assert.Contains("RichMenus:FontPath", RichMenuFont.Problem("/nonexistent/font.ttf"), StringComparison.Ordinal);
        var notAFont = Path.GetTempFileName();
        File.WriteAllText(notAFont, "not a font");
        try
        {
            var problem = RichMenuFont.Problem(notAFont);
            Assert.NotNull(problem);
            Assert.Contains("RichMenus:FontPath", problem, StringComparison.Ordinal);
            Assert.Contains("Thai", problem, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => RichMenuFont.Load(notAFont));
        }
        finally
        {
            File.Delete(notAFont);
        }
    }
}
