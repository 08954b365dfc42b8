using System.Globalization;

namespace LineBot.Line;

internal static class LineIds
{
    /// <summary>LINE chat IDs start with U (user), C (group) or R (room).</summary>
    public static char Kind(string chatId) => chatId.Length > 0 ? char.ToUpper(chatId[0], CultureInfo.InvariantCulture) : '?';
}
