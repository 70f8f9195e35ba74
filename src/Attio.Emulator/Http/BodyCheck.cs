using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio.Emulator.Http;

/// <summary>
/// Refuses what JSON's grammar lets through but no value can hold: numbers beyond a 64-bit float (1e400 would be
/// stored as Infinity and break every later read) and strings with a lone surrogate (they cannot be written back).
/// Run once on a parsed body, before anything is stored.
/// </summary>
internal static class BodyCheck
{
    public static void Check(JsonNode? node, List<string> path)
    {
        try
        {
            Walk(node, path);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to materialise a property name holding a lone surrogate.
            throw Errors.BodyValidation(Issues.Custom(path, LoneSurrogate));
        }
    }

    private const string LoneSurrogate = "The string contains an invalid UTF-16 sequence (a lone surrogate).";

    private static void Walk(JsonNode? node, List<string> path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    RequireWellFormed(key, path);
                    path.Add(key);
                    Walk(child, path);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Walk(array[i], path);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                string text;
                try
                {
                    text = value.GetValue<string>();
                }
                catch (InvalidOperationException)
                {
                    throw Errors.BodyValidation(Issues.Custom(path, LoneSurrogate));
                }

                RequireWellFormed(text, path);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                if (!value.TryGetValue<double>(out var number) || !double.IsFinite(number))
                {
                    throw Errors.BodyValidation(Issues.Custom(path, "The number is outside the range of a 64-bit floating-point number."));
                }

                break;
        }
    }

    private static void RequireWellFormed(string text, List<string> path)
    {
        if (!IsWellFormedUtf16(text))
        {
            throw Errors.BodyValidation(Issues.Custom(path, LoneSurrogate));
        }
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
