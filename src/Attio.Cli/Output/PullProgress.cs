namespace Attio.Cli.Output;

/// <summary>What a pull reports while it runs. Calls may come from several objects' fetches at once.</summary>
public interface IPullProgress
{
    /// <summary>The token's workspace is known.</summary>
    void Workspace(string? name, string? slug);

    /// <summary>The object list came back.</summary>
    void ObjectsListed(int count);

    /// <summary>One object's attributes (and their options and statuses) are in; <paramref name="done"/> of <paramref name="total"/> objects.</summary>
    void ObjectFetched(string objectSlug, int attributeCount, int choiceLists, int done, int total);

    /// <summary>The workspace members came back.</summary>
    void MembersFetched(int count);
}

/// <summary>For redirected stderr: a pipe or CI log gets no progress chatter, only the result and errors.</summary>
public sealed class SilentPullProgress : IPullProgress
{
    /// <summary>The one instance.</summary>
    public static readonly SilentPullProgress Instance = new();

    /// <inheritdoc />
    public void Workspace(string? name, string? slug)
    {
    }

    /// <inheritdoc />
    public void ObjectsListed(int count)
    {
    }

    /// <inheritdoc />
    public void ObjectFetched(string objectSlug, int attributeCount, int choiceLists, int done, int total)
    {
    }

    /// <inheritdoc />
    public void MembersFetched(int count)
    {
    }
}

/// <summary>
/// Progress for a person at a terminal, on stderr so that stdout stays clean. One line per step rather than a
/// redrawn bar: objects finish out of order when fetched in parallel, and plain lines survive any terminal.
/// </summary>
public sealed class TerminalPullProgress(TextWriter error) : IPullProgress
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Workspace(string? name, string? slug) =>
        Line($"Workspace {name ?? "(unnamed)"}{(slug is null ? string.Empty : $" ({slug})")}");

    /// <inheritdoc />
    public void ObjectsListed(int count) => Line($"{count} object{Plural(count)}; fetching attributes...");

    /// <inheritdoc />
    public void ObjectFetched(string objectSlug, int attributeCount, int choiceLists, int done, int total) =>
        Line($"  [{done}/{total}] {objectSlug}: {attributeCount} attribute{Plural(attributeCount)}" +
             (choiceLists > 0 ? $", {choiceLists} option/status list{Plural(choiceLists)}" : string.Empty));

    /// <inheritdoc />
    public void MembersFetched(int count) => Line($"{count} workspace member{Plural(count)}");

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private void Line(string text)
    {
        lock (_gate)
        {
            error.WriteLine(text);
            error.Flush();
        }
    }
}
