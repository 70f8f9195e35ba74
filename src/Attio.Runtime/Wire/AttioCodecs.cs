using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Attio.Internal;

/// <summary>
/// One codec per writable attribute type. Each validates a value against Attio's rules and writes it in the
/// explicit object form of Attio's API (e.g. <c>{"email_address":"a@b.com"}</c>), which leaves Attio nothing to guess.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class AttioCodecs
{
    /// <summary><c>text</c>: any string up to 10 MB.</summary>
    public static IAttioValueCodec<string> Text { get; } = new TextCodec();
    /// <summary><c>number</c>: a finite double.</summary>
    public static IAttioValueCodec<double> Number { get; } = new NumberCodec();
    /// <summary><c>checkbox</c>: true or false.</summary>
    public static IAttioValueCodec<bool> Checkbox { get; } = new CheckboxCodec();
    /// <summary><c>currency</c>: a decimal with at most 4 decimal places.</summary>
    public static IAttioValueCodec<decimal> Currency { get; } = new CurrencyCodec();
    /// <summary><c>date</c>: a calendar date.</summary>
    public static IAttioValueCodec<DateOnly> Date { get; } = new DateCodec();
    /// <summary><c>timestamp</c>: an instant, sent in UTC.</summary>
    public static IAttioValueCodec<DateTimeOffset> Timestamp { get; } = new TimestampCodec();
    /// <summary><c>rating</c>: an integer from 0 to 5.</summary>
    public static IAttioValueCodec<int> Rating { get; } = new RatingCodec();
    /// <summary><c>status</c>: a status by title or id.</summary>
    public static IAttioValueCodec<StatusOption> Status { get; } = new StatusCodec();
    /// <summary><c>select</c>: an option by title or id.</summary>
    public static IAttioValueCodec<SelectOption> Select { get; } = new SelectCodec();
    /// <summary><c>record-reference</c>: a record by id or by a unique attribute's value.</summary>
    public static IAttioValueCodec<RecordReference> RecordReference { get; } = new RecordReferenceCodec();
    /// <summary><c>actor-reference</c>: a workspace member by email or id.</summary>
    public static IAttioValueCodec<ActorReference> ActorReference { get; } = new ActorReferenceCodec();
    /// <summary><c>location</c>: all ten keys, unknown ones null.</summary>
    public static IAttioValueCodec<Location> Location { get; } = new LocationCodec();
    /// <summary><c>domain</c>: a host name such as <c>app.attio.com</c>.</summary>
    public static IAttioValueCodec<string> Domain { get; } = new DomainCodec();
    /// <summary><c>email-address</c>: a valid email address.</summary>
    public static IAttioValueCodec<string> EmailAddress { get; } = new EmailAddressCodec();
    /// <summary><c>phone-number</c>: E.164, or a national number with a country code.</summary>
    public static IAttioValueCodec<PhoneNumber> PhoneNumber { get; } = new PhoneNumberCodec();
    /// <summary><c>personal-name</c>: first, last and full name.</summary>
    public static IAttioValueCodec<PersonalName> PersonalName { get; } = new PersonalNameCodec();

    /// <summary>
    /// <c>interaction</c>: read-only, only Attio writes it. Validating any value adds an error, so a record that sets or
    /// clears an interaction is never sent. The codec is contravariant: it serves any reference type.
    /// </summary>
    public static IAttioValueCodec<object?> Interaction { get; } = new ReadOnlyCodec<object?>(AttioAttributeType.Interaction);

    /// <summary>
    /// A codec for a value that must never be written (an <c>is_writable: false</c> attribute, an interaction):
    /// validation always adds an error and writing throws.
    /// </summary>
    public static IAttioValueCodec<T> ReadOnly<T>(AttioAttributeType type) => new ReadOnlyCodec<T>(type);

    /// <summary>The codec that writes values of <paramref name="type"/>, when the runtime can write that type.</summary>
    public static bool IsWritableType(AttioAttributeType type) => type != AttioAttributeType.Interaction;

    /// <summary>The latest instant Attio stores: <c>9999-12-31T23:59:59.999999999Z</c> (.NET stops at 100 ns before it).</summary>
    public static DateTimeOffset MaxTimestamp { get; } = new(DateTime.MaxValue.Ticks, TimeSpan.Zero);

    private const int MaxTextBytes = 10 * 1024 * 1024;

    // Each codec checks that it is used for an attribute of its own type: a mismatch means generated code and the
    // schema disagree, and Attio would reject (or worse, coerce) the value.
    private static bool IsOwnType(AttioAttributeInfo attribute, AttioAttributeType type, string? value, AttioValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(errors);
        if (attribute.Type == type)
        {
            return true;
        }

        errors.Add(attribute, value, $"a {attribute.Type.ToApiName()} value (a {type.ToApiName()} value was given)");
        return false;
    }

    /// <summary>
    /// Within the one size limit Attio documents for strings: 10 MB of UTF-8 for a text value. Other string parts
    /// (names, address lines, titles) have no documented limit of their own, so they are held to the same bound
    /// rather than sent unbounded.
    /// </summary>
    internal static bool IsWithinTextLimit(string value) =>
        value.Length <= MaxTextBytes / 3 || System.Text.Encoding.UTF8.GetByteCount(value) <= MaxTextBytes;

    private static string Invariant(IFormattable value, string? format = null) => value.ToString(format, CultureInfo.InvariantCulture);
}
