namespace Attio;

/// <summary>What <c>AddAttio</c> does at host start with the generated schema manifest (<see cref="AttioClientOptions.VerifySchemaOnStart"/>).</summary>
public enum AttioSchemaVerification
{
    /// <summary>No check at start (the default: starting never depends on reaching Attio).</summary>
    Off = 0,

    /// <summary>Compare with the live workspace and log every change; start anyway.</summary>
    LogOnly = 1,

    /// <summary>Compare; a breaking change to an attribute the code writes fails start-up with <see cref="AttioSchemaDriftException"/>; harmless changes are logged.</summary>
    FailOnBreaking = 2,
}
