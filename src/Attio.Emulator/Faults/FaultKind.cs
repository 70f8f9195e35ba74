namespace Attio.Emulator;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>429 with Attio's rate-limit body and an HTTP-date Retry-After; the request is not processed.</summary>
    Status429,

    /// <summary>409; the request is not processed.</summary>
    Status409,

    /// <summary>500; the request is not processed.</summary>
    Status500,

    /// <summary>502; the request is not processed.</summary>
    Status502,

    /// <summary>503; the request is not processed.</summary>
    Status503,

    /// <summary>Waits for the fault's delay, then processes the request normally.</summary>
    Delay,

    /// <summary>Aborts the connection without answering; the request is not processed.</summary>
    DropConnection,

    /// <summary>Answers with the status and body given to <see cref="FaultInjector.EnqueueResponse"/>; the request is not processed.</summary>
    Respond,
}
