using System.Text.Json.Nodes;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>One active value of an attribute: its read fields plus when it became active.</summary>
internal sealed class StoredValue(JsonObject fields, string key, string attributeType, string activeFrom)
{
    public JsonObject Fields { get; } = fields;
    public string Key { get; } = key;
    public string AttributeType { get; } = attributeType;
    public string ActiveFrom { get; } = activeFrom;

    public static StoredValue From(NormalisedValue value, string attributeType, string activeFrom) =>
        new(value.Fields, value.Key, attributeType, activeFrom);
}
