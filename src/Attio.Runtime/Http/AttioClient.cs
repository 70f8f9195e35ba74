using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Refit;

namespace Attio;

/// <summary>How an update by record id treats multiselect attributes.</summary>
public enum AttioUpdateMode
{
    /// <summary>PATCH: values sent for a multiselect attribute are added; nothing is removed.</summary>
    Append,

    /// <summary>PUT: each multiselect attribute sent is replaced by exactly the values sent.</summary>
    Overwrite,
}

/// <summary>
/// The entry point for writing typed records to Attio. Every record is validated before the first byte is sent.
/// Generated code adds typed methods such as <c>AssertPersonAsync</c> to this class as extension methods.
/// </summary>
public sealed partial class AttioClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>
    /// Creates a client with its own HTTP pipeline: the same retry, rate-limit, telemetry and authentication handlers
    /// as <c>AddAttio</c>. An unset token or base address is read from <c>ATTIO_API_TOKEN</c> / <c>ATTIO_BASE_URL</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are unusable (no token, plain HTTP to a remote host, ...).</exception>
    public AttioClient(AttioClientOptions options)
        : this(options, loggerFactory: null)
    {
    }

    /// <summary>Creates a client with its own HTTP pipeline, logging through <paramref name="loggerFactory"/>.</summary>
    /// <exception cref="ArgumentException">The options are unusable (no token, plain HTTP to a remote host, ...).</exception>
    public AttioClient(AttioClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        AttioClientOptions own = options.Clone();
        own.ApplyEnvironmentFallbacks();
        own.Normalize();
        own.Validate();
        _ownedHttpClient = new HttpClient(AttioHttpPipeline.Create(own, loggerFactory))
        {
            BaseAddress = own.BaseAddress,
            // Each attempt has its own timeout (AttioClientOptions.Timeout) and the retry budget bounds the total.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Api = RestService.ForGenerated<IAttioApi>(_ownedHttpClient, CreateRefitSettings());
    }

    /// <summary>Creates a client over an existing Refit API (the DI path).</summary>
    public AttioClient(IAttioApi api)
    {
        Api = api ?? throw new ArgumentNullException(nameof(api));
    }

    /// <summary>The raw REST API, for calls the typed methods do not cover.</summary>
    public IAttioApi Api { get; }

    /// <summary>
    /// Refit settings that read responses with source-generated JSON metadata and turn error responses into
    /// <see cref="AttioApiException"/> and transport failures into <see cref="AttioTransportException"/>.
    /// </summary>
    public static RefitSettings CreateRefitSettings() => AttioHttpPipeline.CreateRefitSettings();

    /// <summary>Creates or updates the record whose <paramref name="matchingAttribute"/> equals the record's value.</summary>
    /// <exception cref="AttioValidationException">A value is invalid or the matching attribute has no value; nothing was sent.</exception>
    /// <exception cref="AttioApiException">Attio rejected the request.</exception>
    public Task<AttioStoredRecord> AssertRecordAsync(AttioRecord record, string matchingAttribute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        AttioPathSegments.Slug(record.ObjectSlug, nameof(record), "object");
        AttioPathSegments.Slug(matchingAttribute, nameof(matchingAttribute), "attribute");
        ValidateForAssert(record, matchingAttribute);
        return SendAsync("PUT", $"/v2/objects/{record.ObjectSlug}/records?matching_attribute={matchingAttribute}",
            () => Api.AssertRecordAsync(record.ObjectSlug, matchingAttribute, ToContent(record), cancellationToken));
    }

    /// <summary>Creates a record. Fails when a unique value is already taken.</summary>
    /// <exception cref="AttioValidationException">A value is invalid or a required attribute has no value; nothing was sent.</exception>
    public Task<AttioStoredRecord> CreateRecordAsync(AttioRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        AttioPathSegments.Slug(record.ObjectSlug, nameof(record), "object");
        record.ValidateForCreate();
        return SendAsync("POST", $"/v2/objects/{record.ObjectSlug}/records",
            () => Api.CreateRecordAsync(record.ObjectSlug, ToContent(record), cancellationToken));
    }

    /// <summary>Updates the record with <paramref name="recordId"/>.</summary>
    public Task<AttioStoredRecord> UpdateRecordAsync(string recordId, AttioRecord record, AttioUpdateMode mode = AttioUpdateMode.Append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        AttioPathSegments.Slug(record.ObjectSlug, nameof(record), "object");
        AttioPathSegments.RecordId(recordId, nameof(recordId));
        // Through the write plan: PATCH cannot remove values, so the plan sends clears with PUT.
        return ExecuteRecordAsync(AttioActions.Update(recordId, record, mode), cancellationToken);
    }

    /// <summary>Reads a record.</summary>
    public Task<AttioStoredRecord> GetRecordAsync(string objectSlug, string recordId, CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        AttioPathSegments.RecordId(recordId, nameof(recordId));
        return SendAsync("GET", $"/v2/objects/{objectSlug}/records/{recordId}",
            () => Api.GetRecordAsync(objectSlug, recordId, cancellationToken));
    }

    /// <summary>Validates <paramref name="record"/> for an assert: every value valid and the matching attribute set.</summary>
    internal static void ValidateForAssert(AttioRecord record, string matchingAttribute)
    {
        var errors = new AttioValidationErrors();
        record.CollectValidationErrors(errors);
        if (record.GetState(matchingAttribute) != AttioFieldState.Set)
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, matchingAttribute, default, null,
                "a value for the matching attribute (an assert finds the record by it)"));
        }

        errors.ThrowIfAny();
    }

    private static ByteArrayContent ToContent(AttioRecord record)
    {
        var content = new ByteArrayContent(record.ToRequestBody());
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    // Shared with the bulk sender, which sends pre-merged bodies through the same translation of Refit's exceptions.
    internal static Task<AttioStoredRecord> SendAsync(string method, string path, Func<Task<AttioEnvelope<AttioStoredRecord>>> send) =>
        CallAsync(method, path, async () => (await send().ConfigureAwait(false)).Data);

    // The pipeline's Refit settings already throw Attio's exceptions; this covers an IAttioApi built with other settings.
    private static async Task<T> CallAsync<T>(string method, string path, Func<Task<T>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            // The Refit exception is not kept as inner: it holds the request message, whose headers carry the token.
            string? content = ex.Content is null ? null : AttioSecrets.MaskToken(ex.Content, AttioSecrets.TokenOf(ex.RequestMessage));
            throw new AttioApiException(ex.StatusCode, AttioErrors.ParseBody(content), AttioErrors.ExecutionIdOf(ex.Headers), method, path);
        }
        catch (ApiRequestException ex) when (ex.InnerException is OperationCanceledException cancelled)
        {
            throw cancelled;
        }
        catch (ApiRequestException ex) when (ex.InnerException is AttioTransportException transport)
        {
            throw transport;
        }
        catch (ApiRequestException ex)
        {
            string? token = AttioSecrets.TokenOf(ex.RequestMessage);
            Exception failure = ex.InnerException ?? ex;
            throw new AttioTransportException(method, path, 1, TimeSpan.Zero, AttioRetryHandler.Describe(failure, token), AttioRetryHandler.SafeInner(failure, token));
        }
    }

    /// <summary>The token and its workspace (<c>GET /v2/self</c>); <see cref="AttioSelf.Active"/> is false for a dead token.</summary>
    public Task<AttioSelf> GetSelfAsync(CancellationToken cancellationToken = default) =>
        CallAsync("GET", "/v2/self", () => Api.GetSelfAsync(cancellationToken));

    /// <summary>Every object of the workspace.</summary>
    public Task<IReadOnlyList<AttioObject>> ListObjectsAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AttioObject>>("GET", "/v2/objects", async () => (await Api.ListObjectsAsync(cancellationToken).ConfigureAwait(false)).Data ?? []);

    /// <summary>One object by slug or id.</summary>
    public Task<AttioObject> GetObjectAsync(string objectSlug, CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        return CallAsync("GET", $"/v2/objects/{objectSlug}", async () => (await Api.GetObjectAsync(objectSlug, cancellationToken).ConfigureAwait(false)).Data);
    }

    /// <summary>Every attribute of an object, walking all pages (<paramref name="pageSize"/> per request).</summary>
    public async Task<IReadOnlyList<AttioAttribute>> ListAttributesAsync(string objectSlug, bool showArchived = false, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var all = new List<AttioAttribute>();
        for (int offset = 0; ; offset += pageSize)
        {
            int currentOffset = offset;
            var page = await CallAsync("GET", $"/v2/objects/{objectSlug}/attributes",
                async () => (await Api.ListAttributesAsync(objectSlug, pageSize, currentOffset, showArchived, cancellationToken).ConfigureAwait(false)).Data ?? []).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                return all;
            }
        }
    }

    /// <summary>The options of a select attribute.</summary>
    public Task<IReadOnlyList<AttioSelectOption>> ListOptionsAsync(string objectSlug, string attribute, bool showArchived = false, CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        AttioPathSegments.Slug(attribute, nameof(attribute), "attribute");
        return CallAsync<IReadOnlyList<AttioSelectOption>>("GET", $"/v2/objects/{objectSlug}/attributes/{attribute}/options",
            async () => (await Api.ListOptionsAsync(objectSlug, attribute, showArchived, cancellationToken).ConfigureAwait(false)).Data ?? []);
    }

    /// <summary>The statuses of a status attribute.</summary>
    public Task<IReadOnlyList<AttioStatus>> ListStatusesAsync(string objectSlug, string attribute, bool showArchived = false, CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        AttioPathSegments.Slug(attribute, nameof(attribute), "attribute");
        return CallAsync<IReadOnlyList<AttioStatus>>("GET", $"/v2/objects/{objectSlug}/attributes/{attribute}/statuses",
            async () => (await Api.ListStatusesAsync(objectSlug, attribute, showArchived, cancellationToken).ConfigureAwait(false)).Data ?? []);
    }

    /// <summary>Every member of the workspace.</summary>
    public Task<IReadOnlyList<AttioWorkspaceMember>> ListWorkspaceMembersAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AttioWorkspaceMember>>("GET", "/v2/workspace_members",
            async () => (await Api.ListWorkspaceMembersAsync(cancellationToken).ConfigureAwait(false)).Data ?? []);

    /// <summary>One page of records matching <paramref name="query"/> (all records, first 500, when null).</summary>
    public Task<IReadOnlyList<AttioStoredRecord>> QueryRecordsAsync(string objectSlug, AttioRecordQuery? query = null, CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        return CallAsync<IReadOnlyList<AttioStoredRecord>>("POST", $"/v2/objects/{objectSlug}/records/query",
            async () => (await Api.QueryRecordsAsync(objectSlug, query ?? new AttioRecordQuery(), cancellationToken).ConfigureAwait(false)).Data ?? []);
    }

    /// <summary>Every record matching <paramref name="filter"/>, fetched page by page as the caller enumerates.</summary>
    public async IAsyncEnumerable<AttioStoredRecord> QueryAllRecordsAsync(string objectSlug, JsonElement? filter = null, IReadOnlyList<JsonElement>? sorts = null, int pageSize = 500, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        AttioPathSegments.Slug(objectSlug, nameof(objectSlug), "object");
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        for (int offset = 0; ; offset += pageSize)
        {
            var page = await QueryRecordsAsync(objectSlug, new AttioRecordQuery { Filter = filter, Sorts = sorts?.ToList(), Limit = pageSize, Offset = offset }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _ownedHttpClient?.Dispose();
}
