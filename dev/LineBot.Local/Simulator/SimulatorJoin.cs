using System.Text.Json.Nodes;

namespace LineBot.Simulator;

/// <summary>
/// The bot's own <c>join</c> for the simulated group, sent once at the start of a session (the page loading, or the
/// first action), as LINE sends it when a bot is invited: the bot then knows the group, so the jobs push to it.
/// </summary>
internal sealed class SimulatorJoin(SimulatorSession session, SimulatorWebhook webhook)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? eventId;

    /// <summary>The join's webhookEventId once LINE (the webhook) accepted it.</summary>
    public string? EventId => Volatile.Read(ref eventId);

    public async Task<string?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (EventId is { } done)
        {
            return done;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (EventId is { } raced)
            {
                return raced;
            }

            var evt = webhook.JoinEvent(session.GroupId);
            var id = evt["webhookEventId"]!.GetValue<string>();
            if (await webhook.PostAsync([evt], cancellationToken) != 200)
            {
                return null;
            }

            session.Append(seq => new SimulatorEntry { Seq = seq, At = webhook.Now, Kind = "note", Text = "บอทเข้าร่วมกลุ่ม", EventIds = [id] });
            Volatile.Write(ref eventId, id);
            return id;
        }
        finally
        {
            gate.Release();
        }
    }
}
