using Azure;
using LineBot.Configuration;
using LineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Events;

/// <summary>
/// The queue trigger of <c>linebot serve</c>: polls the events queue, runs <see cref="EventWorker"/>, retries
/// failures after <see cref="WorkerOptions.RetryDelay"/> and poisons a message after MaxAttempts — the same
/// contract the Functions host gives the queue trigger.
/// </summary>
internal sealed class QueuePump(
    StorageClients storage,
    StorageNames names,
    EventWorker worker,
    PoisonStore poison,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<QueuePump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await PumpOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                // Storage down: keep polling, it may come back.
                Log.PollFailed(logger, ex);
                handled = 0;
            }

            if (handled == 0)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Receives one batch and handles it; returns how many messages were received.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var queue = await storage.QueueAsync(names.EventsQueue, cancellationToken);
        var batch = await queue.ReceiveMessagesAsync(settings.BatchSize, TimeSpan.FromMinutes(5), cancellationToken);
        foreach (var message in batch.Value)
        {
            try
            {
                await worker.ProcessAsync(message.MessageText, cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.Failed(logger, message.MessageId, message.DequeueCount, ex);
                if (ex is PoisonMessageException || message.DequeueCount >= settings.MaxAttempts)
                {
                    await poison.PoisonAsync(message.MessageText, $"{ex.GetType().Name}: {ex.Message}", message.DequeueCount, cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
                else
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.RetryDelay, cancellationToken: cancellationToken);
                }
            }
        }

        return batch.Value.Length;
    }
}
