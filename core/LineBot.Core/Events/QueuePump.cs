using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LineBot.Configuration;
using LineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Events;

/// <summary>
/// The queue trigger of <c>linebot serve</c>: keeps up to <see cref="WorkerOptions.MaxConcurrency"/> messages in
/// flight (one sender's events in one chat one at a time, in order: <see cref="OrderKey"/>), receives more as slots
/// free up, retries failures after <see cref="WorkerOptions.RetryDelay"/> and poisons a message after MaxAttempts —
/// the contract the Functions host gives the queue trigger. A message is invisible for
/// <see cref="WorkerOptions.VisibilityTimeout"/> (shorter than a reply token's life, so the events of a killed
/// process come back while they can still be answered), renewed while its handler runs.
/// </summary>
internal sealed class QueuePump(
    StorageClients storage,
    StorageNames names,
    EventWorker worker,
    PoisonStore poison,
    KeyedGate order,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    ILogger<QueuePump> logger) : BackgroundService
{
    /// <summary>An event claimed elsewhere is looked at again this soon: the claim's lease is short.</summary>
    internal static readonly TimeSpan BusyRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        var inFlight = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < settings.BatchSize && slots.Wait(0))
                {
                    free++;
                }

                QueueMessage[] batch;
                QueueClient queue;
                try
                {
                    queue = await storage.QueueAsync(names.EventsQueue, stoppingToken);
                    batch = (await queue.ReceiveMessagesAsync(free, settings.VisibilityTimeout, stoppingToken)).Value;
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or TimeoutException
                                               || ex is OperationCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    // Storage down: keep polling, it may come back.
                    Log.PollFailed(logger, ex);
                    batch = [];
                    queue = null!;
                }

                if (free > batch.Length)
                {
                    slots.Release(free - batch.Length);
                }
                lock (inFlight)
                {
                    // Oldest first within one sender, so that the per-sender gate lets them through in order.
                    foreach (var message in batch.OrderBy(m => m.InsertedOn))
                    {
                        var task = RunAsync(queue, message, slots, stoppingToken);
                        inFlight.Add(task);
                        _ = task.ContinueWith(t => { lock (inFlight) { inFlight.Remove(t); } }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    }
                }

                if (batch.Length == 0)
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is in flight finishes (or is cancelled) below; the rest reappears on the queue.
        }

        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }

        await Task.WhenAll(pending);
    }

    private async Task RunAsync(QueueClient queue, QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await HandleAsync(queue, message, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Never thrown out of a message: one failure hides nothing else, and the message reappears by itself.
            Log.Failed(logger, message.MessageId, message.DequeueCount, ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the message reappears after its visibility window.
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>One message: the worker, then delete; on failure, retry later or poison. Storage failures here are the caller's to log.</summary>
    internal async Task HandleAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var gate = await order.EnterAsync(OrderKey.Of(message.MessageText), cancellationToken);
        var lease = new Lease(queue, message, settings.VisibilityTimeout, time, cancellationToken);
        try
        {
            await worker.ProcessAsync(message.MessageText, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var receipt = await lease.StopAsync();
            Log.Failed(logger, message.MessageId, message.DequeueCount, ex);
            // "Busy" is no failure of the event: its claim's holder finishes it, or the claim's lease runs out and the
            // next look takes it over. Counting those looks as tries poisoned events a killed worker had taken.
            if (ex is PoisonMessageException || (message.DequeueCount >= settings.MaxAttempts && ex is not EventBusyException))
            {
                await poison.PoisonAsync(message.MessageText, $"{ex.GetType().Name}: {ex.Message}", message.DequeueCount, cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, receipt, cancellationToken);
            }
            else
            {
                var delay = ex is EventBusyException && settings.RetryDelay > BusyRetryDelay ? BusyRetryDelay : settings.RetryDelay;
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
            }

            return;
        }

        await queue.DeleteMessageAsync(message.MessageId, await lease.StopAsync(), cancellationToken);
    }

    /// <summary>Keeps a message invisible while its handler runs (renewing at half the window); yields the latest pop receipt.</summary>
    private sealed class Lease
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _renewing;
        private string _receipt;

        public Lease(QueueClient queue, QueueMessage message, TimeSpan window, TimeProvider time, CancellationToken cancellationToken)
        {
            _receipt = message.PopReceipt;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _renewing = RenewAsync(queue, message.MessageId, window, time, _stop.Token);
        }

        public async Task<string> StopAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            return _receipt;
        }

        private async Task RenewAsync(QueueClient queue, string messageId, TimeSpan window, TimeProvider time, CancellationToken token)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(window / 2, time, token);
                    var updated = await queue.UpdateMessageAsync(messageId, _receipt, visibilityTimeout: window, cancellationToken: token);
                    _receipt = updated.Value.PopReceipt;
                }
            }
            catch (OperationCanceledException)
            {
                // Handler done (or stopping).
            }
            catch (RequestFailedException)
            {
                // Could not renew: the message may reappear; the dedupe claim keeps a second run from repeating the work.
            }
        }
    }
}
