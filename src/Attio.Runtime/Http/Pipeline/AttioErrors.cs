using System.Text.Json;

namespace Attio;

/// <summary>Turns Attio's error responses into <see cref="AttioApiException"/> (Refit's exception factory).</summary>
internal static class AttioErrors
{
    public static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        HttpRequestMessage? request = response.RequestMessage;
        string content;
        try
        {
            content = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            content = string.Empty;
        }

        return new AttioApiException(
            response.StatusCode,
            ParseBody(content),
            ExecutionIdOf(response.Headers),
            request?.Method.Method ?? "?",
            AttioRequests.PathOf(request),
            AttioRequests.AttemptOf(request));
    }

    public static AttioErrorBody? ParseBody(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, AttioJsonContext.Default.AttioErrorBody);
        }
        catch (JsonException)
        {
            // Not Attio's JSON (a proxy's HTML page, say): the status alone must do.
            return null;
        }
    }

    public static string? ExecutionIdOf(System.Net.Http.Headers.HttpHeaders headers) =>
        headers.TryGetValues("x-attio-execution-id", out var values) ? values.FirstOrDefault() : null;
}
