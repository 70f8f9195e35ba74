using System.Text;
using Microsoft.AspNetCore.Http;

namespace Attio.Emulator.Hosting;

/// <summary>
/// Reads a request body up to a byte limit, as strict UTF-8. Kestrel's own limit is lifted so that a body that
/// is too large gets Attio's error shape from the pipeline rather than Kestrel's empty 413.
/// </summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public enum Outcome
    {
        None,
        Read,
        TooLarge,
        NotUtf8,
        Malformed,
    }

    public static async Task<(Outcome Outcome, string? Text)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is not > 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return (Outcome.None, null);
        }

        if (request.ContentLength > limit)
        {
            return (Outcome.TooLarge, null);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (Outcome.TooLarge, null);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (Outcome.Read, Strict.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        catch (DecoderFallbackException)
        {
            return (Outcome.NotUtf8, null);
        }
    }

    /// <summary>Attio reads JSON bodies only (FIRST: send Content-Type: application/json); no header is let through.</summary>
    public static bool IsJsonOrUnstated(HttpRequest request)
    {
        var type = request.ContentType;
        if (string.IsNullOrWhiteSpace(type))
        {
            return true;
        }

        var media = type.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
               media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
