namespace Attio;

/// <summary>How to reach Attio. Bound from the <c>Attio</c> configuration section or set in code.</summary>
public sealed class AttioClientOptions
{
    /// <summary>The default base address, <c>https://api.attio.com/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.attio.com/");

    /// <summary>The configuration section <c>AddAttio(IConfiguration)</c> reads: <c>Attio</c>.</summary>
    public const string SectionName = "Attio";

    /// <summary>The environment variable for the token: <c>ATTIO_API_TOKEN</c> (overrides configuration files, not code).</summary>
    public const string TokenEnvironmentVariable = "ATTIO_API_TOKEN";

    /// <summary>The environment variable for the base address: <c>ATTIO_BASE_URL</c> (overrides configuration files, not code).</summary>
    public const string BaseUrlEnvironmentVariable = "ATTIO_BASE_URL";

    /// <summary>
    /// What <c>AddAttio</c> does at host start with the schema manifest the generator compiled in: compare it with the
    /// live workspace and fail on a breaking change (<see cref="AttioSchemaVerification.FailOnBreaking"/>), only log
    /// (<see cref="AttioSchemaVerification.LogOnly"/>), or nothing (<see cref="AttioSchemaVerification.Off"/>, the default).
    /// Used by the DI registration only; a hand-made <see cref="AttioClient"/> ignores it.
    /// </summary>
    public AttioSchemaVerification VerifySchemaOnStart { get; set; } = AttioSchemaVerification.Off;

    /// <summary>The API token (an API key or OAuth access token). Required. Never logged or printed.</summary>
    public string? ApiToken { get; set; }

    /// <summary>
    /// Where Attio (or an Attio-compatible server such as the emulator) listens, without <c>/v2</c>. HTTPS unless loopback.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Timeout of one HTTP attempt (retries get a fresh one). Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most retries after the first attempt, for 429, 408, 5xx, timeouts and connection failures. Default 12, enough
    /// that <see cref="MaxRetryDuration"/> is what normally ends retrying; 0 disables retries.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 12;

    /// <summary>First backoff delay; each retry doubles it, with "equal jitter" (half fixed, half random). Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single backoff delay. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time budget of one call across all attempts and waits: no attempt starts later than this after the first one
    /// (the last backoff is shortened to fit). Default 2 min, so an outage of about 90 s is ridden out.
    /// </summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest <c>Retry-After</c> the client waits for; a 429 asking for more is reported instead. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Client-side pace of write requests (POST, PUT, PATCH, DELETE) per second for this client. Attio allows 25.
    /// 0 turns it off.
    /// </summary>
    public int WritesPerSecond { get; set; } = 25;

    /// <summary>Client-side pace of read requests (GET and record queries) per second for this client. Attio allows 100. 0 turns it off.</summary>
    public int ReadsPerSecond { get; set; } = 100;

    /// <summary>
    /// Whether a create (<c>POST …/records</c>), which is not idempotent, is retried after a 5xx, a timeout or a dropped
    /// connection, when Attio may already have stored it. Default false: only 429s and refused connections, which
    /// guarantee nothing was stored, are retried for creates. Asserts and updates are always retried.
    /// </summary>
    public bool RetryNonIdempotentRequests { get; set; }

    /// <summary>The clock of retry waits, per-attempt timeouts and the client-side pace. Default <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    // Set when ATTIO_BASE_URL was present but unusable; its value is never kept or shown.
    private bool _environmentBaseUrlInvalid;

