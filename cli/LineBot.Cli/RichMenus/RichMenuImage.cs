using LineBot.Line;
using LineBot.Reporters;
using LineBot.RichMenus;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace LineBot.Cli.RichMenus;

/// <summary>
/// Draws a menu's image from its design: one rounded card per button (the label large, the hint small, shaped with
/// HarfBuzz so Thai vowels and tone marks sit where they belong), the role's colour behind. Same design, font and
/// Skia build → the same PNG bytes, so the menu's version only changes when something visible does.
/// </summary>
internal static class RichMenuImage
{
    public const float LabelSize = 118;
    public const float HintSize = 70;
    private const float Margin = 28;
    private const float Padding = 60;

    public static readonly SKColor Card = SKColors.White;
    public static readonly SKColor Ink = new(0x1E, 0x29, 0x3B);
    private static readonly SKColor HintInk = new(0x5B, 0x67, 0x78);

    public static SKColor Background(ReporterRole role) => role switch
    {
        ReporterRole.Admin => new SKColor(0x33, 0x41, 0x55),
        ReporterRole.Officer => new SKColor(0x1D, 0x6F, 0xB8),
        _ => new SKColor(0x06, 0xC7, 0x55), // LINE green for the field workers' menu
    };

    public static byte[] Render(RichMenuDesign design, RichMenuFont font)
    {
        var size = design.Size;
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Background(design.Role));
        using var shaper = new SKShaper(font.Typeface);
        foreach (var (cell, button) in design.Cells().Zip(design.Buttons))
        {
            DrawButton(canvas, shaper, font.Typeface, cell, button);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        var bytes = png.ToArray();
        RichMenuLimits.ValidateImage(bytes, size);
        return bytes;
    }

    private static void DrawButton(SKCanvas canvas, SKShaper shaper, SKTypeface typeface, RichMenuBounds cell, RichMenuButton button)
    {
        var card = new SKRect(cell.X + Margin, cell.Y + Margin, cell.X + cell.Width - Margin, cell.Y + cell.Height - Margin);
        using (var fill = new SKPaint { Color = Card, IsAntialias = true })
        {
            canvas.DrawRoundRect(card, 48, 48, fill);
        }

        var maxWidth = card.Width - 2 * Padding;
        using var label = Fitted(shaper, typeface, button.Label, LabelSize, maxWidth);
        using var hint = Fitted(shaper, typeface, button.Hint, HintSize, maxWidth);
        var centreY = card.MidY;
        // Label above the middle, hint below it; baselines leave room for Thai marks above and below.
        DrawCentred(canvas, shaper, button.Label, card.MidX, centreY - 10, label, Ink);
        DrawCentred(canvas, shaper, button.Hint, card.MidX, centreY + hint.Size * 1.45f, hint, HintInk);
    }

    /// <summary>The font at <paramref name="size"/>, smaller if the shaped text would not fit the card.</summary>
    private static SKFont Fitted(SKShaper shaper, SKTypeface typeface, string text, float size, float maxWidth)
    {
        var font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var width = shaper.Shape(text, font).Width;
        if (width > maxWidth)
        {
            font.Size = MathF.Floor(size * maxWidth / width);
        }

        return font;
    }

    private static void DrawCentred(SKCanvas canvas, SKShaper shaper, string text, float centreX, float baseline, SKFont font, SKColor colour)
    {
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawShapedText(shaper, text, centreX, baseline, SKTextAlign.Center, font, paint);
    }
}
