using System.Text.Json.Serialization;

namespace Attio;

/// <summary>
/// Source-generated JSON metadata for every response, error and query type: no reflection on the request path.
/// Public so that tools (a CLI that dumps the schema, say) can write these types back without reflection too.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AttioEnvelope<AttioStoredRecord>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioStoredRecord>>))]
[JsonSerializable(typeof(AttioEnvelope<AttioObject>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioObject>>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioAttribute>>))]
[JsonSerializable(typeof(AttioEnvelope<AttioAttribute>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioSelectOption>>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioStatus>>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioWorkspaceMember>>))]
[JsonSerializable(typeof(AttioEnvelope<AttioWorkspaceMember>))]
[JsonSerializable(typeof(AttioSelf))]
[JsonSerializable(typeof(AttioRecordQuery))]
[JsonSerializable(typeof(AttioErrorBody))]
public sealed partial class AttioJsonContext : JsonSerializerContext;
