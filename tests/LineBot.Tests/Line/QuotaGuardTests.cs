using LineBot.Line;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Line;

public sealed class QuotaGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    private LineMock Start(long limit, long used)
    {
        var line = LineMock.Start(configure: s => s.AddSingleton<TimeProvider>(_time));
        line.Server.Answer("GET", "/api/v2/bot/message/quota", Http.Json(200, $$"""{"type":"limited","value":{{limit}}}"""));
        line.Server.Answer("GET", "/api/v2/bot/message/quota/consumption", Http.Json(200, $$"""{"totalUsage":{{used}}}"""));
        line.Server.Answer("GET", "/api/v2/bot/group/Cbig/members/count", Http.Json(200, """{"count":40}"""));
        line.Server.Answer("GET", "/api/v2/bot/group/Csmall/members/count", Http.Json(200, """{"count":8}"""));
        return line;
    }

    [Fact]
    public async Task CanAffordPush_GroupCostsItsMemberCount()
    {
        await using var line = Start(limit: 200, used: 170);
        var guard = line.Services.GetRequiredService<QuotaGuard>();

        Assert.False(await guard.CanAffordPushAsync("Cbig", default));
        Assert.True(await guard.CanAffordPushAsync("Csmall", default));
        Assert.True(await guard.CanAffordPushAsync("Uuser", default));
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task CanAffordPush_ApprovalsSpendTheCachedQuota_UntilRefetchAfterTtl()
    {
        await using var line = Start(limit: 200, used: 180);
        var guard = line.Services.GetRequiredService<QuotaGuard>();

        Assert.True(await guard.CanAffordPushAsync("Csmall", default)); // 20 left → 12
        Assert.True(await guard.CanAffordPushAsync("Csmall", default)); // 12 → 4
        Assert.False(await guard.CanAffordPushAsync("Csmall", default)); // 4 < 8
        Assert.Single(line.ApiRequests("/v2/bot/message/quota"));
        Assert.Single(line.ApiRequests("/v2/bot/group/Csmall/members/count"));

        _time.Advance(QuotaGuard.QuotaTtl + TimeSpan.FromSeconds(1));
        Assert.True(await guard.CanAffordPushAsync("Csmall", default)); // LINE still says 20 left
        Assert.Equal(2, line.ApiRequests("/v2/bot/message/quota").Count);
        Assert.Single(line.ApiRequests("/v2/bot/group/Csmall/members/count"));
    }

    [Fact]
    public async Task CanAffordPush_UnlimitedPlan_AlwaysYes()
    {
        await using var line = LineMock.Start(configure: s => s.AddSingleton<TimeProvider>(_time));
        line.Server.Answer("GET", "/api/v2/bot/message/quota", Http.Json(200, """{"type":"none"}"""));
        line.Server.Answer("GET", "/api/v2/bot/group/C1/members/count", Http.Json(200, """{"count":500}"""));

        Assert.True(await line.Services.GetRequiredService<QuotaGuard>().CanAffordPushAsync("C1", default));
        Assert.Empty(line.ApiRequests("/v2/bot/message/quota/consumption"));
    }

    [Fact]
    public async Task CanAffordPush_QuotaUnreadable_No()
    {
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Line:Http:MaxRetries"] = "0" }, configure: s => s.AddSingleton<TimeProvider>(_time));
        line.Server.Answer("GET", "/api/v2/bot/message/quota", Http.Error(401, "Authentication failed"));

        Assert.False(await line.Services.GetRequiredService<QuotaGuard>().CanAffordPushAsync("U1", default));
    }
}
