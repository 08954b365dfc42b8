using System.Text;

namespace LineBot.Storage;

/// <summary>Makes any string safe as a PartitionKey/RowKey (no / \ # ? or control characters), reversibly enough to read.</summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("/\\#?\t\n\r%") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
