using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace LineBot.Tests.Deploy;

/// <summary>
/// Which settings the deployed app reads, gathered from the app itself so that new triggers and options are
/// covered without editing this list: %placeholders% and connections of the triggers (functions.metadata and the
/// [Function] attributes), and the keys of core's options classes. Names are in app-setting form (':' → '__';
/// list items as <c>__{i}</c>).
/// </summary>
internal static partial class AppSettingsReadByApp
{
    /// <summary>Identity-based connection keys the Functions host and core's StorageClients read under a connection name.</summary>
    public static readonly string[] IdentityConnectionKeys =
        ["accountName", "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    public static Assembly FunctionsAssembly => typeof(LineBot.Functions.WebhookFunction).Assembly;

    public static Assembly CoreAssembly => typeof(LineBot.Configuration.BotOptions).Assembly;

    /// <summary>Every [Function] method of the Functions app with its trigger attribute.</summary>
    public static IReadOnlyList<(string Name, Attribute Trigger)> Functions() =>
        FunctionsAssembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => (x.Function!.Name, x.Method.GetParameters()
                .SelectMany(p => p.GetCustomAttributes())
                .Single(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))))
            .ToList();

    /// <summary>functions.metadata binding type for a trigger attribute: HttpTriggerAttribute → httpTrigger.</summary>
    public static string BindingType(Attribute trigger)
    {
        var name = trigger.GetType().Name[..^"Attribute".Length];
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>%Name% placeholders in the triggers' attributes and in functions.metadata.</summary>
    public static IReadOnlySet<string> Placeholders(JsonArray? metadata)
    {
        var texts = Functions().SelectMany(f => f.Trigger.GetType().GetProperties()
                .Where(p => p.PropertyType == typeof(string) && p.CanRead)
                .Select(p => p.GetValue(f.Trigger) as string))
            .Concat(metadata is null ? [] : Strings(metadata));
        return texts.OfType<string>()
            .SelectMany(t => Placeholder().Matches(t).Select(m => ToAppSetting(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Connection names of the triggers (attributes and functions.metadata).</summary>
    public static IReadOnlySet<string> Connections(JsonArray? metadata)
    {
        var fromAttributes = Functions()
            .Select(f => f.Trigger.GetType().GetProperty("Connection")?.GetValue(f.Trigger) as string);
        var fromMetadata = metadata is null ? [] : metadata.OfType<JsonObject>()
            .SelectMany(f => f["bindings"]!.AsArray().OfType<JsonObject>())
            .Select(b => (string?)b["connection"]);
        return fromAttributes.Concat(fromMetadata).OfType<string>().Where(c => c.Length > 0)
            .Select(ToAppSetting).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every key of core's options classes (types named *Options with a <c>Section</c> constant).</summary>
    public static IReadOnlySet<string> OptionKeys() =>
        OptionTypes().SelectMany(t => OptionKeys(t)).ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> OptionKeys(Type optionsType)
    {
        var section = (string)optionsType.GetField("Section")!.GetRawConstantValue()!;
        return optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => IsList(p.PropertyType) ? $"{section}__{p.Name}__{{i}}" : $"{section}__{p.Name}");
    }

    public static IEnumerable<Type> OptionTypes() =>
        CoreAssembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)
            && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    public static string ToAppSetting(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
