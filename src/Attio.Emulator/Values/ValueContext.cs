using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Values;

internal sealed class ValueContext(AttributeDefinition attribute, WorkspaceSchema schema, IRecordLookup records)
{
    public AttributeDefinition Attribute { get; } = attribute;
    public WorkspaceSchema Schema { get; } = schema;
    public IRecordLookup Records { get; } = records;

    public ApiError Invalid(params JsonObject[] issues) => Errors.InvalidValue(Attribute.Slug, issues);

    public ValueContext For(AttributeDefinition other) => new(other, Schema, Records);
}
