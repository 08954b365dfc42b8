using System.Text;
using LineBot.Configuration;
using LineBot.Webhook;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Webhook;

public sealed class SignatureValidatorTests
{
    private const string Secret = "channel-secret-current";
    private const string Previous = "channel-secret-previous";

    private static SignatureValidator Validator(string secret = Secret, string? previous = null) =>
        new(new StaticMonitor(new LineOptions { ChannelSecret = secret, PreviousChannelSecret = previous }));

    [Fact]
    public void IsValid_SignatureOfRawBody_True()
    {
        var body = Encoding.UTF8.GetBytes("""{"destination":"U1","events":[]}""");
        Assert.True(Validator().IsValid(body, SignatureValidator.Sign(Secret, body)));
    }

    [Fact]
    public void IsValid_WrongSecret_False()
    {
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        Assert.False(Validator().IsValid(body, SignatureValidator.Sign("another-secret", body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void IsValid_MissingOrMalformedHeader_False(string? header)
    {
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        Assert.False(Validator().IsValid(body, header));
    }

    [Fact]
    public void IsValid_TamperedBody_False()
    {
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        var signature = SignatureValidator.Sign(Secret, body);
        var tampered = Encoding.UTF8.GetBytes("""{"events":[ ]}""");
        Assert.False(Validator().IsValid(tampered, signature));
    }

    [Fact]
    public void IsValid_RotatedSecret_AcceptsPreviousAndCurrent()
    {
        var body = Encoding.UTF8.GetBytes("""{"events":[]}""");
        var validator = Validator(Secret, Previous);
        Assert.True(validator.IsValid(body, SignatureValidator.Sign(Previous, body)));
        Assert.True(validator.IsValid(body, SignatureValidator.Sign(Secret, body)));
        Assert.False(Validator(Secret).IsValid(body, SignatureValidator.Sign(Previous, body)));
    }

    [Fact]
    public void IsValid_EmojiBody_HashesRawBytesNotReserialisedJson()
    {
        // LINE escapes emoji as \uD83D\uDE00 in the body; re-serialising would produce different bytes.
        var raw = Encoding.UTF8.GetBytes("{\"destination\":\"U1\",\"events\":[{\"type\":\"message\",\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"\\uD83D\\uDE00 \u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\"}}]}");
        var signature = SignatureValidator.Sign(Secret, raw);
        var reserialised = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(raw).RootElement));
        Assert.True(Validator().IsValid(raw, signature));
        Assert.NotEqual(raw, reserialised);
        Assert.False(Validator().IsValid(reserialised, signature));
    }

    [Fact]
    public void IsValid_SignatureWithSurroundingWhitespace_True()
    {
        var body = Encoding.UTF8.GetBytes("{}");
        Assert.True(Validator().IsValid(body, " " + SignatureValidator.Sign(Secret, body) + " "));
    }

    private sealed class StaticMonitor(LineOptions value) : IOptionsMonitor<LineOptions>
    {
        public LineOptions CurrentValue => value;

        public LineOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<LineOptions, string?> listener) => null;
    }
}
