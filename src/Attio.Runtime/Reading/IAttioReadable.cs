namespace Attio;

/// <summary>A generated record that can be built from a stored record's values (see <see cref="AttioStoredRecordReads.As{T}"/>).</summary>
/// <typeparam name="TSelf">The generated record type.</typeparam>
public interface IAttioReadable<TSelf> where TSelf : AttioRecord
{
    /// <summary>
    /// A record holding the stored values of every writable attribute that has one; attributes without a value stay
    /// not set, so writing the record back changes nothing it did not read.
    /// </summary>
    static abstract TSelf From(AttioStoredRecord stored);
}

/// <summary>Typed reads of records Attio returns.</summary>
public static class AttioStoredRecordReads
{
    /// <summary>
    /// The stored record as the generated record <typeparamref name="T"/>, e.g. <c>stored.As&lt;Person&gt;()</c>:
    /// <c>person.JobTitle</c> is a string, <c>person.Name</c> a <see cref="PersonalName"/>.
    /// </summary>
    public static T As<T>(this AttioStoredRecord stored) where T : AttioRecord, IAttioReadable<T>
    {
        ArgumentNullException.ThrowIfNull(stored);
        return T.From(stored);
    }
}
