using System.Text.Json.Nodes;

namespace Attio;

/// <summary>
/// Validates an event and turns it into steps at the JSON level: the generated identify and group semantics, written once for
/// any schema that has Attio's standard people, users, companies and workspaces objects.
/// </summary>
internal static class DeliveryPlanner
{
    private static readonly AttioAttributeInfo PersonEmails = new("people", "email_addresses", AttioAttributeType.EmailAddress, true) { IsUnique = true };
    private static readonly AttioAttributeInfo UserId = new("users", "user_id", AttioAttributeType.Text) { IsUnique = true };
    private static readonly AttioAttributeInfo CompanyDomains = new("companies", "domains", AttioAttributeType.Domain, true) { IsUnique = true };
    private static readonly AttioAttributeInfo WorkspaceId = new("workspaces", "workspace_id", AttioAttributeType.Text) { IsUnique = true };

    /// <summary>The plan for <paramref name="entry"/>'s event, or null with <paramref name="errors"/> filled.</summary>
    public static DeliveryPlan? Plan(DeliveryEntry entry, AttioValidationErrors errors) => entry.Event switch
    {
        AttioRecordEvent record => PlanRecord(record, entry, errors),
        AttioIdentifyEvent identify => PlanIdentify(identify, entry, errors),
        AttioGroupEvent group => PlanGroup(group, entry, errors),
        _ => Unsupported(entry.Event, errors),
    };

    private static DeliveryPlan? Unsupported(AttioDeliveryEvent evt, AttioValidationErrors errors)
    {
        errors.Add(new AttioValidationError("?", "?", default, evt?.GetType().Name, "an AttioRecordEvent, AttioIdentifyEvent or AttioGroupEvent"));
        return null;
    }

