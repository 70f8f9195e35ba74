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
            ParseBody(AttioSecrets.MaskToken(content, AttioSecrets.TokenOf(request))),
            ExecutionIdOf(response.Headers),
            request?.Method.Method ?? "?",
            AttioRequests.PathOf(request),
            AttioRequests.AttemptOf(request));
    }

    /// <summary>
    /// Attio's error body. A body whose details do not fit the documented shape still yields its status, type, code and
    /// message, so the exception never loses what Attio said.
    /// </summary>
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
            return ParseEssentials(content);
        }
    }

    private static AttioErrorBody? ParseEssentials(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement root = document.RootElement;
            return new AttioErrorBody
            {
                StatusCode = root.TryGetProperty("status_code", out var status) && status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out int code) ? code : 0,
                Type = StringOf(root, "type"),
                Code = StringOf(root, "code"),
                Message = StringOf(root, "message"),
            };
        }
        catch (JsonException)
        {
            // Not JSON at all (a proxy's HTML page, say): the status alone must do.
            return null;
        }
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The <c>message</c> of a buffered error response, or null.</summary>
    public static string? MessageOf(HttpResponseMessage response)
    {
        try
        {
            using var stream = response.Content.ReadAsStream();
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object ? StringOf(document.RootElement, "message") : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException or HttpRequestException)
        {
            return null;
        }
    }

    public static string? ExecutionIdOf(System.Net.Http.Headers.HttpHeaders headers) =>
        headers.TryGetValues("x-attio-execution-id", out var values) ? values.FirstOrDefault() : null;
}
