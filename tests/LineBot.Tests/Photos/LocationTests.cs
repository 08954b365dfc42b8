using System.Globalization;
using System.Text.Json.Nodes;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Photos;

public sealed class LocationTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static JsonObject LocationEvent(long timestamp, double lat, double lng, string title, string address) =>
        WebhookBuilder.Event("message", PhotoHarness.Group, PhotoHarness.User, timestamp, extra: new()
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = new JsonObject
            {
                ["type"] = "location",
                ["id"] = PhotoHarness.NewMessageId(),
                ["title"] = title,
                ["address"] = address,
                ["latitude"] = lat,
                ["longitude"] = lng,
            },
        });

    [Fact]
    public async Task Location_UpdatesProfileHistoryAndTheDaysReport_LaterOneWins()
    {
        await using var h = PhotoHarness.Start();
        await h.Reporters.SaveAsync(new Reporter { Id = PhotoHarness.User, Name = "นางสาวทดสอบ ที่ตั้ง", UserId = PhotoHarness.User }, CancellationToken.None);
        await h.SaveReportAsync(Day);

        await h.ProcessAsync(LocationEvent(PhotoHarness.At(Day, 9), 13.6904, 101.0779, "แปลง HLM นายดี", "ต.บางพระ อ.เมืองฉะเชิงเทรา"));
        await h.ProcessAsync(LocationEvent(PhotoHarness.At(Day, 14), 13.7001, 101.1002, "ศูนย์เรียนรู้ CLM", "ต.คลองนา"));
        // An older message arriving late must not overwrite the profile.
        await h.ProcessAsync(LocationEvent(PhotoHarness.At(Day, 7), 13.1, 101.1, "เก่า", "เก่า"));

        var profile = await h.Reporters.GetAsync(PhotoHarness.User, CancellationToken.None);
        Assert.Equal(13.7001, profile!.Latitude);
        Assert.Equal(101.1002, profile.Longitude);
        Assert.Equal("ศูนย์เรียนรู้ CLM", profile.SiteTitle);
        Assert.Equal("ต.คลองนา", profile.SiteAddress);

        var history = await h.Locations.HistoryAsync(PhotoHarness.User, CancellationToken.None);
        Assert.Equal(["เก่า", "แปลง HLM นายดี", "ศูนย์เรียนรู้ CLM"], history.Select(l => l.Title));

        var report = await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None);
        Assert.Equal(13.7001, report!.Latitude);
        Assert.Equal(101.1002, report.Longitude);
    }

    [Fact]
    public async Task LocationBeforeReport_ReachesTheReportWhenItIsAttached()
    {
        await using var h = PhotoHarness.Start();

        await h.ProcessAsync(LocationEvent(PhotoHarness.At(Day, 9), 13.6904, 101.0779, "แปลง", "ต.บางพระ"));
        await h.SaveReportAsync(Day);
        Assert.Null((await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.Latitude);

        Assert.Equal(0, await h.Photos.AttachPendingAsync(PhotoHarness.User, PhotoHarness.User, Day, CancellationToken.None));

        var report = await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None);
        Assert.Equal(13.6904, report!.Latitude);
        Assert.Equal(101.0779, report.Longitude);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void MapLink_UsesDotDecimals_WhateverTheCulture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.Equal("https://www.google.com/maps?q=13.6904,101.0779", MapLink.For(13.6904, 101.0779));
            Assert.Equal("https://www.google.com/maps?q=-33.5,-70.25", MapLink.For(-33.5, -70.25));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
