using System.Text.Json.Nodes;
using Attio.Emulator.Http;

namespace Attio.Emulator.Values;

/// <summary>Interactions are created by Attio itself; writes are rejected (U8).</summary>
internal sealed class InteractionNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context) =>
        throw context.Invalid(Issues.Custom([], "Interaction values cannot be written."));
}
