using LineBot.Events;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// Text messages: parsed, then handed to the handler for their kind (a name → handler map, as commands are).
/// Chatter is the fallback: nothing stored, no reply. Replies are free (reply token, quoting the message) and
/// never fall back to a paid push; in standby mode nothing is answered (<see cref="MessageReplier"/>).
/// </summary>
internal sealed class TextMessageDispatcher
{
    private readonly ReportParser _parser;
    private readonly IReadOnlyDictionary<MessageKind, Func<EventContext, ParsedMessage, CancellationToken, Task>> _handlers;
    private readonly ILogger<TextMessageDispatcher> _logger;

    public TextMessageDispatcher(
        ReportParser parser,
        ReportReceived reports,
        RegistrationReceived registrations,
        MonthlyPlanReceived plans,
        CommandReceived commands,
        ILogger<TextMessageDispatcher> logger)
    {
        _parser = parser;
        _logger = logger;
        _handlers = new Dictionary<MessageKind, Func<EventContext, ParsedMessage, CancellationToken, Task>>
        {
            [MessageKind.DailyReport] = reports.HandleAsync,
            [MessageKind.Registration] = registrations.HandleAsync,
            [MessageKind.MonthlyPlan] = plans.HandleAsync,
            [MessageKind.Command] = commands.HandleAsync,
        };
    }

    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var parsed = _parser.Parse(evt.Message!.Text, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp));
        Log.Parsed(_logger, evt.WebhookEventId, parsed.Kind.Name(), parsed.Errors.Count);
        if (_handlers.TryGetValue(parsed.Kind, out var handle))
        {
            await handle(context, parsed, cancellationToken);
        }

        // Anything else is chatter: not ours to keep.
    }
}
