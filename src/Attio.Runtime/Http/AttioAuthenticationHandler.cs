using System.Net.Http.Headers;

namespace Attio;

/// <summary>Adds <c>Authorization: Bearer</c> to every request. The token stays inside this handler.</summary>
internal sealed class AttioAuthenticationHandler : DelegatingHandler
{
    private readonly Func<string?> _token;

    public AttioAuthenticationHandler(Func<string?> token) => _token = token;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? token = _token();
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
