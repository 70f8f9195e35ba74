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

    /// <summary>Query records: filter, sort and page (<c>POST /v2/objects/{object}/records/query</c>; counts as a read).</summary>
    [Post("/v2/objects/{object}/records/query")]
    Task<AttioEnvelope<List<AttioStoredRecord>>> QueryRecordsAsync([AliasAs("object")] string objectSlug, [Body] AttioRecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>The token and its workspace (<c>GET /v2/self</c>); not wrapped in <c>data</c>.</summary>
    [Get("/v2/self")]
    Task<AttioSelf> GetSelfAsync(CancellationToken cancellationToken = default);

    /// <summary>Every object of the workspace.</summary>
    [Get("/v2/objects")]
    Task<AttioEnvelope<List<AttioObject>>> ListObjectsAsync(CancellationToken cancellationToken = default);

    /// <summary>One object, by slug or id.</summary>
    [Get("/v2/objects/{object}")]
    Task<AttioEnvelope<AttioObject>> GetObjectAsync([AliasAs("object")] string objectSlug, CancellationToken cancellationToken = default);

    /// <summary>One page of an object's attributes.</summary>
    [Get("/v2/objects/{object}/attributes")]
    Task<AttioEnvelope<List<AttioAttribute>>> ListAttributesAsync([AliasAs("object")] string objectSlug, [Query, AliasAs("limit")] int? limit = null, [Query, AliasAs("offset")] int? offset = null, [Query, AliasAs("show_archived")] bool? showArchived = null, CancellationToken cancellationToken = default);

    /// <summary>The options of a select attribute.</summary>
    [Get("/v2/objects/{object}/attributes/{attribute}/options")]
    Task<AttioEnvelope<List<AttioSelectOption>>> ListOptionsAsync([AliasAs("object")] string objectSlug, [AliasAs("attribute")] string attribute, [Query, AliasAs("show_archived")] bool? showArchived = null, CancellationToken cancellationToken = default);

    /// <summary>The statuses of a status attribute.</summary>
    [Get("/v2/objects/{object}/attributes/{attribute}/statuses")]
    Task<AttioEnvelope<List<AttioStatus>>> ListStatusesAsync([AliasAs("object")] string objectSlug, [AliasAs("attribute")] string attribute, [Query, AliasAs("show_archived")] bool? showArchived = null, CancellationToken cancellationToken = default);

    /// <summary>Every member of the workspace (no paging).</summary>
    [Get("/v2/workspace_members")]
    Task<AttioEnvelope<List<AttioWorkspaceMember>>> ListWorkspaceMembersAsync(CancellationToken cancellationToken = default);
}
