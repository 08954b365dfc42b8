using System.Text.Json.Nodes;
using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Line;

/// <summary>
/// The one place the bot's voice is applied: <see cref="LineMessagingClient"/> passes every reply, push and
/// multicast through <see cref="Speak"/> just before it becomes LINE's JSON, so no feature can send a message in
/// another voice. Texts, Flex alt texts and texts, and button labels are spoken (<see cref="ThaiPersona"/>);
/// postback data, display texts and URIs are commands and links, never touched. Nothing changes with the default
/// particle, and the particle never reaches a retry key (those belong to the logical message, not its words).
/// </summary>
internal sealed class Persona(IOptionsMonitor<BotOptions> options)
{
    private static readonly HashSet<string> SpokenFlexProperties = ["text", "altText", "label"];

    public IReadOnlyList<LineMessage> Speak(IReadOnlyList<LineMessage> messages)
    {
        var particle = options.CurrentValue.Particle;
        return particle == ThaiPersona.Male ? messages : [.. messages.Select(m => Speak(m, particle))];
    }

    private static LineMessage Speak(LineMessage message, string particle)
    {
        string Say(string text) => ThaiPersona.Speak(text, particle, message.Verbatim);
        var spoken = message switch
        {
            TextMessage text => text with { Text = Say(text.Text) },
            TextV2Message text => text with { Text = Say(text.Text) },
            FlexMessage flex => flex with { AltText = Say(flex.AltText), Contents = SpeakFlex(flex.Contents.DeepClone().AsObject(), Say) },
            _ => message,
        };
        return spoken.QuickReply is { } quick
            ? spoken with { QuickReply = new QuickReply([.. quick.Items.Select(i => i with { Action = i.Action with { Label = i.Action.Label is { } l ? Say(l) : null } })]) }
            : spoken;
    }

    private static JsonObject SpeakFlex(JsonObject node, Func<string, string> say)
    {
        foreach (var (name, value) in node.ToList())
        {
            switch (value)
            {
                case JsonValue text when SpokenFlexProperties.Contains(name) && text.TryGetValue<string>(out var said):
                    node[name] = say(said);
                    break;
                case JsonObject child:
                    SpeakFlex(child, say);
                    break;
                case JsonArray array:
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        SpeakFlex(item, say);
                    }

                    break;
            }
        }

        return node;
    }
}
