using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attio.Benchmarks;

/// <summary>A large synthetic workspace for the generator benchmark: objects x attributes of every type, and mapped classes.</summary>
public static class SyntheticWorkspace
{
    private static readonly string[] Types =
    {
        "text", "number", "checkbox", "currency", "date", "timestamp", "rating", "status", "select", "record-reference",
        "actor-reference", "location", "domain", "email-address", "phone-number", "personal-name", "interaction",
    };

    public static string Schema(int objects, int attributesPerObject)
    {
        var list = new JsonArray();
        for (int o = 0; o < objects; o++)
        {
            var attributes = new JsonArray
            {
                Attribute("key", "text", unique: true, multiselect: false),
            };
            for (int a = 1; a < attributesPerObject; a++)
            {
                string type = Types[a % Types.Length];
                var attribute = Attribute($"a{a}", type, unique: false, multiselect: type is "select" && a % 2 == 0);
                if (type is "select" or "status")
                {
                    attribute[type == "select" ? "options" : "statuses"] = new JsonArray(
                        new JsonObject { ["title"] = "Red", ["is_archived"] = false },
                        new JsonObject { ["title"] = "Green", ["is_archived"] = false },
                        new JsonObject { ["title"] = "Blue", ["is_archived"] = false });
                }

                if (type == "interaction")
                {
                    attribute["is_writable"] = false;
                }

                attributes.Add(attribute);
            }

            list.Add(new JsonObject
            {
                ["id"] = new JsonObject { ["object_id"] = $"00000000-0000-0000-0000-{o:D12}" },
                ["api_slug"] = $"obj{o}",
                ["singular_noun"] = $"Thing {o}",
                ["plural_noun"] = $"Things {o}",
                ["attributes"] = attributes,
            });
        }

        return new JsonObject { ["format_version"] = 1, ["objects"] = list }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>One mapped class: five attributes of one object, of five different types.</summary>
    public static string MappedClass(int index, int objects, string? extraMember = null)
    {
        int o = index % objects;
        var source = new StringBuilder();
        source.AppendLine("using Attio;");
        source.AppendLine("namespace App.Events;");
        source.AppendLine($"[AttioObject(\"obj{o}\")]");
        source.AppendLine($"public partial class Event{index}");
        source.AppendLine("{");
        source.AppendLine("    [AttioMap(\"key\")] public string Key { get; init; } = \"\";");
        source.AppendLine($"    [AttioMap(\"a{1 + 17}\")] public double? Number {{ get; init; }}");
        source.AppendLine($"    [AttioMap(\"a{2 + 17}\")] public bool Flag {{ get; init; }}");
        source.AppendLine($"    [AttioMap(\"a{4 + 17}\")] public System.DateOnly? Day {{ get; init; }}");
        source.AppendLine($"    [AttioMap(\"a{13 + 17}\")] public string? Email {{ get; init; }}");
        if (extraMember is not null)
        {
            source.AppendLine("    " + extraMember);
        }

        source.AppendLine("}");
        return source.ToString();
    }

    private static JsonObject Attribute(string slug, string type, bool unique, bool multiselect) => new()
    {
        ["id"] = new JsonObject { ["attribute_id"] = slug },
        ["title"] = slug.ToUpperInvariant(),
        ["description"] = $"Synthetic {type} attribute.",
        ["api_slug"] = slug,
        ["type"] = type,
        ["is_writable"] = true,
        ["is_unique"] = unique,
        ["is_multiselect"] = multiselect,
        ["is_required"] = false,
        ["is_archived"] = false,
    };
}
