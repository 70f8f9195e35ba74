namespace Attio;

/// <summary>
/// The base of every exception the runtime throws about Attio: <see cref="AttioValidationException"/> (nothing was
/// sent), <see cref="AttioApiException"/> (Attio answered with an error) and <see cref="AttioTransportException"/>
/// (no answer came back). Catch this to handle all three. No message of these exceptions contains the API token.
/// </summary>
public abstract class AttioException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected AttioException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
