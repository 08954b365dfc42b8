using System.Net;
using Azure.Storage.Blobs;
using LineBot.Exports;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Exports;

public sealed class ExportStoreTests
{
    [Fact]
    public async Task Upload_SasLinkDownloadsTheFile_ContainerStaysPrivate()
    {
        // The SAS is signed at the real time: Azurite checks it against its own clock.
        var now = TimeProvider.System.GetUtcNow();
        await using var services = CoreServices.Build(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        var store = services.GetRequiredService<ExportStore>();
        var content = WeeklyExport.Csv([]);

        var link = await store.UploadAsync("สรุป-สัปดาห์ 2569.csv", content, Workbook.CsvContentType, cancellationToken: CancellationToken.None);

        Assert.Equal(now + ExportStore.DefaultValidity, link.ExpiresOn);
        using var http = new HttpClient();
        using var response = await http.GetAsync(link.Uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        // Without the SAS query: anonymous access is refused.
        var anonymous = new UriBuilder(link.Uri) { Query = "" }.Uri;
        using var denied = await http.GetAsync(anonymous);
        Assert.False(denied.IsSuccessStatusCode);
        Assert.Contains(denied.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized });

        var container = services.Storage().Blobs.GetBlobContainerClient(services.Names().ExportsContainer);
        var access = await container.GetAccessPolicyAsync();
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, access.Value.BlobPublicAccess);
    }

    [Fact]
    public async Task Upload_ExpiredLink_IsRefused()
    {
        var now = TimeProvider.System.GetUtcNow();
        await using var services = CoreServices.Build(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now.AddDays(-8))));
        var store = services.GetRequiredService<ExportStore>();

        var link = await store.UploadAsync("old.csv", [1, 2, 3], Workbook.CsvContentType, cancellationToken: CancellationToken.None);

        using var http = new HttpClient();
        using var response = await http.GetAsync(link.Uri);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void SafeFileName_KeepsThaiLettersDropsSeparators() =>
        Assert.Equal("สรุป_สัปดาห์_2569.xlsx", ExportStore.SafeFileName("สรุป/สัปดาห์ 2569.xlsx"));
}
