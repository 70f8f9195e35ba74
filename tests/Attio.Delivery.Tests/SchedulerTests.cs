using Microsoft.Extensions.Time.Testing;
using Northwind.Crm;

namespace Attio.Delivery.Tests;

/// <summary>The scheduler alone, on a fake clock: no HTTP, no threads, no waiting.</summary>
public sealed class SchedulerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private long _sequence;

    [Fact]
    public void ADeliveryWaitsOutItsCoalescingWindowThenGoes()
    {
        var scheduler = new DeliveryScheduler(_time, TimeSpan.FromSeconds(2), maxEventsPerDelivery: 100);
        Assert.True(scheduler.Admit(Entry(out var plan, "window@example.com"), plan, coalesce: true, hold: null));

        Assert.Null(scheduler.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Null(scheduler.TryTake(out wait));
        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.NotNull(scheduler.TryTake(out _));
        Assert.Equal(0, scheduler.QueuedEvents);
    }

    [Fact]
    public void EventsOnOneRecordWithinTheWindowMergeIntoOneDelivery()
    {
        var scheduler = new DeliveryScheduler(_time, TimeSpan.FromSeconds(1), maxEventsPerDelivery: 100);
        scheduler.Admit(Entry(out var first, "merge@example.com", "First"), first, coalesce: true, hold: null);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(scheduler.Admit(Entry(out var second, "MERGE@example.com", "Second"), second, coalesce: true, hold: null));
        scheduler.Admit(Entry(out var other, "other@example.com"), other, coalesce: true, hold: null);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        var op = scheduler.TryTake(out _)!;

        Assert.Equal(2, op.Entries.Count);
        Assert.Equal("Second", Assert.Single(op.Steps).Slots["job_title"].Value.Items[0]);
        Assert.Equal(1, scheduler.QueuedEvents);
    }

    [Fact]
    public void DeliveriesOnOneRecordRunOneAtATimeInEnqueueOrder()
    {
        var scheduler = new DeliveryScheduler(_time, TimeSpan.Zero, maxEventsPerDelivery: 100);
        scheduler.Admit(Entry(out var first, "lane@example.com", "First"), first, coalesce: false, hold: null);
        Assert.False(scheduler.Admit(Entry(out var second, "lane@example.com", "Second"), second, coalesce: false, hold: null));

        var running = scheduler.TryTake(out _)!;
        Assert.Null(scheduler.TryTake(out var wait));
        Assert.Null(wait);

        Assert.True(scheduler.Finish(running));
        var next = scheduler.TryTake(out _)!;
        Assert.Equal("Second", next.Steps[0].Slots["job_title"].Value.Items[0]);
        Assert.True(next.Id > running.Id);
    }

    [Fact]
    public void AHeldBatchGoesOnlyWhenReleasedOrFlushed()
    {
        var scheduler = new DeliveryScheduler(_time, TimeSpan.Zero, maxEventsPerDelivery: 100);
        var hold = new DeliveryHold();
        Assert.False(scheduler.Admit(Entry(out var plan, "held@example.com"), plan, coalesce: true, hold));
        Assert.Null(scheduler.TryTake(out _));

        Assert.True(scheduler.Release(hold));
        Assert.NotNull(scheduler.TryTake(out _));
    }

    [Fact]
    public void AbandonReturnsEverythingNotTaken()
    {
        var scheduler = new DeliveryScheduler(_time, TimeSpan.FromMinutes(1), maxEventsPerDelivery: 100);
        scheduler.Admit(Entry(out var a, "a@example.com"), a, coalesce: true, hold: null);
        scheduler.Admit(Entry(out var b, "b@example.com"), b, coalesce: true, hold: null);

        var abandoned = scheduler.Abandon();

        Assert.Equal(2, abandoned.Count);
        Assert.Equal(0, scheduler.QueuedEvents);
        Assert.True(scheduler.IsIdle);
    }

    private DeliveryEntry Entry(out DeliveryPlan plan, string email, string? jobTitle = null)
    {
        var entry = new DeliveryEntry(AttioDeliveryEvent.Assert(new Person { EmailAddresses = [email], JobTitle = jobTitle ?? "x" }, "email_addresses"), ++_sequence, _time.GetUtcNow());
        var errors = new AttioValidationErrors();
        plan = DeliveryPlanner.Plan(entry, errors)!;
        Assert.True(errors.IsEmpty);
        return entry;
    }
}
