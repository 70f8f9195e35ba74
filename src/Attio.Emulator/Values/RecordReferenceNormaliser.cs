using System.Text.Json.Nodes;
using Attio.Emulator.Http;
using Attio.Emulator.Schema;

namespace Attio.Emulator.Values;

/// <summary>
/// Record reference: by target_record_id, or by one value of a unique attribute of the target object.
/// The target must already exist and its object must be allowed. A bare string is read as a domain or an
/// email only when the attribute allows exactly companies or exactly people (U15), and as a user_id or a
/// workspace_id when it allows exactly users or exactly workspaces (D-record-reference).
/// </summary>
internal sealed class RecordReferenceNormaliser : IValueNormaliser
{
    public NormalisedValue Normalise(JsonNode? input, ValueContext context)
    {
        return input is JsonObject obj ? FromObject(obj, context) : FromString(input, context);
    }

    private static NormalisedValue FromString(JsonNode? input, ValueContext context)
    {
        var text = ValueForms.RequireString(input, [], context);
        var allowed = context.Attribute.AllowedObjectIds;
        var target = allowed.Count == 1 ? context.Schema.FindObject(allowed[0]) : null;
        var matchingSlug = target?.Slug switch
        {
            "companies" => "domains",
            "people" => "email_addresses",
            "users" => "user_id",
            "workspaces" => "workspace_id",
            _ => null,
        };
        var matching = matchingSlug is null ? null : target!.FindAttribute(matchingSlug);
        if (target is null || matching is null)
        {
            throw context.Invalid(Issues.Custom([], "A record reference must be an object with target_object and target_record_id or a matching attribute."));
        }

        return Resolve(target, matching, JsonValue.Create(text), context);
    }

    private static NormalisedValue FromObject(JsonObject obj, ValueContext context)
    {
        if (!obj.ContainsKey("target_object"))
        {
            throw context.Invalid(Issues.Required(["target_object"], "string"));
        }

        var targetName = ValueForms.RequireString(obj["target_object"], ["target_object"], context);
        var target = context.Schema.FindObject(targetName);
        var allowed = context.Attribute.AllowedObjectIds;
        if (target is null)
        {
            throw Errors.UnknownObjectInValue(targetName);
        }

        if (allowed.Count > 0 && !allowed.Contains(target.Id, StringComparer.OrdinalIgnoreCase))
        {
            throw context.Invalid(Issues.Custom(["target_object"],
                $"Object \"{targetName}\" is not an allowed target of attribute \"{context.Attribute.Slug}\"."));
        }

        var others = obj.Where(p => p.Key != "target_object").ToList();
        if (others.Count != 1)
        {
            throw context.Invalid(Issues.Custom([],
                "A record reference needs exactly one of target_record_id or a unique matching attribute besides target_object."));
        }

        var (key, value) = (others[0].Key, others[0].Value);
        if (key == "target_record_id")
        {
            var text = ValueForms.RequireString(value, ["target_record_id"], context);
            if (!Guid.TryParse(text, out var recordId))
            {
                throw context.Invalid(Issues.Custom(["target_record_id"], "Invalid uuid"));
            }

            if (!context.Records.Exists(target, recordId))
            {
                throw Errors.ReferenceTargetNotFound(context.Attribute.Slug);
            }

            return Reference(target, recordId);
        }

        var matching = target.FindAttribute(key);
        if (matching is null || matching.IsArchived || !matching.IsUnique)
        {
            throw context.Invalid(Issues.Custom([key], $"\"{key}\" is not a unique attribute of object \"{target.Slug}\"."));
        }

        if (value is not JsonArray array || array.Count != 1)
        {
            throw context.Invalid(Issues.Custom([key], "A matching attribute in a record reference takes an array of exactly one value."));
        }

        return Resolve(target, matching, array[0], context);
    }

    private static NormalisedValue Resolve(ObjectDefinition target, AttributeDefinition matching, JsonNode? value, ValueContext context)
    {
        var normalised = ValueNormalisers.For(matching.Type).Normalise(value?.DeepClone(), context.For(matching));
        var hits = context.Records.FindByKey(matching, normalised.Key);
        return hits.Count switch
        {
            0 => throw Errors.ReferenceTargetNotFound(context.Attribute.Slug),
            1 => Reference(target, hits[0]),
            _ => throw Errors.MultipleMatches(),
        };
    }

    private static NormalisedValue Reference(ObjectDefinition target, Guid recordId) =>
        new(new JsonObject { ["target_object"] = target.Slug, ["target_record_id"] = recordId.ToString() },
            $"{target.Id}:{recordId}");
}
