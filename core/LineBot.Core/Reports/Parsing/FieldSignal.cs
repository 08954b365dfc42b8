namespace LineBot.Reports.Parsing;

/// <summary>
/// Report fields a message showed, by label or by content (a date line, a titled name, a site phrase, a
/// certification, a list under a heading). Two or more make a message a report attempt.
/// </summary>
[Flags]
internal enum FieldSignal
{
    None = 0,
    Date = 1,
    Reporter = 2,
    Site = 4,
    Activities = 8,
    Problems = 16,
    Plans = 32,
    Certifier = 64,
}
