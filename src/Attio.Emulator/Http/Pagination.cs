using Microsoft.AspNetCore.Http;

namespace Attio.Emulator.Http;

/// <summary>limit/offset query parameters of GET lists (U11: limit 1-500, offset ≥ 0, no limit means all).</summary>
internal static class Pagination
{
    public static IEnumerable<T> Apply<T>(IEnumerable<T> rows, ApiRequest request)
    {
        var limit = Read(request, "limit", 1);
        var offset = Read(request, "offset", 0) ?? 0;
        var page = rows.Skip(offset);
        return limit is null ? page : page.Take(Math.Min(limit.Value, 500));
    }

    public static bool Flag(ApiRequest request, string name) =>
        request.QueryValue(name) is { } text && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    private static int? Read(ApiRequest request, string name, int minimum)
    {
        var text = request.QueryValue(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, out var value) || value < minimum)
        {
            throw Errors.QueryValidation(Issues.Custom([name], $"Expected an integer greater than or equal to {minimum}, received \"{text}\"."));
        }

        return value;
    }
}
