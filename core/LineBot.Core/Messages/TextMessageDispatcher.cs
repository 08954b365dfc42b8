using LineBot.Events;
using LineBot.Reporters;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// Text messages: parsed, then handed to the handler for their kind (a name → handler map, as commands are).
/// Chatter is the fallback: nothing stored, no reply — except a question about a report the sender tried to send,
/// which gets help and a template. A registered reporter's message with a date and a list is read as an attempt. Replies are free (reply token, quoting the message) and
/// never fall back to a paid push; in standby mode nothing is answered (<see cref="MessageReplier"/>).
/// </summary>
internal sealed class TextMessageDispatcher
{
    private readonly ReportParser _parser;
    private readonly ReporterStore _reporters;
    private readonly ReportHelpAsked _help;
    private readonly IReadOnlyDictionary<MessageKind, Func<EventContext, ParsedMessage, CancellationToken, Task>> _handlers;
    private readonly ILogger<TextMessageDispatcher> _logger;

    public TextMessageDispatcher(
        ReportParser parser,
        ReporterStore reporters,
        ReportHelpAsked help,
        ReportReceived reports,
        RegistrationReceived registrations,
        MonthlyPlanReceived plans,
        CommandReceived commands,
        ILogger<TextMessageDispatcher> logger)
    {
        _parser = parser;
        _reporters = reporters;
        _help = help;
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
        var parsed = await ParseAsync(context, cancellationToken);
        Log.Parsed(_logger, evt.WebhookEventId, parsed.Kind.Name(), parsed.Errors.Count);
        if (_handlers.TryGetValue(parsed.Kind, out var handle))
        {
            await handle(context, parsed, cancellationToken);
        }
        else if (parsed.AsksAboutReport)
        {
            await _help.HandleAsync(context, parsed, cancellationToken);
        }

        // Anything else is chatter: not ours to keep.
    }

    /// <summary>Chatter: no handler's kind and no question about a report, so nothing to store and nothing to answer.</summary>
    public async Task<bool> IsChatterAsync(EventContext context, CancellationToken cancellationToken)
    {
        var parsed = await ParseAsync(context, cancellationToken);
        return !_handlers.ContainsKey(parsed.Kind) && !parsed.AsksAboutReport;
    }

    /// <summary>
    /// Reads the message as anyone's; where it would be an attempt only coming from a registered reporter (a date
    /// and a list), the sender is looked up — a read only for such messages, not for all chatter.
    /// </summary>
    private async Task<ParsedMessage> ParseAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var text = evt.Message!.Text;
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        var parsed = _parser.Parse(text, sentAt);
        if (parsed.Kind != MessageKind.Other || parsed.AsksAboutReport || context.UserId is not { } userId)
        {
            return parsed;
        }

        var asReporter = _parser.Parse(text, sentAt, fromReporter: true);
        return asReporter.Kind == MessageKind.DailyReport
               && await _reporters.FindByUserIdAsync(userId, cancellationToken) is { ExpectedToReport: true }
            ? asReporter
            : parsed;
    }
}
