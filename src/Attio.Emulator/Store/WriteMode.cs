namespace Attio.Emulator.Store;

internal enum WriteMode
{
    Create,

    /// <summary>PATCH: multiselect values are added in front; an empty list removes nothing; null clears a single value.</summary>
    Append,

    /// <summary>PUT: multiselect values are replaced by exactly the list sent, so an empty list clears.</summary>
    Overwrite,

    /// <summary>PUT ?matching_attribute: append for the matching attribute, overwrite for the others.</summary>
    Assert,
}
