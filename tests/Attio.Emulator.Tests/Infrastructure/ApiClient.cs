using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Attio.Emulator.Tests.Infrastructure;

/// <summary>A plain HttpClient over loopback, with a few helpers for record bodies.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(AttioEmulator emulator, string? token = null)
    {
        _http = new HttpClient { BaseAddress = emulator.BaseAddress };
        if (token is not "")
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? emulator.ApiToken);
        }
    }

    public HttpClient Http => _http;

    public Task<ApiResponse> Get(string path) => Send(HttpMethod.Get, path, null);

    public Task<ApiResponse> Post(string path, JsonNode? body) => Send(HttpMethod.Post, path, body);

    public Task<ApiResponse> Put(string path, JsonNode? body) => Send(HttpMethod.Put, path, body);

    public Task<ApiResponse> Patch(string path, JsonNode? body) => Send(HttpMethod.Patch, path, body);

    public Task<ApiResponse> Delete(string path) => Send(HttpMethod.Delete, path, null);

    public Task<ApiResponse> Assert(string obj, string matching, JsonObject values) =>
        Put($"v2/objects/{obj}/records?matching_attribute={matching}", Values(values));

    public Task<ApiResponse> Create(string obj, JsonObject values) => Post($"v2/objects/{obj}/records", Values(values));

    public async Task<string> CreateId(string obj, JsonObject values)
    {
        var response = await Create(obj, values);
        Xunit.Assert.True(response.Status == 200, response.Text);
        return (string)response.Data["id"]!["record_id"]!;
    }

    public static JsonObject Values(JsonObject values) => new() { ["data"] = new JsonObject { ["values"] = values } };

    public async Task<ApiResponse> Send(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await SendRaw(request);
    }

    public async Task<ApiResponse> SendRaw(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse((int)response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    public void Dispose() => _http.Dispose();
}
