using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineBot.Cli;

/// <summary>
/// A conversation file for <c>linebot simulate</c> (JSON): the group's members, then steps in order. A step
/// is one of: a message (<see cref="ConversationStep.Text"/>), photos, a location, an edit or unsend of an
/// earlier labelled message, a clock jump, a job run, a wait, or a note printed into the transcript.
/// <see cref="Start"/> sets the simulator clock before the members join.
/// </summary>
internal sealed record ConversationScript(
    IReadOnlyList<ConversationMember> Members,
    IReadOnlyList<ConversationStep> Steps,
    string? Title = null,
    DateTimeOffset? Start = null)
{
    public static ConversationScript Load(string path)
    {
        using var stream = File.OpenRead(path);
        var script = JsonSerializer.Deserialize(stream, ConversationJsonContext.Default.ConversationScript)
            ?? throw new InvalidDataException($"{path}: empty conversation file.");
        var keys = script.Members.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var step = script.Steps[i];
            if (step.From is not null && !keys.Contains(step.From))
            {
                throw new InvalidDataException($"{path}: step {i + 1}: unknown member '{step.From}'.");
            }

            if ((step.Edit ?? step.Unsend) is { } label && !labels.Contains(label))
            {
                throw new InvalidDataException($"{path}: step {i + 1}: no earlier message labelled '{label}'.");
            }

            if (step.Kind == StepKind.Unknown)
            {
                throw new InvalidDataException($"{path}: step {i + 1}: say what happens (text, photos, location, edit, unsend, clock, advance, job, wait or note).");
            }

            if (step.Kind is StepKind.Text or StepKind.Photos or StepKind.Location or StepKind.Edit && step.From is null)
            {
                throw new InvalidDataException($"{path}: step {i + 1}: 'from' is required.");
            }

            if (step.Label is not null)
            {
                labels.Add(step.Label);
            }
        }

        return script;
    }
}

/// <summary>
/// A member: <see cref="Key"/> is how steps refer to them; the user ID is generated unless given (e.g. the ID local
/// mode makes an admin, so the script can use admin commands).
/// </summary>
internal sealed record ConversationMember(string Key, string Name, string Role = "นพต.", string? UserId = null);

internal enum StepKind
{
    Unknown,
    Text,
    Photos,
    Location,
    Edit,
    Unsend,
    Clock,
    Advance,
    Job,
    Wait,
    Note,
}

internal sealed record ConversationStep
{
    public string? From { get; init; }
    public string? Text { get; init; }

    /// <summary>Names this message so a later step can edit or unsend it.</summary>
    public string? Label { get; init; }

    /// <summary>Photo files, relative to the conversation file; several make one imageSet.</summary>
    public IReadOnlyList<string>? Photos { get; init; }
    public ConversationLocation? Location { get; init; }

    /// <summary>Label of the message to edit (with <see cref="Text"/> as the new text).</summary>
    public string? Edit { get; init; }
    public string? Unsend { get; init; }

    /// <summary>Set the clock, e.g. 2026-11-30T08:00:00+07:00.</summary>
    public DateTimeOffset? Clock { get; init; }

    /// <summary>Move the clock forward, e.g. "2.00:00:00" for two days.</summary>
    public TimeSpan? Advance { get; init; }
    public string? Job { get; init; }
    public TimeSpan? Wait { get; init; }
    public string? Note { get; init; }

    [JsonIgnore]
    public StepKind Kind => this switch
    {
        { Edit: not null } => StepKind.Edit,
        { Unsend: not null } => StepKind.Unsend,
        { Photos.Count: > 0 } => StepKind.Photos,
        { Location: not null } => StepKind.Location,
        { Text: not null } => StepKind.Text,
        { Clock: not null } => StepKind.Clock,
        { Advance: not null } => StepKind.Advance,
        { Job: not null } => StepKind.Job,
        { Wait: not null } => StepKind.Wait,
        { Note: not null } => StepKind.Note,
        _ => StepKind.Unknown,
    };
}

internal sealed record ConversationLocation(double Latitude, double Longitude, string? Address = null, string? Title = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ConversationScript))]
internal sealed partial class ConversationJsonContext : JsonSerializerContext;
