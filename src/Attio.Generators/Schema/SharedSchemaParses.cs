using System;
using System.Collections.Generic;

namespace Attio.Generators.Schema;

/// <summary>
/// Schema parses shared by the generator and the mapping analyzer within one compiler process. A build runs the generator
/// first and the analyzer after it on the same schema text: the analyzer takes the generator's parse instead of reading
/// a large schema a second time. The parse result is immutable, so sharing it is safe on any thread.
/// </summary>
internal static class SharedSchemaParses
{
    // A process hosts few projects with a schema at a time; the texts are large, so only a few are kept.
    private const int Capacity = 4;

    private static readonly object Gate = new();
    private static readonly LinkedList<Entry> Entries = new();

    /// <summary>The parse of <paramref name="text"/>, from an earlier call with the same path and text or parsed now.</summary>
    public static SchemaParseResult Parse(string path, string text)
    {
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Matches(path, text))
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return node.Value.Result;
                }
            }
        }

        // Parsed outside the lock: a second thread parsing the same text meanwhile costs time, not correctness.
        var result = SchemaParser.Parse(path, text);
        lock (Gate)
        {
            Entries.AddFirst(new Entry(path, text, result));
            while (Entries.Count > Capacity)
            {
                Entries.RemoveLast();
            }
        }

        return result;
    }

    private sealed class Entry(string path, string text, SchemaParseResult result)
    {
        public SchemaParseResult Result { get; } = result;

        public bool Matches(string otherPath, string otherText) =>
            string.Equals(path, otherPath, StringComparison.Ordinal) && (ReferenceEquals(text, otherText) || string.Equals(text, otherText, StringComparison.Ordinal));
    }
}
