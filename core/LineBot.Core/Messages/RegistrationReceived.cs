using LineBot.Calendar;
using LineBot.Events;
using LineBot.Reporters;
using LineBot.Reports.Parsing;
using LineBot.RichMenus;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary><c>/ลงทะเบียน ชื่อ CLM|HLM ต. อ.</c>: the sender's profile (new, or the roster entry of that name), and a reply saying what was kept.</summary>
internal sealed class RegistrationReceived(
    ReporterStore reporters,
    ReporterResolver resolver,
    MessageReplier replier,
    RichMenuLinker richMenus,
    BotClock clock,
    ILogger<RegistrationReceived> logger)
{
    public async Task HandleAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        if (context.UserId is not { } userId)
        {
            await replier.QuoteAsync(context, RegistrationReplies.NeedsUser, cancellationToken);
            return;
        }

        if (parsed.Errors.Count > 0 || parsed.Reporter is not { } name)
        {
            await replier.QuoteAsync(context, RegistrationReplies.Errors(parsed), cancellationToken);
            return;
        }

        var existing = await ExistingAsync(userId, name, cancellationToken);
        // Expected from the day they register (a roster entry keeps its own start; someone who had left starts again).
        var today = clock.DateOf(context.Event.Timestamp);
        var reporter = (existing ?? new Reporter { Id = userId, Name = name, StartDate = today }) with { Name = name, UserId = userId };
        if (reporter.EndDate is not null || reporter.StartDate is null)
        {
            reporter = reporter with { StartDate = today, EndDate = null };
        }

        reporter = reporter.WithSite(parsed.Site);
        // Stored before any LINE call; the display name follows when LINE answers.
        await reporters.SaveAsync(reporter, cancellationToken);
        Log.Registered(logger, reporter.Id, existing is not null);
        reporter = await resolver.EnrichAsync(context, reporter, cancellationToken);
        await replier.QuoteAsync(context, RegistrationReplies.Registered(reporter, existing is not null), cancellationToken);
        await richMenus.LinkAsync(reporter, cancellationToken);
    }

    /// <summary>The sender's own profile, else a roster entry of that name not yet linked to someone else.</summary>
    private async Task<Reporter?> ExistingAsync(string userId, string name, CancellationToken cancellationToken)
    {
        if (await reporters.FindByUserIdAsync(userId, cancellationToken) is { } own)
        {
            return own;
        }

        return await reporters.FindByNameAsync(name, cancellationToken) is { } listed && (listed.UserId is null || listed.UserId == userId)
            ? listed
            : null;
    }
}
