using System.Collections.Generic;

namespace Attio.Generators.Json;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value that remembers where it was in the file, so diagnostics can point into the schema.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int start, int end, int line, int column)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int End { get; set; }

    /// <summary>Zero-based line of the first character.</summary>
    public int Line { get; }

    /// <summary>Zero-based column of the first character.</summary>
    public int Column { get; }

    public int EndLine { get; set; }

    public int EndColumn { get; set; }

    public string? StringValue { get; set; }

    public string? NumberText { get; set; }

    public List<KeyValuePair<string, JsonNode>>? Properties { get; set; }

    public List<JsonNode>? Items { get; set; }

    public JsonNode? this[string name]
    {
        get
        {
            if (Properties is null)
            {
                return null;
            }

            foreach (var pair in Properties)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }

    public string KindName => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}
