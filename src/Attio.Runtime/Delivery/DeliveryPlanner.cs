namespace Attio;

/// <summary>
/// Turns an event into the sender's form of its write plan: the plan comes from <see cref="AttioPlanBuilder"/> (the same
/// identify and group semantics the client runs); this adds what queueing needs: a key per record, the lanes a delivery
/// waits in, and per attribute how values from several events merge.
/// </summary>
internal static class DeliveryPlanner
{
    /// <summary>Lanes of creates are private to one process's queue: an outbox does not store them.</summary>
    public const string CreateLanePrefix = "create|";

    /// <summary>The plan for <paramref name="entry"/>'s event, or null with <paramref name="errors"/> filled.</summary>
    public static DeliveryPlan? Plan(DeliveryEntry entry, AttioValidationErrors errors)
    {
        AttioWritePlan? plan = WritePlanOf(entry.Event, errors);
        return plan is null ? null : FromPlan(plan, entry);
    }

    /// <summary>The event's write plan (what an outbox stores), or null with <paramref name="errors"/> filled.</summary>
    public static AttioWritePlan? WritePlanOf(AttioDeliveryEvent evt, AttioValidationErrors errors) => evt switch
    {
        AttioRecordEvent record => AttioPlanBuilder.Assert(record.Record, record.MatchingAttribute, errors),
        AttioIdentifyEvent identify => AttioPlanBuilder.Identify(identify.Email, identify.UserId, identify.Person, identify.User, identify.PrimaryEmail, errors),
        AttioGroupEvent group => AttioPlanBuilder.Group(group.Domain, group.WorkspaceId, group.Company, group.Workspace, group.UserId, errors),
        AttioPlanEvent planned => Checked(planned.WritePlan, errors),
        _ => Unsupported(evt, errors),
    };

    private static AttioWritePlan? Checked(AttioWritePlan plan, AttioValidationErrors errors)
    {
        var found = plan.GetValidationErrors();
        foreach (AttioValidationError error in found)
        {
            errors.Add(error);
        }

        return found.Count > 0 ? null : plan;
    }

    private static AttioWritePlan? Unsupported(AttioDeliveryEvent evt, AttioValidationErrors errors)
    {
        errors.Add(new AttioValidationError("?", "?", default, evt?.GetType().Name, "an AttioRecordEvent, AttioIdentifyEvent, AttioGroupEvent or AttioPlanEvent"));
        return null;
    }

    public static DeliveryPlan FromPlan(AttioWritePlan plan, DeliveryEntry entry)
    {
        var keys = new string[plan.Steps.Count];
        var ids = new string[plan.Steps.Count];
        var steps = new List<DeliveryStep>(plan.Steps.Count);
        var lanes = new List<string>();
        for (int i = 0; i < plan.Steps.Count; i++)
        {
            AttioWriteStep step = plan.Steps[i];
            keys[i] = step switch
            {
                { Mode: AttioWriteMode.Assert } => AttioPlanKeys.RecordKey(step.ObjectSlug, step.MatchingAttribute!, step.ValueOf(step.MatchingAttribute!)!.KeyText()!),
                { RecordOfStep: { } target } => keys[target],
                { RecordId: { } recordId } => AttioPlanKeys.RecordKey(step.ObjectSlug, "record_id", recordId.ToLowerInvariant()),
                // A create finds nothing: it has a lane of its own and never merges.
                _ => $"{CreateLanePrefix}{entry.Sequence}|{i}",
            };
            ids[i] = step.Mode == AttioWriteMode.Assert ? keys[i]
                : $"{step.Mode}|{keys[i]}|" + string.Join(",", step.Values.Select(v => v.Slug).Order(StringComparer.Ordinal));
            AddLane(lanes, keys[i]);
            var delivery = new DeliveryStep
            {
                Id = ids[i],
                Mode = step.Mode,
                ObjectSlug = step.ObjectSlug,
                MatchingAttribute = step.MatchingAttribute,
                RecordId = step.RecordId,
                RecordKey = keys[i],
                TargetStepId = step.RecordOfStep is { } of ? ids[of] : null,
                Links = step.Links.Select(l => (l.AttributeSlug, l.TargetObject, ids[l.Step])).ToList(),
            };
            foreach (AttioPlanValue value in step.Values)
            {
                bool isKey = value.Slug == step.MatchingAttribute;
                // Attio appends the matching attribute's values on an assert and multiselect values on a PATCH; everything else replaces.
                bool appends = !value.IsClear && value.Attribute.IsMultiselect && (isKey || step.Mode == AttioWriteMode.UpdateAppend);
                delivery.Slots[value.Slug] = new DeliverySlot
                {
                    Value = value,
                    Time = entry.Time,
                    Order = entry.Sequence,
                    Mode = appends ? DeliveryMergeMode.Append : DeliveryMergeMode.Replace,
                    IsKey = isKey,
                    IsImplicit = step.ImplicitSlugs.Contains(value.Slug),
                    Winner = entry,
                };
            }

            if (step.Mode == AttioWriteMode.UpdateAppend && step.RecordOfStep is not null)
            {
                // A record referenced by match (a group's user by user_id) waits for what is queued on it before (its identify).
                foreach (AttioPlanValue value in step.Values)
                {
                    foreach (object? item in value.Items)
                    {
                        if (item is RecordReference { MatchingAttribute: { } attribute, MatchingValue: { } matched } reference)
                        {
                            AddLane(lanes, AttioPlanKeys.RecordKey(reference.TargetObject, attribute,
                                AttioPlanKeys.Normalise(reference.MatchingAttributeType ?? AttioAttributeType.Text, matched)!));
                        }
                    }
                }
            }

            steps.Add(delivery);
        }

        return new DeliveryPlan { MergeKey = $"{plan.Kind}|" + string.Join("|", keys.Distinct()), LaneKeys = lanes, Steps = steps };
    }

    private static void AddLane(List<string> lanes, string key)
    {
        if (!lanes.Contains(key))
        {
            lanes.Add(key);
        }
    }

    /// <summary>The step as the executor runs it: merged values (minus none), links and targets as indices into <paramref name="steps"/>.</summary>
    public static AttioWriteStep ToWriteStep(DeliveryStep step, IReadOnlyList<DeliveryStep> steps)
    {
        int IndexOf(string id) => steps.ToList().FindIndex(s => s.Id == id);
        return new AttioWriteStep(step.ObjectSlug, step.Mode, step.Slots.Values.Select(s => s.Value).ToArray())
        {
            MatchingAttribute = step.MatchingAttribute,
            RecordId = step.RecordId,
            RecordOfStep = step.TargetStepId is null ? null : IndexOf(step.TargetStepId),
            Links = step.Links.Select(l => new AttioPlanLink(l.Slug, l.TargetObject, IndexOf(l.StepId))).ToArray(),
        };
    }
}
