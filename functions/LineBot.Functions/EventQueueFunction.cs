using LineBot.Events;
using Microsoft.Azure.Functions.Worker;

namespace LineBot.Functions;

/// <summary>
/// One queue message → <see cref="EventWorker"/>. A throw makes the host retry; on the last attempt
/// (host.json maxDequeueCount) the reason is recorded before the host moves the message to line-events-poison.
/// </summary>
internal sealed class EventQueueFunction(EventWorker worker, PoisonStore poison)
{
    internal const int MaxDequeueCount = 5;

    [Function("LineEventWorker")]
    public async Task RunAsync(
        [QueueTrigger("line-events", Connection = "AzureWebJobsStorage")] string message,
        long dequeueCount,
        CancellationToken cancellationToken)
    {
        try
        {
            await worker.ProcessAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is PoisonMessageException || dequeueCount >= MaxDequeueCount)
        {
            await poison.PoisonAsync(message, $"{ex.GetType().Name}: {ex.Message}", dequeueCount, cancellationToken);
        }
    }
}
