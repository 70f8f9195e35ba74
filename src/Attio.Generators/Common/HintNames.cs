using System.Globalization;

namespace Attio.Generators.Common;

/// <summary>
/// Hint names become file names under EmitCompilerGeneratedFiles, where a 300-character object noun exceeds what file
/// systems accept (255 bytes). Long names keep a readable prefix and a hash of the whole name, so they stay unique.
/// </summary>
internal static class HintNames
{
    private const int MaxStemLength = 100;
    private const int KeptPrefixLength = 80;

    /// <summary>"Attio." + <paramref name="stem"/> + ".g.cs", with the stem shortened when long.</summary>
    public static string Create(string stem) => "Attio." + Cap(stem) + ".g.cs";

    public static string Cap(string stem) =>
        stem.Length <= MaxStemLength
            ? stem
            : stem.Substring(0, KeptPrefixLength) + "_" + Fnv1a(stem).ToString("x8", CultureInfo.InvariantCulture);

    // string.GetHashCode differs per process; the name must be the same in every build.
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
