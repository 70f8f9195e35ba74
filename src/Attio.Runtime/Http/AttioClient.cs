using System.Net.Http.Headers;
using System.Text.Json;
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
public sealed class AttioClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client with its own HTTP pipeline.</summary>
    public AttioClient(AttioClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.ApiToken))
        {
            throw new ArgumentException("An Attio API token is required (AttioClientOptions.ApiToken or ATTIO_API_TOKEN).", nameof(options));
        }

        string token = options.ApiToken;
        _ownedHttpClient = new HttpClient(new AttioAuthenticationHandler(() => token) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = options.BaseAddress,
            Timeout = options.Timeout,
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

    /// <summary>Refit settings that read responses with source-generated JSON metadata.</summary>
    public static RefitSettings CreateRefitSettings() =>
        new(SystemTextJsonContentSerializer.ForContext(AttioJsonContext.Default));

    /// <summary>Creates or updates the record whose <paramref name="matchingAttribute"/> equals the record's value.</summary>
    /// <exception cref="AttioValidationException">A value is invalid or the matching attribute has no value; nothing was sent.</exception>
    /// <exception cref="AttioApiException">Attio rejected the request.</exception>
    public Task<AttioStoredRecord> AssertRecordAsync(AttioRecord record, string matchingAttribute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(matchingAttribute);
        ValidateForAssert(record, matchingAttribute);
        return SendAsync("PUT", $"/v2/objects/{record.ObjectSlug}/records?matching_attribute={matchingAttribute}",
            () => Api.AssertRecordAsync(record.ObjectSlug, matchingAttribute, ToContent(record), cancellationToken));
    }

    /// <summary>Creates a record. Fails when a unique value is already taken.</summary>
    public Task<AttioStoredRecord> CreateRecordAsync(AttioRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Validate();
        return SendAsync("POST", $"/v2/objects/{record.ObjectSlug}/records",
            () => Api.CreateRecordAsync(record.ObjectSlug, ToContent(record), cancellationToken));
    }

    /// <summary>Updates the record with <paramref name="recordId"/>.</summary>
    public Task<AttioStoredRecord> UpdateRecordAsync(AttioRecord record, string recordId, AttioUpdateMode mode = AttioUpdateMode.Append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        record.Validate();
        string path = $"/v2/objects/{record.ObjectSlug}/records/{recordId}";
        return mode == AttioUpdateMode.Append
            ? SendAsync("PATCH", path, () => Api.PatchRecordAsync(record.ObjectSlug, recordId, ToContent(record), cancellationToken))
            : SendAsync("PUT", path, () => Api.PutRecordAsync(record.ObjectSlug, recordId, ToContent(record), cancellationToken));
    }

    /// <summary>Reads a record.</summary>
    public Task<AttioStoredRecord> GetRecordAsync(string objectSlug, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectSlug);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        return SendAsync("GET", $"/v2/objects/{objectSlug}/records/{recordId}",
            () => Api.GetRecordAsync(objectSlug, recordId, cancellationToken));
    }

    /// <summary>Validates <paramref name="record"/> for an assert: every value valid and the matching attribute set.</summary>
    public static void ValidateForAssert(AttioRecord record, string matchingAttribute)
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

    private static async Task<AttioStoredRecord> SendAsync(string method, string path, Func<Task<AttioEnvelope<AttioStoredRecord>>> send)
    {
        try
        {
            var envelope = await send().ConfigureAwait(false);
            return envelope.Data;
        }
        catch (ApiException ex)
        {
            throw ToAttioException(ex, method, path);
        }
    }

    internal static AttioApiException ToAttioException(ApiException ex, string method, string path)
    {
        AttioErrorBody? body = null;
        if (!string.IsNullOrEmpty(ex.Content))
        {
            try
            {
                body = JsonSerializer.Deserialize(ex.Content, AttioJsonContext.Default.AttioErrorBody);
            }
            catch (JsonException)
            {
                // Not Attio's JSON (a proxy's HTML page, say): the status alone must do.
            }
        }

        string? executionId = ex.Headers.TryGetValues("x-attio-execution-id", out var values) ? values.FirstOrDefault() : null;
        // The Refit exception is not kept as inner: it holds the request message, whose headers carry the token.
        return new AttioApiException(ex.StatusCode, body, executionId, method, path);
    }

    /// <inheritdoc />
    public void Dispose() => _ownedHttpClient?.Dispose();
}
