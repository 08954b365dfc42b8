namespace LineBot.Cli;

internal static class Usage
{
    public const string Text = """
        linebot — LINE bot for the Khok Nong Na model (โคก หนอง นา โมเดล) daily reports

        Usage:
          linebot serve [--urls http://127.0.0.1:7071]   run webhook, event worker and scheduler locally
                [--no-worker | --worker-only]             only the webhook; only the event worker and scheduler
          linebot events replay-poison                    put poison-queue messages back on the events queue
          linebot events replay-malformed [--since DATE] [--dry-run]   queue kept events that now parse (webhook-raw/malformed/)
          linebot events replay-unknown [--since DATE] [--dry-run]     queue kept events of types now known (webhook-raw/unknown/)
          linebot storage prune [--dry-run] [--at ISO-8601]           delete kept events, claim checks and exports past retention
          linebot photos retry                            try failed photo/video downloads again (while LINE keeps them)
          linebot jobs run <reminder|digest|monthly> [--at ISO-8601] [--dry-run]   run a scheduled job now
          linebot export project-summary [--from date] [--to date]               whole-period workbook (link)
          linebot parse [--now ISO-8601] [--jsonl | --explain]  read a message (or JSONL {"text","now"} lines) from stdin, print JSON
          linebot simulate FILE [--url URL | --storage CS] replay a conversation (samples/week.json) and print the transcript
          linebot roster import FILE.csv                  reporters from a CSV roster (name, site type, sub-district, district, phone)
          linebot richmenu sync [--dry-run] [--font PATH] [--out DIR]   draw the role menus (1:1 chats) and make LINE's match; deletes only our old ones
          linebot richmenu link-all [--dry-run]           link every known person to their role's menu

        Settings come from environment variables (Line__ChannelSecret, AzureWebJobsStorage, Bot__GroupIds__0, …)
        or a git-ignored appsettings.Local.json in the working directory.
        """;

    public static int Print()
    {
        Console.WriteLine(Text);
        return 0;
    }

    /// <summary>A command's own usage line on stderr; exit code 2, as for any misuse.</summary>
    public static int Wrong(string usageLine)
    {
        Console.Error.WriteLine(usageLine);
        return 2;
    }

    public static int Unknown(string verb)
    {
        Console.Error.WriteLine($"linebot: unknown command '{verb}'.");
        Console.Error.WriteLine(Text);
        return 2;
    }
}