    /// <summary>Every problem with these options; empty when they are usable. Never includes the token or any rejected value.</summary>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        AddTokenErrors(errors);
        AddBaseAddressErrors(errors);
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add("Attio:Timeout must be positive.");
        }

        if (MaxRetryAttempts is < 0 or > 100)
        {
            errors.Add("Attio:MaxRetryAttempts must be between 0 and 100.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            errors.Add("Attio:RetryBaseDelay must not be negative and Attio:RetryMaxDelay must be at least Attio:RetryBaseDelay.");
        }

        if (MaxRetryDuration <= TimeSpan.Zero)
        {
            errors.Add("Attio:MaxRetryDuration must be positive.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("Attio:MaxRetryAfter must not be negative.");
        }

        if (WritesPerSecond < 0 || ReadsPerSecond < 0)
        {
            errors.Add("Attio:WritesPerSecond and Attio:ReadsPerSecond must not be negative (0 turns the client-side limit off).");
        }

        if (TimeProvider is null)
        {
            errors.Add("AttioClientOptions.TimeProvider must not be null.");
        }

        return errors;
    }

    private void AddTokenErrors(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(ApiToken))
        {
            errors.Add($"Attio:ApiToken is required: set it in code, in the \"{SectionName}\" configuration section or in the {TokenEnvironmentVariable} environment variable.");
        }
        else if (ApiToken.Any(c => c is <= ' ' or > '~'))
        {
            // A header cannot carry such characters, and a token never has them: it was pasted with something else.
            errors.Add("Attio:ApiToken contains white space, control or non-ASCII characters; copy the token again.");
        }
    }

    private void AddBaseAddressErrors(List<string> errors)
    {
        if (_environmentBaseUrlInvalid)
        {
            errors.Add($"{BaseUrlEnvironmentVariable} must be an absolute URI such as https://api.attio.com/.");
        }

        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            errors.Add("Attio:BaseAddress must be an absolute URI such as https://api.attio.com/.");
        }
        else if (!string.IsNullOrEmpty(BaseAddress.UserInfo))
        {
            errors.Add("Attio:BaseAddress must not carry credentials; set Attio:ApiToken instead.");
        }
        else if (BaseAddress.Scheme != Uri.UriSchemeHttps && !(BaseAddress.Scheme == Uri.UriSchemeHttp && BaseAddress.IsLoopback))
        {
            errors.Add("Attio:BaseAddress must use HTTPS (plain HTTP is only allowed for loopback addresses such as a local emulator).");
        }
        else if (BaseAddress.AbsolutePath.TrimEnd('/').EndsWith("/v2", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Attio:BaseAddress must not end in /v2: drop the /v2 (every request path already starts with it), e.g. https://api.attio.com/.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem (never the token) when the options are unusable.</summary>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException(FormatErrors(errors));
        }
    }

    /// <summary>The one wording of invalid options, for the constructor's exception and start-up validation alike.</summary>
    internal static string FormatErrors(IEnumerable<string> errors) => "Invalid Attio client options: " + string.Join(" ", errors);

    /// <summary>Fills an unset token and base address from <c>ATTIO_API_TOKEN</c> and <c>ATTIO_BASE_URL</c>.</summary>
    public void ApplyEnvironmentFallbacks() => ApplyEnvironment(overrideConfigured: false);

    /// <summary>
    /// Environment variables win over configuration files (the .NET convention), so after binding a section the
    /// <c>ATTIO_*</c> variables replace what the files said; code that runs afterwards still wins over both.
    /// </summary>
    internal void ApplyEnvironment(bool overrideConfigured)
    {
        if ((overrideConfigured || string.IsNullOrWhiteSpace(ApiToken))
            && Environment.GetEnvironmentVariable(TokenEnvironmentVariable) is { Length: > 0 } token
            && !string.IsNullOrWhiteSpace(token))
        {
            ApiToken = token.Trim();
        }

        if ((overrideConfigured || BaseAddress is null || BaseAddress == DefaultBaseAddress)
            && Environment.GetEnvironmentVariable(BaseUrlEnvironmentVariable) is { Length: > 0 } url
            && !string.IsNullOrWhiteSpace(url))
        {
            if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            {
                BaseAddress = uri;
                _environmentBaseUrlInvalid = false;
            }
            else
            {
                _environmentBaseUrlInvalid = true;
            }
        }
    }

    /// <summary>Trims the token, which is often pasted or mounted with a trailing line break.</summary>
    internal void Normalize()
    {
        ApiToken = ApiToken?.Trim();
    }

    /// <summary>A copy, so that a client keeps the settings it was created with.</summary>
    public AttioClientOptions Clone() => (AttioClientOptions)MemberwiseClone();

    /// <summary>Shows the base address without user info and whether a token is set, never the token.</summary>
    public override string ToString() =>
        $"AttioClientOptions {{ BaseAddress = {AttioSecrets.SafeUri(BaseAddress)}, ApiToken = {(string.IsNullOrEmpty(ApiToken) ? "<not set>" : "<redacted>")}, " +
        $"Timeout = {Timeout}, MaxRetryAttempts = {MaxRetryAttempts}, MaxRetryDuration = {MaxRetryDuration}, WritesPerSecond = {WritesPerSecond}, ReadsPerSecond = {ReadsPerSecond} }}";
}
