using System.Net;
using LineBot.Photos;

namespace LineBot.Tests.Photos;

public sealed class PublicAddressConnectorTests
{
    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("203.150.1.10", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void IsPublic_ClassifiesAddresses(string address, bool expected) =>
        Assert.Equal(expected, PublicAddressConnector.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Connect_ToLoopbackWithoutPermission_IsRefusedBeforeAnyByteIsSent()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = PublicAddressConnector.Create(() => false) });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/x"));

        Assert.Contains("public address", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }
}
