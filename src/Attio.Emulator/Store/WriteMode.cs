namespace Attio.Emulator.Store;

internal enum WriteMode
{
    Create,

    /// <summary>PATCH: multiselect values are added in front, nothing is removed.</summary>
    Append,

    /// <summary>PUT: multiselect values are replaced by exactly the list sent.</summary>
    Overwrite,

    /// <summary>PUT ?matching_attribute: append for the matching attribute, overwrite for the others.</summary>
    Assert,
}
