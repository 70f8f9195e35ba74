using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Attio;

/// <summary>
/// Runs plans and single steps over the client's HTTP pipeline: the one place that turns a step into requests, used by
/// <c>AttioClient.ExecuteAsync</c> and by <see cref="AttioSender"/>.
/// </summary>
internal static class AttioPlanExecutor
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public static async Task<AttioPlanResult> ExecuteAsync(AttioClient client, AttioWritePlan plan, CancellationToken cancellationToken)
    {
        var errors = plan.GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new AttioValidationException(errors.ToArray());
        }

        var stored = new AttioStoredRecord[plan.Steps.Count];
        var recordIds = new string?[plan.Steps.Count];
        for (int i = 0; i < plan.Steps.Count; i++)
        {
            try
            {
                stored[i] = await ExecuteStepAsync(client, plan.Steps[i], recordIds, dropped: null, cancellationToken).ConfigureAwait(false);
                recordIds[i] = stored[i].RecordId;
            }
            catch (Exception ex) when (i > 0 && ex is AttioApiException or AttioTransportException)
            {
                throw await AttioPlanException.PartialAsync(client, plan, i, stored.Take(i).ToArray(), ex).ConfigureAwait(false);
            }
        }

        return new AttioPlanResult(plan, stored);
    }

    /// <summary>
    /// Sends one step. <paramref name="recordIds"/> holds the record ids of the steps before it; <paramref name="dropped"/> names
    /// values to leave out (the sender's change ledger: stale or unchanged values). A clear in an append step goes out with PUT, since PATCH keeps values.
    /// </summary>
    public static async Task<AttioStoredRecord> ExecuteStepAsync(AttioClient client, AttioWriteStep step, IReadOnlyList<string?> recordIds,
        IReadOnlySet<string>? dropped, CancellationToken cancellationToken, Action? onRequest = null)
    {
        // A plan may come from JSON (an outbox): its slugs must not be able to change which endpoint is called.
        string objectSlug = AttioPathSegments.Slug(step.ObjectSlug, nameof(step), "object");
        if (step.MatchingAttribute is not null)
        {
            AttioPathSegments.Slug(step.MatchingAttribute, nameof(step), "attribute");
        }

        switch (step.Mode)
        {
            case AttioWriteMode.Assert:
            {
                onRequest?.Invoke();
                using var body = Body(step, recordIds, dropped, _ => true);
                return await AttioClient.SendAsync("PUT", $"/v2/objects/{objectSlug}/records?matching_attribute={step.MatchingAttribute}",
                    () => client.Api.AssertRecordAsync(objectSlug, step.MatchingAttribute!, body, cancellationToken)).ConfigureAwait(false);
            }

            case AttioWriteMode.Create:
            {
                onRequest?.Invoke();
                using var body = Body(step, recordIds, dropped, _ => true);
                return await AttioClient.SendAsync("POST", $"/v2/objects/{objectSlug}/records",
                    () => client.Api.CreateRecordAsync(objectSlug, body, cancellationToken)).ConfigureAwait(false);
            }

            case AttioWriteMode.UpdateOverwrite:
            {
                onRequest?.Invoke();
                return await PutAsync(client, step, RecordIdOf(step, recordIds), Body(step, recordIds, dropped, _ => true), cancellationToken).ConfigureAwait(false);
            }

            default:
                return await AppendAsync(client, step, recordIds, dropped, cancellationToken, onRequest).ConfigureAwait(false);
        }
    }

    // PATCH adds to multiselect lists and cannot remove list values (Attio answers 200 and keeps them), so a step with
    // clears is split: one PUT with the clears and the single values, then a PATCH with the multiselect values to add.
    // Single-value clears (null) go in the PUT too: an overwrite clears under every reading of the evidence, while
    // PATCH with null rests on one public client's report (docs/runtime.md, "How a value is cleared").
    private static async Task<AttioStoredRecord> AppendAsync(AttioClient client, AttioWriteStep step, IReadOnlyList<string?> recordIds,
        IReadOnlySet<string>? dropped, CancellationToken cancellationToken, Action? onRequest)
    {
        string recordId = RecordIdOf(step, recordIds);
        bool hasClears = step.Values.Any(v => v.IsClear && dropped?.Contains(v.Slug) != true);
        if (!hasClears)
        {
            onRequest?.Invoke();
            return await PatchAsync(client, step, recordId, Body(step, recordIds, dropped, _ => true), cancellationToken).ConfigureAwait(false);
        }

        static bool Appends(AttioPlanValue v) => v.Attribute.IsMultiselect && !v.IsClear;
        onRequest?.Invoke();
        var stored = await PutAsync(client, step, recordId, Body(step, recordIds, dropped, v => !Appends(v)), cancellationToken).ConfigureAwait(false);
        if (step.Values.Any(v => Appends(v) && dropped?.Contains(v.Slug) != true))
        {
            onRequest?.Invoke();
            stored = await PatchAsync(client, step, recordId, Body(step, Array.Empty<string?>(), dropped, Appends, withLinks: false), cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    private static async Task<AttioStoredRecord> PutAsync(AttioClient client, AttioWriteStep step, string recordId, ByteArrayContent body, CancellationToken cancellationToken)
    {
        using (body)
        {
            return await AttioClient.SendAsync("PUT", $"/v2/objects/{step.ObjectSlug}/records/{recordId}",
                () => client.Api.PutRecordAsync(step.ObjectSlug, recordId, body, cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task<AttioStoredRecord> PatchAsync(AttioClient client, AttioWriteStep step, string recordId, ByteArrayContent body, CancellationToken cancellationToken)
    {
        using (body)
        {
            return await AttioClient.SendAsync("PATCH", $"/v2/objects/{step.ObjectSlug}/records/{recordId}",
                () => client.Api.PatchRecordAsync(step.ObjectSlug, recordId, body, cancellationToken)).ConfigureAwait(false);
        }
    }

    private static string RecordIdOf(AttioWriteStep step, IReadOnlyList<string?> recordIds) =>
        AttioPathSegments.RecordId(step.RecordId ?? recordIds[step.RecordOfStep!.Value]
            ?? throw new InvalidOperationException($"Step '{step}' updates the record of step {step.RecordOfStep}, which has not run."), nameof(step));

    /// <summary><c>{"data":{"values":{...}}}</c>: the step's values (those <paramref name="include"/> accepts, none dropped) and its links.</summary>
    public static ByteArrayContent Body(AttioWriteStep step, IReadOnlyList<string?> recordIds, IReadOnlySet<string>? dropped, Func<AttioPlanValue, bool> include, bool withLinks = true)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, AttioRecord.RequestWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartObject("values");
            foreach (AttioPlanValue value in step.Values)
            {
                if (include(value) && dropped?.Contains(value.Slug) != true)
                {
                    value.WriteProperty(writer);
                }
            }

            if (withLinks)
            {
                foreach (AttioPlanLink link in step.Links)
                {
                    writer.WriteStartArray(link.AttributeSlug);
                    writer.WriteStartObject();
                    writer.WriteString("target_object", link.TargetObject);
                    writer.WriteString("target_record_id", recordIds[link.Step]);
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = JsonMediaType;
        return content;
    }
}
