using Refit;

namespace Attio;

/// <summary>
/// Attio's REST API v2, as Refit sees it. Record bodies arrive as ready-made <see cref="HttpContent"/>
/// written by generated code; responses are read with the source-generated <c>AttioJsonContext</c>.
/// </summary>
public interface IAttioApi
{
    /// <summary>Assert: create or update the record whose <paramref name="matchingAttribute"/> matches.</summary>
    [Put("/v2/objects/{object}/records")]
    Task<AttioEnvelope<AttioStoredRecord>> AssertRecordAsync([AliasAs("object")] string objectSlug, [Query, AliasAs("matching_attribute")] string matchingAttribute, [Body] HttpContent body, CancellationToken cancellationToken = default);

    /// <summary>Create a record.</summary>
    [Post("/v2/objects/{object}/records")]
    Task<AttioEnvelope<AttioStoredRecord>> CreateRecordAsync([AliasAs("object")] string objectSlug, [Body] HttpContent body, CancellationToken cancellationToken = default);

    /// <summary>Read a record.</summary>
    [Get("/v2/objects/{object}/records/{record_id}")]
    Task<AttioEnvelope<AttioStoredRecord>> GetRecordAsync([AliasAs("object")] string objectSlug, [AliasAs("record_id")] string recordId, CancellationToken cancellationToken = default);

    /// <summary>Update a record, adding to multiselect values.</summary>
    [Patch("/v2/objects/{object}/records/{record_id}")]
    Task<AttioEnvelope<AttioStoredRecord>> PatchRecordAsync([AliasAs("object")] string objectSlug, [AliasAs("record_id")] string recordId, [Body] HttpContent body, CancellationToken cancellationToken = default);

    /// <summary>Update a record, replacing multiselect values.</summary>
    [Put("/v2/objects/{object}/records/{record_id}")]
    Task<AttioEnvelope<AttioStoredRecord>> PutRecordAsync([AliasAs("object")] string objectSlug, [AliasAs("record_id")] string recordId, [Body] HttpContent body, CancellationToken cancellationToken = default);
}
