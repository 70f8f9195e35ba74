using System.Text.Json.Nodes;

namespace Attio.Emulator.Values;

/// <summary>
/// A validated value: the type-specific read fields, and a key that says when two values are "the same"
/// (used for uniqueness, PATCH de-duplication and matching).
/// </summary>
internal sealed record NormalisedValue(JsonObject Fields, string Key);
