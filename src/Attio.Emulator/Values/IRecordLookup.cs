using Attio.Emulator.Schema;

namespace Attio.Emulator.Values;

/// <summary>What a record-reference value needs from the store to resolve its target.</summary>
internal interface IRecordLookup
{
    bool Exists(ObjectDefinition target, Guid recordId);

    IReadOnlyList<Guid> FindByKey(AttributeDefinition attribute, string key);
}