    private static DeliveryPlan? PlanRecord(AttioRecordEvent evt, DeliveryEntry entry, AttioValidationErrors errors)
    {
        if (evt.Record is null)
        {
            errors.Add(new AttioValidationError("?", evt.MatchingAttribute ?? "?", default, null, "a record"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(evt.MatchingAttribute))
        {
            errors.Add(new AttioValidationError(evt.Record.ObjectSlug, "?", default, null, "a matching attribute (the unique attribute an assert finds the record by)"));
            return null;
        }

        AttioRecord record = evt.Record;
        string matching = evt.MatchingAttribute;
        int before = errors.Errors.Count;
        record.CollectValidationErrors(errors);
        var infos = DeliveryJson.InfosOf(record);
        if (infos.Count > 0 && !infos.ContainsKey(matching))
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, matching, default, null, $"an attribute of {record.ObjectSlug} to match by"));
        }
        else if (record.GetState(matching) != AttioFieldState.Set)
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, matching, DeliveryJson.TypeOf(matching, infos) ?? default, null,
                "a value for the matching attribute (an assert finds the record by it)"));
        }

        if (errors.Errors.Count > before)
        {
            return null;
        }

        var values = DeliveryJson.ValuesOf(record);
        var keyItems = values.Find(v => v.Key == matching).Value;
        if (keyItems is not { Count: > 0 })
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, matching, default, null, "a value for the matching attribute"));
            return null;
        }

        string key = RecordKey(record.ObjectSlug, matching, DeliveryJson.KeyOf(DeliveryJson.TypeOf(matching, infos), keyItems[0]));
        var step = AssertStep(key, record.ObjectSlug, matching);
        AddValues(step, values, infos, entry);
        return new DeliveryPlan { MergeKey = "record|" + key, LaneKeys = [key], Steps = [step] };
    }

    private static DeliveryPlan? PlanIdentify(AttioIdentifyEvent evt, DeliveryEntry entry, AttioValidationErrors errors)
    {
        int before = errors.Errors.Count;
        ValidateKey(PersonEmails, evt.Email, AttioCodecs.EmailAddress, errors);
        ValidateKey(UserId, evt.UserId, AttioCodecs.Text, errors);
        ValidateExtra(evt.Person, "people", errors);
        ValidateExtra(evt.User, "users", errors);
        if (errors.Errors.Count > before)
        {
            return null;
        }

        string email = evt.Email.Trim();
        string personKey = RecordKey("people", "email_addresses", DeliveryJson.Normalise(AttioAttributeType.EmailAddress, email));
        string userKey = RecordKey("users", "user_id", evt.UserId);

        var person = AssertStep(personKey, "people", "email_addresses");
        AddValues(person, ValuesOrEmpty(evt.Person), InfosOrEmpty(evt.Person), entry);
        EnsureKeyValue(person, "email_addresses", new JsonObject { ["email_address"] = email }, entry);

        var user = AssertStep(userKey, "users", "user_id", sourceStep: 0, linkTarget: "people");
        AddValues(user, ValuesOrEmpty(evt.User), InfosOrEmpty(evt.User), entry);
        user.Slots["user_id"] = Slot([new JsonObject { ["value"] = evt.UserId }], entry, DeliveryMergeMode.Replace, isKey: true);
        if (!user.Slots.ContainsKey("primary_email_address"))
        {
            user.Slots["primary_email_address"] = Slot([new JsonObject { ["email_address"] = email }], entry, DeliveryMergeMode.Replace, isImplicit: true);
        }

        user.Slots["person"] = Slot([], entry, DeliveryMergeMode.Replace, isImplicit: true, isLink: true);
        return new DeliveryPlan { MergeKey = $"identify|{personKey}|{userKey}", LaneKeys = [personKey, userKey], Steps = [person, user] };
    }

    private static DeliveryPlan? PlanGroup(AttioGroupEvent evt, DeliveryEntry entry, AttioValidationErrors errors)
    {
        int before = errors.Errors.Count;
        ValidateKey(CompanyDomains, evt.Domain, AttioCodecs.Domain, errors);
        ValidateKey(WorkspaceId, evt.WorkspaceId, AttioCodecs.Text, errors);
        if (evt.UserId is not null)
        {
            ValidateKey(UserId, evt.UserId, AttioCodecs.Text, errors);
        }

        ValidateExtra(evt.Company, "companies", errors);
        ValidateExtra(evt.Workspace, "workspaces", errors);
        if (errors.Errors.Count > before)
        {
            return null;
        }

        string domain = AttioSyntax.NormalizeDomain(evt.Domain) ?? evt.Domain.Trim();
        string companyKey = RecordKey("companies", "domains", DeliveryJson.Normalise(AttioAttributeType.Domain, domain));
        string workspaceKey = RecordKey("workspaces", "workspace_id", evt.WorkspaceId);

        var company = AssertStep(companyKey, "companies", "domains");
        AddValues(company, ValuesOrEmpty(evt.Company), InfosOrEmpty(evt.Company), entry);
        EnsureKeyValue(company, "domains", new JsonObject { ["domain"] = domain }, entry);

        var workspace = AssertStep(workspaceKey, "workspaces", "workspace_id", sourceStep: 0, linkTarget: "companies");
        AddValues(workspace, ValuesOrEmpty(evt.Workspace), InfosOrEmpty(evt.Workspace), entry);
        workspace.Slots["workspace_id"] = Slot([new JsonObject { ["value"] = evt.WorkspaceId }], entry, DeliveryMergeMode.Replace, isKey: true);
        workspace.Slots["company"] = Slot([], entry, DeliveryMergeMode.Replace, isImplicit: true, isLink: true);

        var steps = new List<DeliveryStep> { company, workspace };
        var lanes = new List<string> { companyKey, workspaceKey };
        if (evt.UserId is not null)
        {
            // The user is referenced by user_id, so this waits for any identify of that user enqueued before it.
            lanes.Add(RecordKey("users", "user_id", evt.UserId));
            var membership = new DeliveryStep
            {
                Id = "append|" + workspaceKey + "|users",
                Kind = DeliveryStepKind.AppendById,
                ObjectSlug = "workspaces",
                RecordKey = workspaceKey,
                SourceStep = 1,
            };
            var reference = new JsonObject
            {
                ["target_object"] = "users",
                ["user_id"] = new JsonArray(new JsonObject { ["value"] = evt.UserId }),
            };
            membership.Slots["users"] = Slot([reference], entry, DeliveryMergeMode.Append, isImplicit: true);
            steps.Add(membership);
        }

        return new DeliveryPlan { MergeKey = $"group|{companyKey}|{workspaceKey}", LaneKeys = lanes, Steps = steps };
    }

    public static string RecordKey(string objectSlug, string attribute, string normalisedValue) => $"{objectSlug}|{attribute}|{normalisedValue}";

    private static DeliveryStep AssertStep(string key, string objectSlug, string matching, int sourceStep = -1, string? linkTarget = null) => new()
    {
        Id = key,
        Kind = DeliveryStepKind.Assert,
        ObjectSlug = objectSlug,
        MatchingAttribute = matching,
        RecordKey = key,
        SourceStep = sourceStep,
        LinkTargetObject = linkTarget,
    };

    private static DeliverySlot Slot(List<JsonNode?> items, DeliveryEntry entry, DeliveryMergeMode mode, bool isKey = false, bool isImplicit = false, bool isLink = false) => new()
    {
        Items = items,
        Time = entry.Time,
        Order = entry.Sequence,
        Mode = mode,
        IsKey = isKey,
        IsImplicit = isImplicit,
        IsLink = isLink,
        Winner = entry,
    };

    private static void AddValues(DeliveryStep step, List<KeyValuePair<string, List<JsonNode?>>> values, IReadOnlyDictionary<string, AttioAttributeInfo> infos, DeliveryEntry entry)
    {
        foreach (var (slug, items) in values)
        {
            bool isKey = slug == step.MatchingAttribute;
            // Attio appends the matching attribute's values on an assert and replaces every other multiselect list sent.
            var mode = isKey && DeliveryJson.IsMultiselect(step.ObjectSlug, slug, infos) ? DeliveryMergeMode.Append : DeliveryMergeMode.Replace;
            step.Slots[slug] = Slot(items, entry, mode, isKey);
        }
    }

    // The identify/group key value goes first unless the record already has it (AttioFields.WithValue).
    private static void EnsureKeyValue(DeliveryStep step, string slug, JsonObject keyItem, DeliveryEntry entry)
    {
        string wanted = DeliveryJson.KeyOf(slug == "domains" ? AttioAttributeType.Domain : AttioAttributeType.EmailAddress, keyItem);
        if (step.Slots.TryGetValue(slug, out DeliverySlot? slot))
        {
            var type = slug == "domains" ? AttioAttributeType.Domain : AttioAttributeType.EmailAddress;
            if (!slot.Items.Exists(i => DeliveryJson.KeyOf(type, i) == wanted))
            {
                slot.Items.Insert(0, keyItem);
            }

            step.Slots[slug] = new DeliverySlot
            {
                Items = slot.Items, Time = slot.Time, Order = slot.Order, Mode = DeliveryMergeMode.Append, IsKey = true, Winner = entry,
            };
        }
        else
        {
            step.Slots[slug] = Slot([keyItem], entry, DeliveryMergeMode.Append, isKey: true);
        }
    }

    private static void ValidateKey(AttioAttributeInfo attribute, string? value, IAttioValueCodec<string> codec, AttioValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(attribute, value is null ? null : $"\"{value}\"", "a non-empty value (it is the key the record is found by)");
            return;
        }

        codec.Validate(attribute, value.Trim(), errors);
    }

    private static void ValidateExtra(AttioRecord? record, string objectSlug, AttioValidationErrors errors)
    {
        if (record is null)
        {
            return;
        }

        if (!string.Equals(record.ObjectSlug, objectSlug, StringComparison.Ordinal))
        {
            errors.Add(new AttioValidationError(record.ObjectSlug, "*", default, record.GetType().Name, $"a {objectSlug} record"));
            return;
        }

        record.CollectValidationErrors(errors);
    }

    private static List<KeyValuePair<string, List<JsonNode?>>> ValuesOrEmpty(AttioRecord? record) =>
        record is null ? [] : DeliveryJson.ValuesOf(record);

    private static IReadOnlyDictionary<string, AttioAttributeInfo> InfosOrEmpty(AttioRecord? record) =>
        record is null ? new Dictionary<string, AttioAttributeInfo>() : DeliveryJson.InfosOf(record);
}
