using System.Text.Json.Serialization;

namespace Attio;

/// <summary>Source-generated JSON metadata for every response and error type: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AttioEnvelope<AttioStoredRecord>))]
[JsonSerializable(typeof(AttioEnvelope<List<AttioStoredRecord>>))]
[JsonSerializable(typeof(AttioErrorBody))]
internal sealed partial class AttioJsonContext : JsonSerializerContext;
