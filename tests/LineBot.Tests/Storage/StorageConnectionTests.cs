using Azure.Identity;
using LineBot.Storage;
using Microsoft.Extensions.Configuration;

namespace LineBot.Tests.Storage;

/// <summary>Which endpoints and which kind of authentication <c>AzureWebJobsStorage</c> settings select (no network).</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void AccountName_SelectsThePublicCloudEndpointsWithDefaultAzureCredential()
    {
        var connection = Read(("AzureWebJobsStorage:accountName", "stlinebot"));

        var identity = Assert.IsType<StorageConnection.WithIdentity>(connection);
        Assert.Equal(new Uri("https://stlinebot.table.core.windows.net"), identity.TableServiceUri);
        Assert.Equal(new Uri("https://stlinebot.blob.core.windows.net"), identity.BlobServiceUri);
        Assert.Equal(new Uri("https://stlinebot.queue.core.windows.net"), identity.QueueServiceUri);
        Assert.Null(identity.ManagedIdentityClientId);
        Assert.IsType<DefaultAzureCredential>(identity.CreateCredential());
    }

    [Fact]
    public void AppSettingForm_DoubleUnderscore_IsReadLikeTheHostReadsIt()
    {
        // App settings reach the app as environment variables: AzureWebJobsStorage__accountName.
        var prefix = "LINEBOT_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", "stfromenv");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var identity = Assert.IsType<StorageConnection.WithIdentity>(StorageConnection.FromConfiguration(configuration, "AzureWebJobsStorage"));
            Assert.Equal("stfromenv.queue.core.windows.net", identity.QueueServiceUri.Host);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", null);
        }
    }

    [Fact]
    public void ServiceUris_AreUsedAsGiven()
    {
        var connection = Read(
            ("AzureWebJobsStorage:tableServiceUri", "https://st1.table.core.chinacloudapi.cn/"),
            ("AzureWebJobsStorage:blobServiceUri", "https://st1.blob.core.chinacloudapi.cn/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://st1.queue.core.chinacloudapi.cn/"));

        var identity = Assert.IsType<StorageConnection.WithIdentity>(connection);
        Assert.Equal("st1.table.core.chinacloudapi.cn", identity.TableServiceUri.Host);
        Assert.Equal("st1.blob.core.chinacloudapi.cn", identity.BlobServiceUri.Host);
        Assert.Equal("st1.queue.core.chinacloudapi.cn", identity.QueueServiceUri.Host);
    }

    [Fact]
    public void ServiceUri_WinsOverAccountName_ForThatServiceOnly()
    {
        var connection = Read(
            ("AzureWebJobsStorage:accountName", "stlinebot"),
            ("AzureWebJobsStorage:blobServiceUri", "https://stlinebot.privatelink.blob.core.windows.net"));

        var identity = Assert.IsType<StorageConnection.WithIdentity>(connection);
        Assert.Equal("stlinebot.privatelink.blob.core.windows.net", identity.BlobServiceUri.Host);
        Assert.Equal("stlinebot.queue.core.windows.net", identity.QueueServiceUri.Host);
        Assert.Equal("stlinebot.table.core.windows.net", identity.TableServiceUri.Host);
    }

    [Fact]
    public void UserAssignedIdentity_NamedByCredentialAndClientId_UsesManagedIdentityCredential()
    {
        var connection = Read(
            ("AzureWebJobsStorage:accountName", "stlinebot"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var identity = Assert.IsType<StorageConnection.WithIdentity>(connection);
        Assert.Equal("00000000-0000-0000-0000-000000000001", identity.ManagedIdentityClientId);
        Assert.IsType<ManagedIdentityCredential>(identity.CreateCredential());
    }

    [Fact]
    public void ClientId_WithoutCredentialManagedIdentity_IsIgnoredAsTheHostIgnoresIt()
    {
        var connection = Read(("AzureWebJobsStorage:accountName", "stlinebot"), ("AzureWebJobsStorage:clientId", "abc"));

        Assert.Null(Assert.IsType<StorageConnection.WithIdentity>(connection).ManagedIdentityClientId);
    }

    [Fact]
    public void ConnectionString_WinsOverIdentityKeys_AndIsNotPrinted()
    {
        var connection = Read(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
            ("AzureWebJobsStorage:accountName", "stlinebot"));

        var withString = Assert.IsType<StorageConnection.WithConnectionString>(connection);
        Assert.Equal("UseDevelopmentStorage=true", withString.Value);
        Assert.DoesNotContain("UseDevelopmentStorage", withString.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SomeServiceUrisWithoutAccountName_FailsNamingTheMissingOnes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(
            ("AzureWebJobsStorage:blobServiceUri", "https://st1.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://st1.queue.core.windows.net")));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1")]
    [InlineData("not a uri")]
    public void ServiceUri_NotHttps_Fails(string uri)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(
            ("AzureWebJobsStorage:accountName", "stlinebot"),
            ("AzureWebJobsStorage:tableServiceUri", uri)));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingSet_FailsWithBothWaysToSetIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("AzureWebJobsStorage", " ")));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    private static StorageConnection Read(params (string Key, string Value)[] settings) =>
        StorageConnection.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            "AzureWebJobsStorage");
}
