using System.Linq;
using Attio.Generators.Model;

namespace Attio.Generators.Mapping;

/// <summary>
/// The generated records the mapping checks consult: the generator has built them all to emit them, while the analyzer
/// builds only the records its classes target (a large schema has many objects, and a class maps one or two).
/// </summary>
internal interface IRecordLookup
{
    /// <summary>The record generated for the first object with this slug, as the emitters name it.</summary>
    RecordClassModel? Find(string objectSlug);

    /// <summary>Whether the schema lets the generator emit IdentifyUserAsync.</summary>
    bool HasIdentify { get; }

    /// <summary>Whether the schema lets the generator emit GroupWorkspaceAsync.</summary>
    bool HasGroup { get; }
}

/// <summary>The generator's lookup: the complete model it emits from.</summary>
internal sealed class ModelRecords(GenerationModel model) : IRecordLookup
{
    public bool HasIdentify => model.Identify is not null;

    public bool HasGroup => model.Group is not null;

    // A class targets one or two objects: a scan is cheaper than indexing the model per check.
    public RecordClassModel? Find(string objectSlug) => model.Records.FirstOrDefault(r => r.ObjectSlug == objectSlug);
}
