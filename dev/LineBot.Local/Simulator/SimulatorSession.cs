using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LineBot.LineStandIn;

namespace LineBot.Simulator;

/// <summary>A member of the simulated group. <see cref="Role"/> is a hint for people (นพต., ผู้บริหาร), not a permission.</summary>
internal sealed record SimulatorMember(string UserId, string Name, string Role);

/// <summary>One entry of the simulator's own side of the timeline (what members sent, notes about jobs and the clock).</summary>
internal sealed class SimulatorEntry
{
    public required long Seq { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Kind { get; init; }
    public string? UserId { get; init; }
    public string? MessageId { get; init; }
    public string? MessageType { get; init; }
    public string? Text { get; set; }
    public IReadOnlyList<string> ImageIds { get; init; } = [];
    public JsonObject? Location { get; init; }
    public bool Edited { get; set; }
    public bool Unsent { get; set; }
    public IReadOnlyList<string> EventIds { get; init; } = [];
}

/// <summary>The simulated group chat: its members and what they sent (kept in memory, like the stand-in).</summary>
internal sealed class SimulatorSession
{
    /// <summary>The seeded admin member; local mode makes this ID a bot admin so admin commands can be tried.</summary>
    public const string AdminUserId = "U5a11ad000000000000000000000000a1";
    public const string DefaultGroupId = "C5a1000000000000000000000000000g1";
    private const int Capacity = 2000;

    private readonly Lock gate = new();
    private readonly List<SimulatorMember> members = [];
    private readonly LinkedList<SimulatorEntry> entries = new();
    private readonly StandInState standIn;

    public SimulatorSession(StandInState standIn)
    {
        this.standIn = standIn;
        standIn.NameGroup(GroupId, "พช.อำเภอทดลอง (จำลอง)");
        Add("สมชาย ใจดี", "นพต.");
        Add("สุดา รักงาน", "นพต.");
        Add("วิชัย ผู้อำนวยการ", "ผู้บริหาร", AdminUserId);
    }

    public string GroupId { get; } = DefaultGroupId;

    public IReadOnlyList<SimulatorMember> Members
    {
        get
        {
            lock (gate)
            {
                return [.. members];
            }
        }
    }

    public SimulatorMember Add(string name, string role, string? userId = null)
    {
        var member = new SimulatorMember(userId ?? NewUserId(), name.Trim(), role.Trim());
        lock (gate)
        {
            members.RemoveAll(m => m.UserId == member.UserId);
            members.Add(member);
        }

        standIn.AddProfile(new StandInProfile(member.UserId, member.Name));
        return member;
    }

    public SimulatorMember? Member(string userId)
    {
        lock (gate)
        {
            return members.FirstOrDefault(m => m.UserId == userId);
        }
    }

    public SimulatorEntry Append(Func<long, SimulatorEntry> create)
    {
        lock (gate)
        {
            var entry = create(standIn.NextSeq());
            entries.AddLast(entry);
            while (entries.Count > Capacity)
            {
                entries.RemoveFirst();
            }

            return entry;
        }
    }

    public SimulatorEntry? Sent(string messageId)
    {
        lock (gate)
        {
            return entries.FirstOrDefault(e => e.MessageId == messageId || e.ImageIds.Contains(messageId));
        }
    }

    public IReadOnlyList<SimulatorEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    // LINE user IDs: "U" and 32 lower-case hex digits.
    private static string NewUserId() => "U" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
