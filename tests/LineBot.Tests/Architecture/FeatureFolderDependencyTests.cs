using System.Text.RegularExpressions;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Architecture;

/// <summary>
/// Feature folders of core depend on each other in one direction only: a circle makes two features one in
/// disguise, and a newcomer can no longer read either alone. Read from the sources (no compiler needed): a
/// folder depends on another when it names a type declared only there.
/// </summary>
public sealed partial class FeatureFolderDependencyTests
{
    private static readonly string CoreRoot = Path.Combine(RepoPaths.Root, "core", "LineBot.Core");

    [Fact]
    public void FeatureFolders_HaveNoCircularDependency()
    {
        var graph = FolderGraph.Read(CoreRoot);

        var circles = graph.Circles();

        Assert.True(circles.Count == 0, "Feature folders in a circle:\n" + string.Join("\n", circles));
    }

    [Fact]
    public void FolderGraph_FindsACircle_WhenTwoFoldersNameEachOthersTypes()
    {
        var root = Directory.CreateTempSubdirectory("folders-").FullName;
        try
        {
            Write(root, "Alpha/AlphaStore.cs", "namespace X.Alpha;\ninternal sealed class AlphaStore(BetaClock clock) { }");
            Write(root, "Beta/BetaClock.cs", "namespace X.Beta;\ninternal sealed class BetaClock { public AlphaStore? Store { get; init; } }");
            Write(root, "Gamma/GammaJob.cs", "namespace X.Gamma;\n// AlphaStore in a comment is no dependency\ninternal sealed class GammaJob(AlphaStore store) { public string Name => \"BetaClock\"; }");

            var graph = FolderGraph.Read(root);

            Assert.Equal(["Alpha ↔ Beta (AlphaStore, BetaClock)"], graph.Circles());
            Assert.Contains("Alpha", graph.DependenciesOf("Gamma"));
            Assert.DoesNotContain("Beta", graph.DependenciesOf("Gamma"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Folder → folders whose types it names, with the type names as evidence.</summary>
    private sealed partial class FolderGraph(Dictionary<string, Dictionary<string, SortedSet<string>>> edges)
    {
        public static FolderGraph Read(string root)
        {
            var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .Select(f => (Folder: Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar), Text: Strip(File.ReadAllText(f))))
                .Where(s => s.Folder.Length > 1) // files at the root are the composition root, which may name everything
                .Select(s => (Folder: s.Folder[0], s.Text))
                .ToList();

            var owners = sources
                .SelectMany(s => Declaration().Matches(s.Text).Select(m => (Type: m.Groups[1].Value, s.Folder)))
                .GroupBy(d => d.Type)
                .Where(g => g.Select(d => d.Folder).Distinct().Count() == 1) // a name two folders declare proves nothing
                .ToDictionary(g => g.Key, g => g.First().Folder);

            var edges = new Dictionary<string, Dictionary<string, SortedSet<string>>>();
            foreach (var (folder, text) in sources)
            {
                foreach (var name in References(text))
                {
                    if (owners.TryGetValue(name, out var owner) && owner != folder)
                    {
                        var from = edges.TryGetValue(folder, out var f) ? f : edges[folder] = [];
                        (from.TryGetValue(owner, out var types) ? types : from[owner] = []).Add(name);
                    }
                }
            }

            return new FolderGraph(edges);
        }

        public IReadOnlyCollection<string> DependenciesOf(string folder) =>
            edges.TryGetValue(folder, out var to) ? to.Keys : [];

        /// <summary>Each pair of folders that reach each other, directly or through others, once.</summary>
        public List<string> Circles()
        {
            var folders = edges.Keys.Concat(edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
            var circles = new List<string>();
            foreach (var a in folders)
            {
                foreach (var b in folders.Where(b => string.CompareOrdinal(a, b) < 0))
                {
                    if (Reaches(a, b) && Reaches(b, a))
                    {
                        circles.Add($"{a} ↔ {b} ({Evidence(a, b)})");
                    }
                }
            }

            return circles;
        }

        private string Evidence(string a, string b)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (x, y) in new[] { (a, b), (b, a) })
            {
                if (edges.TryGetValue(x, out var to) && to.TryGetValue(y, out var types))
                {
                    names.UnionWith(types.Take(4));
                }
            }

            return names.Count > 0 ? string.Join(", ", names) : "through other folders";
        }

        private bool Reaches(string from, string to)
        {
            var seen = new HashSet<string> { from };
            var pending = new Stack<string>([from]);
            while (pending.TryPop(out var folder))
            {
                foreach (var next in DependenciesOf(folder))
                {
                    if (next == to)
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }

            return false;
        }

        /// <summary>Type-like names a file uses, leaving out member declarations and calls, which share the casing.</summary>
        private static IEnumerable<string> References(string text)
        {
            text = EnumBody().Replace(text, "enum _ { }");
            text = MemberDeclaration().Replace(text, m => m.Value.Remove(m.Groups[1].Index - m.Index, m.Groups[1].Length).Insert(m.Groups[1].Index - m.Index, "_"));
            text = PositionalParameter().Replace(text, m => m.Groups[1].Value + "_" + m.Groups[3].Value);
            text = MethodCall().Replace(text, m => "_" + m.Groups[2].Value);
            return Identifier().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).Distinct();
        }

        /// <summary>Comments and string literals name no types.</summary>
        private static string Strip(string text) =>
            StringLiteral().Replace(BlockComment().Replace(LineComment().Replace(text, ""), ""), "\"\"");

        // Private nested types cannot be named from another folder.
        [GeneratedRegex(@"(?<!private )(?<!private sealed )\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
        private static partial Regex Declaration();

        [GeneratedRegex(@"\b(?:public|private|internal|protected)\s+(?:(?:static|readonly|const|required|override|virtual|abstract|new|async)\s+)*[\w<>\[\]?,.]+\s+([A-Z]\w*)\s*(?:[={;(]|=>)")]
        private static partial Regex MemberDeclaration();

        [GeneratedRegex(@"([\w>\]?]\s+)([A-Z]\w*)(\s*[,)=])")]
        private static partial Regex PositionalParameter();

        [GeneratedRegex(@"(?<!new )(?<![.\w])([A-Z]\w*)(\s*\()")]
        private static partial Regex MethodCall();

        [GeneratedRegex(@"(?<![.\w])[A-Z]\w*\b|(?<=LineBot\.)(?:\w+\.)*([A-Z]\w*)")]
        private static partial Regex Identifier();

        [GeneratedRegex(@"\benum\s+\w+[^{]*\{[^}]*\}")]
        private static partial Regex EnumBody();

        [GeneratedRegex(@"//[^\n]*")]
        private static partial Regex LineComment();

        [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
        private static partial Regex BlockComment();

        [GeneratedRegex(@"@?\$?""(?:[^""\\\n]|\\.)*""")]
        private static partial Regex StringLiteral();
    }
}
