using System.Text.Json;

namespace Attio;

/// <summary>
/// Reads the typed values of a record during its validation pass (generated records validate every set or cleared
/// attribute through <see cref="AttioFields"/>), so one pass gives a plan both the values and their errors.
/// </summary>
internal sealed class RecordValueCapture
{
    private readonly Dictionary<string, AttioPlanValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The record's set and cleared values; its validation errors go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<AttioPlanValue> Read(AttioRecord record, AttioValidationErrors errors)
    {
        var capture = new RecordValueCapture();
        RecordValueCapture? previous = errors.Capture;
        errors.Capture = capture;
        try
        {
            record.CollectValidationErrors(errors);
        }
        finally
        {
            errors.Capture = previous;
        }

        if (!capture.CoversEverything(record))
        {
            capture.AddWrittenJson(record);
        }

        return capture._order.Select(slug => capture._values[slug]).ToArray();
    }

    public void Add<T>(AttioAttributeInfo attribute, AttioFieldState state, T value, IAttioValueCodec<T> codec)
    {
        if (state == AttioFieldState.Set)
        {
            Put(AttioPlanValue.Of(attribute, value, codec));
        }
        else if (state == AttioFieldState.Cleared)
        {
            Put(AttioPlanValue.Clear(attribute));
        }
    }

    public void AddMany<T>(AttioAttributeInfo attribute, AttioFieldState state, IReadOnlyCollection<T>? values, IAttioValueCodec<T> codec)
    {
        if (state == AttioFieldState.Set && values is { Count: > 0 })
        {
            Put(AttioPlanValue.Of(attribute, values as IReadOnlyList<T> ?? values.ToArray(), codec));
        }
        else if (state != AttioFieldState.NotSet)
        {
            Put(AttioPlanValue.Clear(attribute));
        }
    }

    // A typed value already read for the slug wins over the clear CheckWritable reports on the way.
    public void AddClear(AttioAttributeInfo attribute, AttioFieldState state)
    {
        if (state == AttioFieldState.Cleared && !_values.ContainsKey(attribute.Slug))
        {
            Put(AttioPlanValue.Clear(attribute));
        }
    }

    private void Put(AttioPlanValue value)
    {
        if (!_values.ContainsKey(value.Slug))
        {
            _order.Add(value.Slug);
        }

        _values[value.Slug] = value;
    }

    // Generated records list their attributes, so a missing value is known without writing JSON.
    private bool CoversEverything(AttioRecord record)
    {
        var infos = record.GetAttributeInfos();
        if (infos.Count == 0)
        {
            return false;
        }

        foreach (AttioAttributeInfo info in infos)
        {
            if (record.GetState(info.Slug) != AttioFieldState.NotSet && !_values.ContainsKey(info.Slug))
            {
                return false;
            }
        }

        return true;
    }

    // A record that writes without AttioFields: its values are kept as the JSON it writes.
    private void AddWrittenJson(AttioRecord record)
    {
        using var document = JsonDocument.Parse(record.ToRequestBody());
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("values", out var values))
        {
            return;
        }

        var infos = record.GetAttributeInfos().ToDictionary(i => i.Slug, StringComparer.Ordinal);
        foreach (JsonProperty property in values.EnumerateObject())
        {
            if (_values.ContainsKey(property.Name))
            {
                continue;
            }

            var info = infos.TryGetValue(property.Name, out var known)
                ? known
                : new AttioAttributeInfo(record.ObjectSlug, property.Name, AttioAttributeType.Text, AttioStandardObjects.IsKnownMultiselect(record.ObjectSlug, property.Name));
            var items = property.Value.ValueKind == JsonValueKind.Array
                ? property.Value.EnumerateArray().Select(i => i.Clone()).ToArray()
                : new[] { property.Value.Clone() };
            Put(new RawPlanValue(info, items));
        }
    }
}
