using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineBot.Cli;

/// <summary>
/// Plays a <see cref="ConversationScript"/> through a local-mode bot's simulator API (so every step is a
/// signed webhook, as from LINE), waits for the bot to process each event, and writes the transcript.
/// </summary>
internal sealed class SimulateRunner(HttpClient http, TextWriter output, string baseDirectory, TimeSpan? eventTimeout = null)
{
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
    private static readonly CultureInfo Thai = new("th-TH");
    private readonly TimeSpan timeout = eventTimeout ?? TimeSpan.FromSeconds(20);
    private readonly Dictionary<string, string> userIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private long lastSeq;

    /// <summary>Number of events the bot did not finish within the timeout (0 when all were processed).</summary>
    public int Unprocessed { get; private set; }

    public async Task RunAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        // Start after whatever the timeline already holds (a running bot may have history).
        using (var probe = await http.GetAsync("simulator/api/timeline", cancellationToken))
        {
            if (!probe.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"No simulator at {http.BaseAddress} (HTTP {(int)probe.StatusCode}); the bot must run in local mode (no Line:ChannelAccessToken).");
            }

            lastSeq = ((JsonNode.Parse(await probe.Content.ReadAsStringAsync(cancellationToken)) as JsonArray) ?? []).Select(i => i?["seq"]?.GetValue<long>() ?? 0).DefaultIfEmpty(0).Max();
        }

        if (script.Title is not null)
        {
            await output.WriteLineAsync("# " + script.Title);
        }

        if (script.Start is { } start)
        {
            await PostAsync("simulator/api/clock", new JsonObject { ["set"] = start.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken);
        }

        // A session begins with the bot's join (sent by the simulator, once): wait until the bot knows its group.
        var state = await http.GetFromJsonAsync<JsonObject>("simulator/api/state", cancellationToken) ?? [];
        if (state["joinEventId"]?.GetValue<string>() is { } joined)
        {
            await WaitForEventsAsync(new JsonObject { ["eventIds"] = new JsonArray(joined) }, cancellationToken);
        }

        foreach (var member in script.Members)
        {
            var added = await PostAsync("simulator/api/members", new JsonObject { ["name"] = member.Name, ["role"] = member.Role, ["userId"] = member.UserId }, cancellationToken);
            userIds[member.Key] = added["userId"]!.GetValue<string>();
            names[member.Key] = member.Name;
            await WaitForEventsAsync(added, cancellationToken);
        }

        await PrintNewAsync(cancellationToken);
        foreach (var step in script.Steps)
        {
            await RunStepAsync(step, cancellationToken);
            await PrintNewAsync(cancellationToken);
        }
    }

    private async Task RunStepAsync(ConversationStep step, CancellationToken ct)
    {
        var from = step.From is null ? null : userIds[step.From];
        JsonObject? result = null;
        switch (step.Kind)
        {
            case StepKind.Text:
                result = await PostAsync("simulator/api/messages", new JsonObject { ["userId"] = from, ["text"] = step.Text }, ct);
                break;
            case StepKind.Photos:
                result = await PostPhotosAsync(from!, step.Photos!, ct);
                break;
            case StepKind.Location:
                var l = step.Location!;
                result = await PostAsync("simulator/api/locations", new JsonObject { ["userId"] = from, ["latitude"] = l.Latitude, ["longitude"] = l.Longitude, ["address"] = l.Address ?? "", ["title"] = l.Title ?? "" }, ct);
                break;
            case StepKind.Edit:
                result = await PostAsync($"simulator/api/messages/{labels[step.Edit!]}/edit", new JsonObject { ["text"] = step.Text }, ct);
                await output.WriteLineAsync($"{Stamp(null)} {names[step.From!]} แก้ไขข้อความเป็น: {Indent(step.Text!)}");
                break;
            case StepKind.Unsend:
                result = await PostAsync($"simulator/api/messages/{labels[step.Unsend!]}/unsend", null, ct);
                await output.WriteLineAsync($"{Stamp(null)} {(step.From is null ? "" : names[step.From] + " ")}ยกเลิกข้อความ ({step.Unsend})");
                break;
            case StepKind.Clock:
                await PostAsync("simulator/api/clock", new JsonObject { ["set"] = step.Clock!.Value.ToString("O", CultureInfo.InvariantCulture) }, ct);
                break;
            case StepKind.Advance:
                await PostAsync("simulator/api/clock", new JsonObject { ["advanceMinutes"] = step.Advance!.Value.TotalMinutes }, ct);
                break;
            case StepKind.Job:
                await PostAsync($"simulator/api/jobs/{Uri.EscapeDataString(step.Job!)}", null, ct, allowNotImplemented: true);
                break;
            case StepKind.Wait:
                await Task.Delay(step.Wait!.Value, ct);
                break;
            case StepKind.Note:
                await output.WriteLineAsync("-- " + step.Note);
                break;
        }

        if (result is not null)
        {
            if (step.Label is not null && result["messageId"]?.GetValue<string>() is { } id)
            {
                labels[step.Label] = id;
            }

            await WaitForEventsAsync(result, ct);
        }
    }

    private async Task<JsonObject> PostPhotosAsync(string userId, IReadOnlyList<string> photos, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new StringContent(userId), "userId" } };
        foreach (var photo in photos)
        {
            var path = Path.Combine(baseDirectory, photo);
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path, ct));
            file.Headers.ContentType = new MediaTypeHeaderValue(Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".png" => "image/png",
                ".gif" => "image/gif",
                ".webp" => "image/webp",
                _ => "image/jpeg",
            });
            form.Add(file, "files", Path.GetFileName(path));
        }

        using var response = await http.PostAsync("simulator/api/photos", form, ct);
        return await ReadAsync(response, false, ct);
    }

    /// <summary>Waits until the bot finished every event the step produced, so its answers are in the record.</summary>
    private async Task WaitForEventsAsync(JsonObject result, CancellationToken ct)
    {
        var status = result["status"]?.GetValue<int>();
        if (status is not null and not 200)
        {
            await output.WriteLineAsync($"   (webhook ตอบ HTTP {status})");
            return;
        }

        foreach (var id in (result["eventIds"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var state = await http.GetFromJsonAsync<JsonObject>($"simulator/api/events/{id}", ct);
                if (state?["done"]?.GetValue<bool>() == true)
                {
                    break;
                }

                if (clock.Elapsed > timeout)
                {
                    Unprocessed++;
                    await output.WriteLineAsync($"   (บอทยังไม่ได้ประมวลผลเหตุการณ์ {id} ภายใน {timeout.TotalSeconds:0} วินาที)");
                    break;
                }

                await Task.Delay(100, ct);
            }
        }
    }

    private async Task PrintNewAsync(CancellationToken ct)
    {
        foreach (var item in await GetArrayAsync($"simulator/api/timeline?after={lastSeq}", ct))
        {
            lastSeq = Math.Max(lastSeq, item!["seq"]!.GetValue<long>());
            var at = Stamp(item["at"]?.GetValue<string>());
            switch (item["kind"]?.GetValue<string>())
            {
                case "user":
                    await output.WriteLineAsync($"{at} {item["name"]}: {Indent(UserText(item))}");
                    break;
                case "note":
                    await output.WriteLineAsync($"{at} -- {item["text"]}");
                    break;
                default:
                    var to = item["to"]?.GetValue<string>();
                    var kind = item["kind"]!.GetValue<string>() switch
                    {
                        "reply" => "ตอบ",
                        "push" when to is not null && to.StartsWith('U') => "ส่งส่วนตัวถึง " + (names.GetValueOrDefault(userIds.FirstOrDefault(u => u.Value == to).Key ?? "") ?? to),
                        "push" => "ส่งเข้ากลุ่ม",
                        var k => k,
                    };
                    foreach (var message in item["messages"] as JsonArray ?? [])
                    {
                        var text = message?["text"]?.GetValue<string>() ?? "";
                        await output.WriteLineAsync($"{at}   บอท ({kind}): {Indent(text)}");
                    }

                    break;
            }
        }
    }

    // Continuation lines of a multi-line message sit under its first line, not at the margin.
    private static string Indent(string text) => text.Replace("\n", "\n                    ", StringComparison.Ordinal);

    private static string UserText(JsonNode item) => item["type"]?.GetValue<string>() switch
    {
        "image" => $"[รูป {item["images"]!.AsArray().Count} รูป]",
        "location" => $"[ตำแหน่ง] {item["location"]?["address"]} ({item["location"]?["latitude"]}, {item["location"]?["longitude"]})",
        _ => item["text"]?.GetValue<string>() ?? "",
    };

    private static string Stamp(string? at)
    {
        if (at is null || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return "          ";
        }

        return "[" + TimeZoneInfo.ConvertTime(time, Bangkok).ToString("ddd d MMM HH:mm", Thai) + "]";
    }

    private async Task<JsonArray> GetArrayAsync(string path, CancellationToken ct) =>
        (JsonNode.Parse(await http.GetStringAsync(path, ct)) as JsonArray) ?? [];

    private async Task<JsonObject> PostAsync(string path, JsonObject? body, CancellationToken ct, bool allowNotImplemented = false)
    {
        using var content = new StringContent(body?.ToJsonString() ?? "{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content, ct);
        return await ReadAsync(response, allowNotImplemented, ct);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, bool allowNotImplemented, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (!response.IsSuccessStatusCode && !(allowNotImplemented && (int)response.StatusCode == 501))
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: HTTP {(int)response.StatusCode} {json?["error"] ?? text}");
        }

        return json ?? [];
    }
}
