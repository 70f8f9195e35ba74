using Attio.Cli.Output;

namespace Attio.Cli.Schema;

/// <summary>
/// Reads a workspace's schema through the runtime's client: /v2/self, every object, every attribute (all pages),
/// the options of every select attribute, the statuses of every status attribute, and the workspace members.
/// The client's pipeline keeps to Attio's read rate limit and retries 429s and transient failures.
/// </summary>
public sealed class SchemaPuller(AttioClient client, IPullProgress progress)
{
    /// <summary>
    /// Objects fetched at once. Each object is a handful of reads; four in flight keeps a large workspace quick while
    /// staying far below Attio's 100 reads/s, which the client enforces anyway.
    /// </summary>
    private const int Parallelism = 4;

    /// <summary>Reads the whole schema. Objects and attributes keep the order Attio returns them in.</summary>
    /// <param name="includeArchived">Also read archived attributes, options and statuses (Attio hides them by default).</param>
    /// <param name="cancellationToken">Stops the pull.</param>
    public async Task<PulledSchema> PullAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var self = await client.GetSelfAsync(cancellationToken).ConfigureAwait(false);
        if (!self.Active)
        {
            // /v2/self answers 200 {"active": false} for a revoked token instead of 401; the rest would fail anyway.
            throw new CliException(ExitCodes.AttioError,
                "Attio says the API token is not active (revoked or expired). Create a new token under Workspace settings > Developers and pass it with --token or ATTIO_API_TOKEN.");
        }

        progress.Workspace(self.WorkspaceName, self.WorkspaceSlug);

        var objects = await client.ListObjectsAsync(cancellationToken).ConfigureAwait(false);
        progress.ObjectsListed(objects.Count);

        var pulled = new PulledObject[objects.Count];
        int done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, objects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                // Results go to the object's own slot, so the file's order is Attio's order whatever finishes first.
                pulled[index] = await PullObjectAsync(objects[index], includeArchived, token).ConfigureAwait(false);
                int count = Interlocked.Increment(ref done);
                progress.ObjectFetched(pulled[index].Slug, pulled[index].Attributes.Count,
                    pulled[index].Attributes.Count(a => a.Options is not null || a.Statuses is not null), count, objects.Count);
            }).ConfigureAwait(false);

        try
        {
            var members = await client.ListWorkspaceMembersAsync(cancellationToken).ConfigureAwait(false);
            progress.MembersFetched(members.Count);
            return new PulledSchema(self, members, pulled);
        }
        catch (AttioApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            // A token without user_management:read can still read everything the generator needs; members only serve
            // actor references (the emulator resolves them by email). The caller reports what is missing.
            return new PulledSchema(self, null, pulled, ex);
        }
    }

    private async Task<PulledObject> PullObjectAsync(AttioObject obj, bool includeArchived, CancellationToken cancellationToken)
    {
        // Attributes are addressed by slug where there is one: that is what a person reading an error expects to see.
        string objectKey = obj.ApiSlug ?? obj.Id.ObjectId;
        var attributes = await client.ListAttributesAsync(objectKey, includeArchived, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var attribute in attributes)
        {
            string attributeKey = string.IsNullOrEmpty(attribute.ApiSlug) ? attribute.Id.AttributeId : attribute.ApiSlug;
            switch (attribute.Type)
            {
                case "select":
                    attribute.Options = [.. await client.ListOptionsAsync(objectKey, attributeKey, includeArchived, cancellationToken).ConfigureAwait(false)];
                    break;
                case "status":
                    attribute.Statuses = [.. await client.ListStatusesAsync(objectKey, attributeKey, includeArchived, cancellationToken).ConfigureAwait(false)];
                    break;
            }
        }

        return new PulledObject(obj, attributes);
    }
}
