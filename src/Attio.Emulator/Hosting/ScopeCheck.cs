using Attio.Emulator.Http;
using Attio.Emulator.RateLimiting;

namespace Attio.Emulator.Hosting;

/// <summary>
/// The token's scopes (from the schema file's /v2/self, or the options) against each endpoint's required scopes
/// as the OpenAPI lists them. A missing scope is a 403 (U12). "read-write" includes "read".
/// </summary>
internal sealed class ScopeCheck(IEnumerable<string> granted)
{
    private readonly HashSet<string> _granted = [.. granted];

    public void Demand(string method, string path)
    {
        foreach (var scope in Required(method, path))
        {
            var readWrite = scope.EndsWith(":read", StringComparison.Ordinal) ? scope + "-write" : null;
            if (!_granted.Contains(scope) && (readWrite is null || !_granted.Contains(readWrite)))
            {
                throw new ApiError(403, "auth_error", "forbidden", $"The token does not have the required scope: {scope}.");
            }
        }
    }

    private static IEnumerable<string> Required(string method, string path)
    {
        if (path.StartsWith("/v2/self", StringComparison.Ordinal))
        {
            return [];
        }

        if (path.StartsWith("/v2/workspace_members", StringComparison.Ordinal))
        {
            return ["user_management:read"];
        }

        if (path.Contains("/records", StringComparison.Ordinal))
        {
            var records = RateLimiter.IsRead(method, path) ? "record_permission:read" : "record_permission:read-write";
            return [records, "object_configuration:read"];
        }

        return ["object_configuration:read"];
    }
}
