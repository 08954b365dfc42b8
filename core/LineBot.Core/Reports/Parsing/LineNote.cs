namespace LineBot.Reports.Parsing;

/// <summary>For <c>linebot parse --explain</c>: what one line was taken as, and why.</summary>
internal sealed record LineNote(int Line, string Text, string TakenAs, string Why);
