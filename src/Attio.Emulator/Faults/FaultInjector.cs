using Attio.Emulator.Faults;

namespace Attio.Emulator;

/// <summary>
/// Scripted and probabilistic faults per route. Scripted faults are used first, in the order enqueued;
/// probabilistic rules are tried after that, each with its own seeded random source so runs repeat.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(RoutePattern Route, Fault Fault)> _scripted = [];
    private readonly List<(RoutePattern Route, Fault Fault, double Probability, Random Random)> _random = [];

    /// <summary>Makes the next <paramref name="count"/> requests matching <paramref name="route"/> fail with <paramref name="kind"/>.</summary>
    /// <param name="route">For example "PUT /v2/objects/*/records"; see the class remarks for wildcards.</param>
    /// <param name="kind">What to do.</param>
    /// <param name="count">How many requests to affect.</param>
    /// <param name="delay">The wait for <see cref="FaultKind.Delay"/>; ignored otherwise.</param>
    public void Enqueue(string route, FaultKind kind, int count = 1, TimeSpan? delay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pattern = new RoutePattern(route);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Add((pattern, new Fault(kind, delay ?? TimeSpan.Zero)));
            }
        }
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests matching <paramref name="route"/> answer <paramref name="statusCode"/>
    /// with <paramref name="body"/> (JSON) as written, for answers the emulator never gives itself (a 413 from a proxy,
    /// an error body of an unusual shape, a field in an unexpected form).
    /// </summary>
    public void EnqueueResponse(string route, int statusCode, string body, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentNullException.ThrowIfNull(body);
        var pattern = new RoutePattern(route);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Add((pattern, new Fault(FaultKind.Respond, TimeSpan.Zero, statusCode, body)));
            }
        }
    }

    /// <summary>Makes each request matching <paramref name="route"/> fail with probability <paramref name="probability"/>.</summary>
    public void AddProbabilistic(string route, FaultKind kind, double probability, int seed, TimeSpan? delay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        lock (_gate)
        {
            _random.Add((new RoutePattern(route), new Fault(kind, delay ?? TimeSpan.Zero), probability, new Random(seed)));
        }
    }

    /// <summary>How many scripted faults are still waiting.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _scripted.Count;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _scripted.Clear();
            _random.Clear();
        }
    }

    internal Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            var index = _scripted.FindIndex(s => s.Route.Matches(method, path));
            if (index >= 0)
            {
                var fault = _scripted[index].Fault;
                _scripted.RemoveAt(index);
                return fault;
            }

            foreach (var rule in _random)
            {
                if (rule.Route.Matches(method, path) && rule.Random.NextDouble() < rule.Probability)
                {
                    return rule.Fault;
                }
            }

            return null;
        }
    }
}
