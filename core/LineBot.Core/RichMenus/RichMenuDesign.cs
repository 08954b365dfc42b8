using LineBot.Line;
using LineBot.Reporters;

namespace LineBot.RichMenus;

/// <summary>
/// A button of a rich menu: <paramref name="Label"/> drawn large (and read out by screen readers), <paramref name="Hint"/>
/// drawn small under it, and the command it runs. Pressing sends the command as a postback, answered like the typed
/// command (role checks included); with <paramref name="FillIn"/> the keyboard also opens with that text, for
/// commands that need the user's words (dates of leave, a registration).
/// </summary>
internal sealed record RichMenuButton(string Label, string Hint, string Command, string? FillIn = null)
{
    public PostbackAction Action => FillIn is null
        ? QuickReplies.Command(Label, Command)
        : new PostbackAction(Label, Command, Command, "openKeyboard", FillIn);
}

/// <summary>One role's menu: its buttons in a grid of <paramref name="Columns"/>, full width (2500 px), 843 px per row.</summary>
internal sealed record RichMenuDesign(ReporterRole Role, string Title, string ChatBarText, IReadOnlyList<RichMenuButton> Buttons, int Columns = 3)
{
    public const int Width = 2500;
    public const int RowHeight = 843;

    public int Rows => (Buttons.Count + Columns - 1) / Columns;

    public RichMenuSize Size => new(Width, RowHeight * Rows);

    public string AliasId => RichMenuCatalog.AliasOf(Role);

    /// <summary>Each button's cell, left to right then top to bottom; the last column takes the rounding.</summary>
    public IReadOnlyList<RichMenuBounds> Cells()
    {
        var cells = new List<RichMenuBounds>(Buttons.Count);
        var width = Width / Columns;
        for (var i = 0; i < Buttons.Count; i++)
        {
            var (row, column) = Math.DivRem(i, Columns);
            var x = column * width;
            cells.Add(new RichMenuBounds(x, row * RowHeight, column == Columns - 1 ? Width - x : width, RowHeight));
        }

        return cells;
    }

    /// <summary>The rich menu object for LINE, open when the chat opens.</summary>
    public RichMenuRequest ToRequest(string name) =>
        new(Size, Selected: true, name, ChatBarText, [.. Cells().Zip(Buttons, (cell, button) => new RichMenuArea(cell, button.Action))]);
}
