using Azure.Data.Tables;
using LineBot.Storage;

namespace LineBot.Groups;

/// <summary>A group the bot is (or was) in.</summary>
internal sealed record GroupRecord(string GroupId, bool Active, DateTimeOffset? JoinedAt, DateTimeOffset? LeftAt)
{
    /// <summary>When the bot first joined (a re-invitation moves <see cref="JoinedAt"/>, never this): go-live.</summary>
    public DateTimeOffset? FirstJoinedAt { get; init; }
}

/// <summary>
/// Groups and their members as seen from webhooks (LINE lists members only for verified accounts).
/// Partition "group" holds one row per group; partition = group ID holds one row per member.
/// </summary>
internal sealed class GroupStore(StorageClients storage, StorageNames names)
{
    private const string GroupPartition = "group";

    public async Task SetGroupAsync(string groupId, bool active, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.GroupsTable, cancellationToken);
        var entity = new TableEntity(GroupPartition, TableKeys.Escape(groupId)) { ["GroupId"] = groupId, ["Active"] = active };
        entity[active ? "JoinedAt" : "LeftAt"] = at;
        if (active)
        {
            // The first join is go-live (nothing before it is owed); a later re-invitation must not move it.
            var before = await table.GetEntityIfExistsAsync<TableEntity>(GroupPartition, entity.RowKey, cancellationToken: cancellationToken);
            var first = before.HasValue ? before.Value!.GetDateTimeOffset("FirstJoinedAt") ?? before.Value!.GetDateTimeOffset("JoinedAt") : null;
            entity["FirstJoinedAt"] = first is { } earlier && earlier < at ? earlier : at;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task SetMemberAsync(string groupId, string userId, bool present, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.GroupsTable, cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(groupId), TableKeys.Escape(userId)) { ["UserId"] = userId, ["Present"] = present };
        entity[present ? "JoinedAt" : "LeftAt"] = at;
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<GroupRecord?> GetGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.GroupsTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(GroupPartition, TableKeys.Escape(groupId), cancellationToken: cancellationToken);
        return row.HasValue ? ToGroup(row.Value!) : null;
    }

    public async Task<IReadOnlyList<GroupRecord>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.GroupsTable, cancellationToken);
        var groups = new List<GroupRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {GroupPartition}"), cancellationToken: cancellationToken))
        {
            groups.Add(ToGroup(row));
        }

        return groups;
    }

    /// <summary>User IDs currently in a group, as far as webhooks have told us.</summary>
    public async Task<IReadOnlyList<string>> ListMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.GroupsTable, cancellationToken);
        var members = new List<string>();
        var partition = TableKeys.Escape(groupId);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (row.GetBoolean("Present") == true && row.GetString("UserId") is { } id)
            {
                members.Add(id);
            }
        }

        return members;
    }

    private static GroupRecord ToGroup(TableEntity row) =>
        new(row.GetString("GroupId") ?? row.RowKey, row.GetBoolean("Active") ?? false, row.GetDateTimeOffset("JoinedAt"), row.GetDateTimeOffset("LeftAt"))
        {
            FirstJoinedAt = row.GetDateTimeOffset("FirstJoinedAt") ?? row.GetDateTimeOffset("JoinedAt"),
        };
}
