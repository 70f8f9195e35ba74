namespace Attio.Emulator.Values;

/// <summary>The normaliser for each of Attio's 17 attribute types.</summary>
internal static class ValueNormalisers
{
    private static readonly Dictionary<string, IValueNormaliser> ByType = new(StringComparer.Ordinal)
    {
        ["text"] = new TextNormaliser(),
        ["number"] = new NumberNormaliser(),
        ["checkbox"] = new CheckboxNormaliser(),
        ["currency"] = new CurrencyNormaliser(),
        ["date"] = new DateNormaliser(),
        ["timestamp"] = new TimestampNormaliser(),
        ["rating"] = new RatingNormaliser(),
        ["status"] = new StatusNormaliser(),
        ["select"] = new SelectNormaliser(),
        ["record-reference"] = new RecordReferenceNormaliser(),
        ["actor-reference"] = new ActorReferenceNormaliser(),
        ["location"] = new LocationNormaliser(),
        ["domain"] = new DomainNormaliser(),
        ["email-address"] = new EmailAddressNormaliser(),
        ["phone-number"] = new PhoneNumberNormaliser(),
        ["interaction"] = new InteractionNormaliser(),
        ["personal-name"] = new PersonalNameNormaliser(),
    };

    public static IValueNormaliser For(string type) =>
        ByType.TryGetValue(type, out var normaliser)
            ? normaliser
            : throw new InvalidOperationException($"The schema file uses an attribute type the emulator does not know: \"{type}\".");
}
