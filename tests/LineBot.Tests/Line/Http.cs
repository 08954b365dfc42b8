using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LineBot.Tests.Line;

/// <summary>Short WireMock set-ups: a path answers a fixed sequence of responses, the last one repeating.</summary>
internal static class Http
{
    public const string SentMessages = """{"sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b"}]}""";

    public static IResponseBuilder Json(int status, string body, string requestId = "req-1") =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("x-line-request-id", requestId).WithBody(body);

    public static IResponseBuilder Error(int status, string message, string requestId = "req-err") =>
        Json(status, $$"""{"message":"{{message}}"}""", requestId);

    public static void Answer(this WireMockServer server, string method, string path, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var request = Request.Create().WithPath(path).UsingMethod(method);
            if (responses.Length == 1)
            {
                server.Given(request).RespondWith(responses[i]);
                continue;
            }

            var mapping = server.Given(request).InScenario(scenario);
            mapping = i == 0 ? mapping : mapping.WhenStateIs($"s{i}");
            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"s{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }
}

/// <summary>
/// A scripted endpoint for timeouts: WireMock writes its log (and moves scenarios on) only after a delayed response
/// is sent, so this counts requests and their retry keys on arrival and delays in the callback.
/// </summary>
internal sealed class ScriptedEndpoint
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _retryKeys = new();
    private int _calls;

    public ScriptedEndpoint(WireMockServer server, string method, string path, int slowCalls, TimeSpan delay, string body = Http.SentMessages)
    {
        server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Response.Create().WithCallback(async request =>
        {
            var call = Interlocked.Increment(ref _calls);
            _retryKeys.Enqueue(request.Headers?.TryGetValue("X-Line-Retry-Key", out var key) == true ? key.ToString() : null);
            if (call <= slowCalls)
            {
                await Task.Delay(delay);
            }

            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMock.Types.WireMockList<string>>
                {
                    ["Content-Type"] = new("application/json"),
                    ["x-line-request-id"] = new($"req-{call}"),
                },
                BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String },
            };
        }));
    }

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<string?> RetryKeys => [.. _retryKeys];
}
