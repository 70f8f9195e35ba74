namespace Attio;

/// <summary>Turns an event into the row an outbox stores, with the sender's own validation and planning.</summary>
internal static class OutboxMessages
{
    /// <summary>The row for <paramref name="evt"/>, or null with <paramref name="errors"/> filled (nothing to store).</summary>
    public static AttioOutboxMessage? TryCreate(AttioDeliveryEvent evt, DateTimeOffset now, AttioValidationErrors errors)
    {
        var entry = new DeliveryEntry(evt, 0, evt.Timestamp ?? now);
        AttioWritePlan? plan;
        DeliveryPlan? delivery;
        try
        {
            plan = DeliveryPlanner.WritePlanOf(evt, errors);
            delivery = plan is null ? null : DeliveryPlanner.FromPlan(plan, entry);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            errors.Add(new AttioValidationError(evt.ToString() ?? "?", "*", default, ex.Message, "a record that can be written"));
            return null;
        }

        if (plan is null || delivery is null || !errors.IsEmpty)
        {
            return null;
        }

        // A create's lane is private to the queue that runs it; the stored keys are the records other rows can share.
        string[] keys = [.. delivery.LaneKeys.Where(k => !k.StartsWith(DeliveryPlanner.CreateLanePrefix, StringComparison.Ordinal))];
        // The plan's own summary names objects and matching attributes, never values: safe for lists and dashboards.
        return new AttioOutboxMessage(plan.ToJson(), keys, entry.Time, plan.ToString());
    }
}
