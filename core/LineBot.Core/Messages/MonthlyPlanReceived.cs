using LineBot.Events;
using LineBot.Line;
using LineBot.Reports;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>A monthly work plan: kept under its reporter (a re-send is a new version) and acknowledged.</summary>
internal sealed class MonthlyPlanReceived(
    ReporterResolver resolver,
    MonthlyPlanStore plans,
    MessageReplier replier,
    ILogger<MonthlyPlanReceived> logger)
{
    public async Task HandleAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        var (reporter, created) = await resolver.ResolveAsync(context, parsed, cancellationToken);
        if (reporter is null)
        {
            await replier.QuoteAsync(context, ReportReplies.NoReporterName, cancellationToken);
            return;
        }

        if (parsed.Month is not { } month || parsed.Plans.Count == 0)
        {
            await replier.QuoteAsync(context, ReportReplies.PlanErrors(parsed), cancellationToken);
            return;
        }

        var plan = await plans.SaveAsync(
            new MonthlyPlan(reporter.Id, month.Year, month.Month, parsed.Plans)
            {
                ReporterName = reporter.Name,
                MessageId = evt.Message!.Id,
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp),
            },
            cancellationToken);
        Log.PlanSaved(logger, reporter.Id, month, plan.Version, created);
        if (created)
        {
            await resolver.EnrichAsync(context, reporter, cancellationToken);
        }
        await replier.QuoteAsync(context, ReportReplies.PlanSaved(plan), cancellationToken);
    }
}
