using LineBot.Commands;
using LineBot.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Commands;

internal static class CommandTestExtensions
{
    /// <summary>Sends "/name args" from a user as the text handler will, at the fake clock's now.</summary>
    public static Task<IReadOnlyList<BotMessage>> SendAsync(this IServiceProvider services, string? userId, string command, params Mention[] mentions)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var request = new CommandRequest(words[0].TrimStart('/'), words[1..], userId, "Cgroup1", true, mentions, services.GetRequiredService<TimeProvider>().GetUtcNow());
        return services.GetRequiredService<CommandRouter>().HandleAsync(request, CancellationToken.None);
    }

    public static string AllText(this IReadOnlyList<BotMessage> messages) => string.Join("\n", messages.Select(m => m.Text));
}
