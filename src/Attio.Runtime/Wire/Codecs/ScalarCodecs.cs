using System.Globalization;
using System.Text.Json;

namespace Attio.Internal;

public static partial class AttioCodecs
{
    private sealed class TextCodec : IAttioValueCodec<string>
    {
        public void Validate(AttioAttributeInfo attribute, string value, AttioValidationErrors errors)
        {
            if (!IsOwnType(attribute, AttioAttributeType.Text, value, errors))
            {
                return;
            }

            if (value is null)
            {
                errors.Add(attribute, null, "a string (assign null to the property to clear it)");
            }
            else if (!AttioSyntax.IsWellFormedText(value))
            {
                errors.Add(attribute, value, "well-formed text (the value has an unpaired UTF-16 surrogate)");
            }
            else if (!IsWithinTextLimit(value))
            {
                errors.Add(attribute, $"{value.Length} characters", "text of at most 10 MB (UTF-8)");
            }
        }

        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }

    private sealed class NumberCodec : IAttioValueCodec<double>
    {
        public void Validate(AttioAttributeInfo attribute, double value, AttioValidationErrors errors)
        {
            if (IsOwnType(attribute, AttioAttributeType.Number, Invariant(value, "R"), errors) && !double.IsFinite(value))
            {
                errors.Add(attribute, Invariant(value, "R"), "a finite number (not NaN or infinity)");
            }
        }

        // Written exactly as given: Attio stores a 64-bit float (its spec), so nothing is rounded here; a value the
        // caller did not write must never be stored silently.
        public void Write(Utf8JsonWriter writer, double value)
        {
            writer.WriteStartObject();
            writer.WriteNumber(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }

    private sealed class CheckboxCodec : IAttioValueCodec<bool>
    {
        public void Validate(AttioAttributeInfo attribute, bool value, AttioValidationErrors errors) =>
            IsOwnType(attribute, AttioAttributeType.Checkbox, value ? "true" : "false", errors);

        public void Write(Utf8JsonWriter writer, bool value)
        {
            writer.WriteStartObject();
            writer.WriteBoolean(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }

    private sealed class CurrencyCodec : IAttioValueCodec<decimal>
    {
        public void Validate(AttioAttributeInfo attribute, decimal value, AttioValidationErrors errors)
        {
            string text = Invariant(value);
            if (!IsOwnType(attribute, AttioAttributeType.Currency, text, errors))
            {
                return;
            }

            if (decimal.Round(value, 4) != value)
            {
                errors.Add(attribute, text, "an amount with at most 4 decimal places");
            }
            else if ((decimal)(double)value != value)
            {
                // Attio's currency_value is a JSON number held as a 64-bit float: any size survives (large JPY, KRW or
                // IDR amounts included) as long as the float keeps every digit, i.e. up to 15 significant digits.
                errors.Add(attribute, text, "an amount a 64-bit float keeps exactly (at most 15 significant digits); Attio would store a different amount");
            }
        }

        public void Write(Utf8JsonWriter writer, decimal value)
        {
            writer.WriteStartObject();
            writer.WriteNumber(WireNames.CurrencyValue, value);
            writer.WriteEndObject();
        }
    }

    private sealed class DateCodec : IAttioValueCodec<DateOnly>
    {
        // DateOnly spans exactly Attio's range, 0001-01-01 to 9999-12-31: only the attribute type can be wrong.
        public void Validate(AttioAttributeInfo attribute, DateOnly value, AttioValidationErrors errors) =>
            IsOwnType(attribute, AttioAttributeType.Date, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), errors);

        public void Write(Utf8JsonWriter writer, DateOnly value)
        {
            Span<char> buffer = stackalloc char[10];
            value.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString(WireNames.Value, buffer[..written]);
            writer.WriteEndObject();
        }
    }

    private sealed class TimestampCodec : IAttioValueCodec<DateTimeOffset>
    {
        public void Validate(AttioAttributeInfo attribute, DateTimeOffset value, AttioValidationErrors errors)
        {
            string text = value.ToString("O", CultureInfo.InvariantCulture);
            if (!IsOwnType(attribute, AttioAttributeType.Timestamp, text, errors))
            {
                return;
            }

            // Attio converts to UTC; an instant whose UTC form leaves 0001..9999 cannot be stored (or even formatted).
            long utcTicks = value.Ticks - value.Offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                errors.Add(attribute, text, "an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z once converted to UTC");
            }
        }

        public void Write(Utf8JsonWriter writer, DateTimeOffset value)
        {
            Span<char> buffer = stackalloc char[32];
            value.UtcDateTime.TryFormat(buffer, out int written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString(WireNames.Value, buffer[..written]);
            writer.WriteEndObject();
        }
    }

    private sealed class RatingCodec : IAttioValueCodec<int>
    {
        public void Validate(AttioAttributeInfo attribute, int value, AttioValidationErrors errors)
        {
            string text = Invariant(value);
            if (IsOwnType(attribute, AttioAttributeType.Rating, text, errors) && value is < 0 or > 5)
            {
                errors.Add(attribute, text, "a whole number from 0 to 5");
            }
        }

        public void Write(Utf8JsonWriter writer, int value)
        {
            writer.WriteStartObject();
            writer.WriteNumber(WireNames.Value, value);
            writer.WriteEndObject();
        }
    }
}
