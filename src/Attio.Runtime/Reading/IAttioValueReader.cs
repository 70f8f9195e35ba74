using System.ComponentModel;
using System.Text.Json;

namespace Attio.Internal;

/// <summary>Reads one value of an attribute type from Attio's response form (one element of a record's values array).</summary>
/// <typeparam name="T">The .NET representation, the same one the type's codec writes.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAttioValueReader<out T>
{
    /// <summary>The value held by <paramref name="value"/>; throws <see cref="FormatException"/> naming the field when it is not there.</summary>
    T Read(JsonElement value);
}
