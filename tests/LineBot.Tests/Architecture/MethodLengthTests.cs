using System.Text.RegularExpressions;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Architecture;

/// <summary>
/// No method in core runs past 80 lines: past that a method does several things, and the steps deserve names.
/// Measured from the sources: a method's first line to its closing brace.
/// </summary>
public sealed partial class MethodLengthTests
{
    private const int MaxLines = 80;

    [Fact]
    public void CoreMethods_AreAtMost80Lines()
    {
        var root = Path.Combine(RepoPaths.Root, "core", "LineBot.Core");
        var tooLong = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Methods(File.ReadAllLines(f)).Select(m => (File: Path.GetRelativePath(root, f), m.Name, m.Lines)))
            .Where(m => m.Lines > MaxLines)
            .Select(m => $"{m.File} {m.Name}: {m.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "Methods over " + MaxLines + " lines:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void Methods_AreMeasuredFromSignatureToClosingBrace()
    {
        string[] source =
        [
            "internal sealed class Sample(int seed)",
            "{",
            "    public int Short() => 1;",
            "    private static async Task<int> LongAsync(int x, CancellationToken ct)",
            "    {",
            "        var text = \"{ not a brace }\";",
            .. Enumerable.Repeat("        x++;", 90),
            "        return x;",
            "    }",
            "}",
        ];

        var methods = Methods(source).ToList();

        Assert.Equal([("LongAsync", 95)], methods.Select(m => (m.Name, m.Lines)));
    }

    private static IEnumerable<(string Name, int Lines)> Methods(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var signature = Signature().Match(lines[i]);
            if (!signature.Success || TypeDeclaration().IsMatch(lines[i]) || lines[i].TrimEnd().EndsWith(';') || lines[i].Contains("=>"))
            {
                continue;
            }

            var (end, hasBody) = BodyEnd(lines, i);
            if (hasBody)
            {
                yield return (signature.Groups[1].Value, end - i + 1);
                i = end;
            }
        }
    }

    /// <summary>The line of the brace that closes the body starting at or after <paramref name="start"/>.</summary>
    private static (int End, bool HasBody) BodyEnd(IReadOnlyList<string> lines, int start)
    {
        var depth = 0;
        for (var j = start; j < lines.Count; j++)
        {
            var code = Comment().Replace(Literal().Replace(lines[j], "\"\""), "");
            if (depth == 0 && code.TrimEnd().EndsWith(';'))
            {
                return (j, false); // an expression body or an abstract member
            }

            foreach (var c in code)
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }

            if (depth == 0 && code.Contains('}'))
            {
                return (j, true);
            }
        }

        return (lines.Count - 1, false);
    }

    [GeneratedRegex(@"^\s*(?:(?:public|private|internal|protected|static|async|override|virtual|sealed|partial|new|unsafe)\s+)+[\w<>\[\]?,. ()]+?\s+(\w+)\s*(?:<[^>]*>)?\s*\(")]
    private static partial Regex Signature();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+\w+")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"@?\$?""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"//.*$")]
    private static partial Regex Comment();
}
