using LineBot.Reporters;

namespace LineBot.Commands;

/// <summary>Someone @-mentioned in the command message.</summary>
internal sealed record Mention(string UserId, string? DisplayText = null);

/// <summary>A <c>/name args</c> message as the report parser classified it, with who sent it where.</summary>
internal sealed record CommandRequest(
    string Name,
    IReadOnlyList<string> Args,
    string? UserId,
    string ChatId,
    bool IsGroup,
    IReadOnlyList<Mention> Mentions,
    DateTimeOffset At)
{
    /// <summary>The whole message as typed (line breaks kept), for commands that take one item per line; null when not known.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// People whose role this command stored: the handler that sends the answer links their rich menus after the reply,
    /// so two LINE calls per person never stand between a command and its answer.
    /// </summary>
    public List<Reporter> RolesStored { get; } = [];
}

/// <summary>The sender as the router resolved them.</summary>
internal sealed record CommandContext(CommandRequest Request, ReporterRole Role, Reporter? Sender)
{
    /// <summary>The district an officer is limited to; null for admins (everything) and reporters.</summary>
    public string? OfficerDistrict => Role == ReporterRole.Officer ? Sender?.OfficerDistrict : null;

    public bool IsAdmin => Role == ReporterRole.Admin;
}

internal delegate Task<IReadOnlyList<Line.BotMessage>> CommandHandler(CommandContext context, CancellationToken ct);

/// <summary>A command: its Thai name, English aliases, who may use it, and one help line.</summary>
internal sealed record CommandSpec(string Name, IReadOnlyList<string> Aliases, ReporterRole MinRole, string Help, CommandHandler Handler);
