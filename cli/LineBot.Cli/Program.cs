using LineBot.Cli;

// linebot <verb> …: each verb lives in its own file; this is the table of contents.
return args switch
{
    ["serve", .. var rest] => await ServeCommand.RunAsync(rest),
    ["events", .. var rest] => await EventsCommand.RunAsync(rest, Console.Out),
    ["photos", .. var rest] => await PhotosCommand.RunAsync(rest),
    ["jobs", .. var rest] => await JobsCommand.RunAsync(rest, Console.Out),
    ["export", .. var rest] => await ExportCommand.RunAsync(rest, Console.Out),
    ["parse", .. var rest] => await ParseCommand.RunAsync(rest),
    ["simulate", .. var rest] => await SimulateCommand.RunAsync(rest),
    ["roster", .. var rest] => await RosterCommand.RunAsync(rest),
    ["storage", .. var rest] => await StorageCommand.RunAsync(rest, Console.Out),
    ["richmenu", .. var rest] => await RichMenuCommand.RunAsync(rest, Console.Out),
    ["--help" or "-h" or "help"] or [] => Usage.Print(),
    _ => Usage.Unknown(args[0]),
};
