using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio.Cli.Schema;

/// <summary>
/// Writes JSON the way the schema file is laid out: two-space indent, one value per line, <c>"key": value</c>,
/// <c>\n</c> line ends and a final newline, whatever the platform. Text is written as is (titles like "Won 🎉" stay
/// readable in a diff): only what JSON requires is escaped, unlike System.Text.Json's writer, which escapes every
/// character outside the Basic Multilingual Plane even with the relaxed encoder.
/// </summary>
public static class JsonPrinter
{
    /// <summary>The document as text, ending with a newline.</summary>
    public static string Print(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj when obj.Count == 0:
                builder.Append("{}");
                break;
            case JsonObject obj:
                builder.Append('{');
                bool firstProperty = true;
                foreach (var (key, value) in obj)
                {
                    builder.Append(firstProperty ? "\n" : ",\n");
                    firstProperty = false;
                    Indent(builder, depth + 1);
                    WriteString(builder, key);
                    builder.Append(": ");
                    Write(builder, value, depth + 1);
                }

                builder.Append('\n');
                Indent(builder, depth);
                builder.Append('}');
                break;
            case JsonArray array when array.Count == 0:
                builder.Append("[]");
                break;
            case JsonArray array:
                builder.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "\n" : ",\n");
                    Indent(builder, depth + 1);
                    Write(builder, array[i], depth + 1);
                }

                builder.Append('\n');
                Indent(builder, depth);
                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                builder.Append("null");
                break;
            default:
                // Numbers keep the exact text they arrived with (an element) or System.Text.Json's invariant form.
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                // Other control characters, and the two line separators JavaScript treats as line ends.
                case < ' ' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);
}
