using System.Globalization;

namespace Attio.Outbox.Host;

/// <summary>
/// <c>--sqlite PATH --emulator URL --token T [--identifies N] [--offset K] [--rounds R] [--enqueue-only | --deliver-only]
/// [--writes-per-second W] [--durability full|normal]</c>. Users K..N-1 are identified R times each (consecutively, so
/// their rows coalesce).
/// </summary>
internal sealed record HostArguments
{
    public string? Sqlite { get; init; }

    public Uri? Emulator { get; init; }

    public string? Token { get; init; }

    public int Identifies { get; init; }

    public int Offset { get; init; }

    public int Rounds { get; init; } = 1;

    public bool EnqueueOnly { get; init; }

    public bool DeliverOnly { get; init; }

    public int WritesPerSecond { get; init; } = 25;

    public SqliteOutboxDurability Durability { get; init; } = SqliteOutboxDurability.Full;

    public static HostArguments Parse(string[] args)
    {
        var parsed = new HostArguments();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            parsed = args[i] switch
            {
                "--sqlite" => parsed with { Sqlite = Value() },
                "--emulator" => parsed with { Emulator = new Uri(Value()) },
                "--token" => parsed with { Token = Value() },
                "--identifies" => parsed with { Identifies = Number() },
                "--offset" => parsed with { Offset = Number() },
                "--rounds" => parsed with { Rounds = Number() },
                "--writes-per-second" => parsed with { WritesPerSecond = Number() },
                "--enqueue-only" => parsed with { EnqueueOnly = true },
                "--deliver-only" => parsed with { DeliverOnly = true },
                "--durability" => parsed with { Durability = Enum.Parse<SqliteOutboxDurability>(Value(), ignoreCase: true) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        if (parsed.Sqlite is null)
        {
            throw new ArgumentException("--sqlite PATH is required.");
        }

        if (!parsed.EnqueueOnly && (parsed.Emulator is null || parsed.Token is null))
        {
            throw new ArgumentException("Delivering needs --emulator URL and --token T.");
        }

        return parsed;
    }
}
