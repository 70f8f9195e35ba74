using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

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
    public static SchemaParseResult Parse(string path, string text) =>
        Find(entry => entry.Matches(path, text)) ?? ParseAndKeep(path, text);

    /// <summary>
    /// The parse of <paramref name="text"/> if it was parsed before, found without turning the text into a string: a schema
    /// of megabytes would be a large-object allocation per compilation, and those cost full garbage collections.
    /// </summary>
    public static SchemaParseResult? Find(string path, SourceText text) => Find(entry => entry.Matches(path, text));

    private static SchemaParseResult? Find(Func<Entry, bool> matches)
    {
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (matches(node.Value))
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return node.Value.Result;
                }
            }
        }

        return null;
    }

    private static SchemaParseResult ParseAndKeep(string path, string text)
    {
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

        public bool Matches(string otherPath, SourceText otherText)
        {
            if (!string.Equals(path, otherPath, StringComparison.Ordinal) || otherText.Length != text.Length)
            {
                return false;
            }

            var chunk = new char[Math.Min(4096, text.Length)];
            for (int start = 0; start < text.Length; start += chunk.Length)
            {
                int count = Math.Min(chunk.Length, text.Length - start);
                otherText.CopyTo(start, chunk, 0, count);
                for (int i = 0; i < count; i++)
                {
                    if (chunk[i] != text[start + i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
