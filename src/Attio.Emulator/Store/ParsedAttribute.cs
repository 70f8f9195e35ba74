using Attio.Emulator.Schema;
using Attio.Emulator.Values;

namespace Attio.Emulator.Store;

/// <summary>
/// The values sent for one attribute. <see cref="SentNull"/> keeps <c>null</c> apart from <c>[]</c>, because
/// PATCH treats them differently: <c>null</c> clears a single-value attribute, an empty list changes nothing.
/// </summary>
internal sealed record ParsedAttribute(AttributeDefinition Attribute, List<NormalisedValue> Values, bool SentNull);
