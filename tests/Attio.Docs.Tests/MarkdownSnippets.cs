using System.Text.RegularExpressions;

namespace Attio.Docs.Tests;

/// <summary>One fenced C# block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root (<c>docs/delivery.md</c>).</param>
/// <param name="Line">The 1-based line of the block's first code line.</param>
/// <param name="Code">The block's text.</param>
/// <param name="Compiles">False when the fence says <c>no-compile</c>: a deliberate error example.</param>
/// <param name="Index">The block's position among the file's C# blocks (0-based).</param>
/// <param name="GeneratedNamespace">
/// The generated namespace (<c>&lt;AttioNamespace&gt;</c>) the block is written for, from <c>attio-namespace=...</c> on
/// the fence; null for the README's <c>Northwind.Crm</c>.
/// </param>
public sealed record Snippet(string File, int Line, string Code, bool Compiles, int Index, string? GeneratedNamespace = null)
{
    /// <summary>How a test case names the block: <c>README.md:14</c>.</summary>
    public string Name => $"{File}:{Line}";
}

/// <summary>Finds the C# blocks (<c>```csharp</c>, <c>```cs</c>, <c>```c#</c>) of the documentation.</summary>
public static partial class MarkdownSnippets
{
    /// <summary>The documents whose blocks are compiled: the README and every page directly under docs/.</summary>
    public static IReadOnlyList<string> Documents(string root) =>
        [Path.Combine(root, "README.md"), .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)];

    /// <summary>Every C# block of <paramref name="path"/>, named relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<Snippet> Read(string root, string path)
    {
        string name = Path.GetRelativePath(root, path).Replace('\\', '/');
        var lines = File.ReadAllLines(path);
        var snippets = new List<Snippet>();
        for (int i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success || !IsCSharp(open.Groups["lang"].Value))
            {
                // A fence of another language still has to be skipped whole, or its closing fence would open a block.
                if (open.Success)
                {
                    i = CloseOf(lines, i, open.Groups["indent"].Value.Length);
                }

                continue;
            }

            int indent = open.Groups["indent"].Value.Length;
            int close = CloseOf(lines, i, indent);
            var code = lines[(i + 1)..close].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart());
            var info = open.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool compiles = !info.Contains("no-compile", StringComparer.Ordinal);
            string? generatedNamespace = info.FirstOrDefault(i => i.StartsWith("attio-namespace=", StringComparison.Ordinal))?["attio-namespace=".Length..];
            snippets.Add(new Snippet(name, i + 2, string.Join("\n", code) + "\n", compiles, snippets.Count, generatedNamespace));
            i = close;
        }

        return snippets;
    }

    private static bool IsCSharp(string language) => language is "csharp" or "cs" or "c#" or "C#";

    private static int CloseOf(string[] lines, int open, int indent)
    {
        for (int j = open + 1; j < lines.Length; j++)
        {
            if (lines[j].Trim() == "```" && lines[j].Length - lines[j].TrimStart().Length <= indent + 3)
            {
                return j;
            }
        }

        throw new InvalidOperationException($"The code block opened at line {open + 1} is never closed.");
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<lang>[^\s`]*)(?<info>.*)$")]
    private static partial Regex Fence();
}
