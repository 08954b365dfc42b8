using LineBot.LineStandIn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LineBot.Tests.LineStandIn;

public sealed class LocalLineAddressTests
{
    [Theory]
    [InlineData("http://0.0.0.0:7071", "http://127.0.0.1:7071/_line/")]
    [InlineData("http://[::]:7071", "http://127.0.0.1:7071/_line/")]
    [InlineData("http://localhost:5000", "http://127.0.0.1:5000/_line/")]
    [InlineData("http://127.0.0.1:41234/", "http://127.0.0.1:41234/_line/")]
    public void LineBase_WildcardOrLoopbackAddress_IsLoopbackStandIn(string bound, string expected)
    {
        var address = new LocalLineAddress(new FakeServer(bound));

        Assert.Equal(new Uri(expected), address.LineBase);
    }

    [Fact]
    public void LineBase_BeforeThePortIsBound_Throws()
    {
        var address = new LocalLineAddress(new FakeServer("http://127.0.0.1:0"));

        Assert.Throws<InvalidOperationException>(() => address.LineBase);
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
