namespace LineBot.RichMenus;

/// <summary>What one sync did (or, dry, would do): counts, and a line per step for the console.</summary>
internal sealed record RichMenuSyncResult(int Created, int Uploaded, int AliasesSet, int Moved, int Deleted, int Kept, IReadOnlyList<string> Lines)
{
    public bool Changed => Created + Uploaded + AliasesSet + Moved + Deleted > 0;

    public string Summary =>
        $"{Created} created, {Uploaded} image(s) uploaded, {AliasesSet} alias(es) set, {Moved} old menu(s) with users moved, {Deleted} deleted"
        + (Kept > 0 ? $", {Kept} kept until their users have moved (run sync again)" : "");
}
