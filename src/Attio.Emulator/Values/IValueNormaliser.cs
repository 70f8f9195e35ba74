using System.Text.Json.Nodes;

namespace Attio.Emulator.Values;

/// <summary>Validates one written value of one attribute type and turns it into its stored (read) form.</summary>
internal interface IValueNormaliser
{
    NormalisedValue Normalise(JsonNode? input, ValueContext context);
}
