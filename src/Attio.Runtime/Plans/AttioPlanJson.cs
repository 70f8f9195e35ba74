using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attio;

/// <summary>The JSON form of a plan: a versioned document read and written with source-generated metadata.</summary>
internal static class AttioPlanJson
{
    public static string Write(AttioWritePlan plan)
    {
        var document = new PlanDocument
        {
            Version = AttioWritePlan.CurrentVersion,
            Kind = plan.Kind,
            Steps = plan.Steps.Select(step => new StepDocument
            {
                Object = step.ObjectSlug,
                Mode = step.Mode,
                MatchingAttribute = step.MatchingAttribute,
                RecordId = step.RecordId,
                RecordOfStep = step.RecordOfStep,
                Values = step.Values.Select(ValueDocumentOf).ToList(),
                Links = step.Links.Select(l => new LinkDocument { Attribute = l.AttributeSlug, TargetObject = l.TargetObject, Step = l.Step }).ToList(),
                Implicit = step.ImplicitSlugs.Count == 0 ? null : step.ImplicitSlugs.ToList(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(document, AttioPlanJsonContext.Default.PlanDocument);
    }

    public static AttioWritePlan Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PlanDocument? document;
        try
        {
            using (var probe = JsonDocument.Parse(json))
            {
                if (probe.RootElement.ValueKind != JsonValueKind.Object || !probe.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
                {
                    throw new AttioPlanFormatException("This is not an Attio write plan: the JSON has no numeric 'version' field.");
                }

                if (!version.TryGetInt32(out int number) || number != AttioWritePlan.CurrentVersion)
                {
                    throw new AttioPlanFormatException(
                        $"This Attio write plan has version {version.GetRawText()}; this runtime reads version {AttioWritePlan.CurrentVersion} only. Run it with the runtime version that wrote it.");
                }
            }

            document = JsonSerializer.Deserialize(json, AttioPlanJsonContext.Default.PlanDocument);
        }
        catch (JsonException ex)
        {
            throw new AttioPlanFormatException("This is not a readable Attio write plan: " + ex.Message, ex);
        }

        if (document?.Steps is not { Count: > 0 } steps)
        {
            throw new AttioPlanFormatException("This Attio write plan has no steps.");
        }

        try
        {
            return new AttioWritePlan(document.Kind, steps.Select(StepOf).ToArray());
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or JsonException)
        {
            throw new AttioPlanFormatException("This Attio write plan is inconsistent: " + ex.Message, ex);
        }
    }

    private static AttioWriteStep StepOf(StepDocument step) =>
        new(step.Object ?? throw new FormatException("a step has no object"), step.Mode, (step.Values ?? []).Select(ValueOf).ToArray())
        {
            MatchingAttribute = step.MatchingAttribute,
            RecordId = step.RecordId,
            RecordOfStep = step.RecordOfStep,
            Links = (step.Links ?? []).Select(l => new AttioPlanLink(l.Attribute ?? throw new FormatException("a link has no attribute"), l.TargetObject ?? throw new FormatException("a link has no target object"), l.Step)).ToArray(),
            ImplicitSlugs = (IReadOnlyCollection<string>?)step.Implicit ?? Array.Empty<string>(),
        };

    private static ValueDocument ValueDocumentOf(AttioPlanValue value)
    {
        var info = value.Attribute;
        var document = new ValueDocument
        {
            Object = info.ObjectSlug,
            Attribute = info.Slug,
            Type = value is RawPlanValue ? null : info.Type.ToApiName(),
            Multiselect = info.IsMultiselect,
            Writable = info.IsWritable ? null : false,
            Unique = info.IsUnique ? true : null,
            Required = info.IsRequired ? true : null,
            AllowedObjects = info.AllowedObjects?.ToList(),
            Items = [],
        };
        foreach (object? item in value is RawPlanValue raw ? raw.RawItems.Cast<object?>() : value.Items)
        {
            document.Items.Add(item is JsonElement element ? element : AttioPlanItemJson.Write(info.Type, item!));
        }

        return document;
    }

    private static AttioPlanValue ValueOf(ValueDocument value)
    {
        string objectSlug = value.Object ?? throw new FormatException("a value has no object");
        string slug = value.Attribute ?? throw new FormatException("a value has no attribute");
        var items = value.Items ?? [];
        if (value.Type is null)
        {
            var rawInfo = new AttioAttributeInfo(objectSlug, slug, AttioAttributeType.Text, value.Multiselect, value.AllowedObjects);
            return new RawPlanValue(rawInfo, items.Select(i => i.Clone()).ToArray());
        }

        if (!AttioAttributeTypes.TryParse(value.Type, out var type))
        {
            throw new FormatException($"{objectSlug}.{slug} has the unknown attribute type '{value.Type}'");
        }

        var info = new AttioAttributeInfo(objectSlug, slug, type, value.Multiselect, value.AllowedObjects)
        {
            IsWritable = value.Writable ?? true,
            IsUnique = value.Unique ?? false,
            IsRequired = value.Required ?? false,
        };
        return items.Count == 0 ? AttioPlanValue.Clear(info) : AttioPlanItemJson.Read(info, items);
    }

    internal sealed class PlanDocument
    {
        [JsonPropertyName("version")]
        public int Version { get; set; }

        [JsonPropertyName("kind")]
        public AttioPlanKind Kind { get; set; }

        [JsonPropertyName("steps")]
        public List<StepDocument>? Steps { get; set; }
    }

    internal sealed class StepDocument
    {
        [JsonPropertyName("object")]
        public string? Object { get; set; }

        [JsonPropertyName("mode")]
        public AttioWriteMode Mode { get; set; }

        [JsonPropertyName("matching_attribute")]
        public string? MatchingAttribute { get; set; }

        [JsonPropertyName("record_id")]
        public string? RecordId { get; set; }

        [JsonPropertyName("record_of_step")]
        public int? RecordOfStep { get; set; }

        [JsonPropertyName("values")]
        public List<ValueDocument>? Values { get; set; }

        [JsonPropertyName("links")]
        public List<LinkDocument>? Links { get; set; }

        [JsonPropertyName("implicit")]
        public List<string>? Implicit { get; set; }
    }

    internal sealed class ValueDocument
    {
        [JsonPropertyName("object")]
        public string? Object { get; set; }

        [JsonPropertyName("attribute")]
        public string? Attribute { get; set; }

        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("multiselect")]
        public bool Multiselect { get; set; }

        [JsonPropertyName("writable")]
        public bool? Writable { get; set; }

        [JsonPropertyName("unique")]
        public bool? Unique { get; set; }

        [JsonPropertyName("required")]
        public bool? Required { get; set; }

        [JsonPropertyName("allowed_objects")]
        public List<string>? AllowedObjects { get; set; }

        [JsonPropertyName("items")]
        public List<JsonElement>? Items { get; set; }
    }

    internal sealed class LinkDocument
    {
        [JsonPropertyName("attribute")]
        public string? Attribute { get; set; }

        [JsonPropertyName("target_object")]
        public string? TargetObject { get; set; }

        [JsonPropertyName("step")]
        public int Step { get; set; }
    }
}

/// <summary>Source-generated metadata for the plan's JSON form.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AttioPlanJson.PlanDocument))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AttioPlanJsonContext : JsonSerializerContext;
