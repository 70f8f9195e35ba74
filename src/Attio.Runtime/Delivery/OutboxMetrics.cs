using System.Diagnostics.Metrics;

namespace Attio;

/// <summary>
/// The outbox's instruments on the <c>Attio</c> meter: gauges read the status each live pump last read from its store (no
/// store call per collection), and a counter of settled rows by outcome.
/// </summary>
internal static class OutboxMetrics
{
    public const string Delivered = "delivered";
    public const string Rescheduled = "rescheduled";
    public const string DeadLetter = "dead_letter";
    public const string Rejected = "rejected";

    private static readonly Lock Gate = new();
    private static readonly List<OutboxPump> Pumps = [];

    private static readonly Counter<long> Deliveries = AttioTelemetry.Meter.CreateCounter<long>(
        AttioTelemetry.SenderDeliveriesCounter, "{event}", "Events settled by the sender, by outcome.");

#pragma warning disable CA1823, IDE0052 // instruments live as long as the meter; the fields keep them referenced
    private static readonly ObservableGauge<long> Pending = AttioTelemetry.Meter.CreateObservableGauge(
        AttioTelemetry.OutboxPendingGauge, () => Observe((_, s) => s.Unfinished), "{event}", "Outbox rows not delivered yet (pending and in flight).");

    private static readonly ObservableGauge<double> OldestAge = AttioTelemetry.Meter.CreateObservableGauge(
        AttioTelemetry.OutboxOldestPendingAgeGauge, () => Observe((p, s) => s.OldestPendingAge(p.Now).TotalSeconds), "s", "Age of the oldest unfinished outbox row.");

    private static readonly ObservableGauge<long> Dead = AttioTelemetry.Meter.CreateObservableGauge(
        AttioTelemetry.OutboxDeadLettersGauge, () => Observe((_, s) => s.Dead), "{event}", "Dead letters kept in the outbox.");
#pragma warning restore CA1823, IDE0052

    public static void Register(OutboxPump pump)
    {
        lock (Gate)
        {
            Pumps.Add(pump);
        }
    }

    public static void Unregister(OutboxPump pump)
    {
        lock (Gate)
        {
            Pumps.Remove(pump);
        }
    }

    public static void Count(string outcome, long events) =>
        Deliveries.Add(events, new KeyValuePair<string, object?>("outcome", outcome));

    private static List<Measurement<T>> Observe<T>(Func<OutboxPump, AttioOutboxStatus, T> read)
        where T : struct
    {
        lock (Gate)
        {
            return [.. Pumps.Where(p => p.LastStatus is not null)
                .Select(p => new Measurement<T>(read(p, p.LastStatus!), new KeyValuePair<string, object?>("attio.outbox", p.StoreDescription)))];
        }
    }
}
