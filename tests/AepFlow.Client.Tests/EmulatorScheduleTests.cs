using System.Net;
using AepFlow.Client.Tests.Infrastructure;
using AepFlow.FlowSpecs;
using AepFlow.Http;
using AepFlow.Validation;

namespace AepFlow.Client.Tests;

/// <summary>
/// Changing a dataflow's schedule and state on the emulator with the generated <c>CrmToAep.ScheduleParams</c>: the etag comes
/// from a typed GET, the schedule is validated against CRMToAEP's scheduleSpec before anything is sent.
/// </summary>
public sealed class EmulatorScheduleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_schedule_is_replaced_with_the_etag_of_a_typed_get_and_an_invalid_one_never_leaves_the_client()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        var flow = await EmulatorRunTests.CreateFlowAsync(client);

        var current = await client.Flows.GetWithResponseAsync(flow.Id);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.False(string.IsNullOrEmpty(current.RequestId));
        Assert.Equal(current.Value.Etag, current.Etag);
        Assert.NotNull(current.Etag);

        // Interval 10 with frequency minute breaks CRMToAEP's scheduleSpec (minimum 15): rejected here, nothing sent.
        var patchesBefore = Patches();
        var invalid = await Assert.ThrowsAsync<AepValidationException>(() =>
            client.Flows.UpdateScheduleAsync(flow.Id, current.Etag!, Schedule(CrmToAep.Frequency.Minute, IntervalOf(10))));
        Assert.Equal("/scheduleParams/interval", Assert.Single(invalid.Errors).Path);
        Assert.Equal(patchesBefore, Patches());

        var updated = await client.Flows.UpdateScheduleWithResponseAsync(flow.Id, current.Etag!, Schedule(CrmToAep.Frequency.Minute, IntervalOf(30)));
        Assert.Equal(flow.Id, updated.Value.Id);
        Assert.NotEqual(current.Etag, updated.Etag);
        Assert.Equal(updated.Value.Etag, updated.Etag);
        Assert.Equal(patchesBefore + 1, Patches());

        var read = await client.Flows.GetWithResponseAsync(flow.Id);
        var schedule = read.Value.Json.GetProperty("scheduleParams");
        Assert.Equal(30, schedule.GetProperty("interval").GetInt32());
        Assert.Equal("minute", schedule.GetProperty("frequency").GetString());
        Assert.Equal(updated.Etag, read.Etag);

        // The etag the first GET returned is stale now: Platform (and the emulator) refuse it.
        var stale = await Assert.ThrowsAsync<AepConcurrencyException>(() =>
            client.Flows.UpdateScheduleAsync(flow.Id, current.Etag!, Schedule(CrmToAep.Frequency.Hour, IntervalOf(2))));
        Assert.Equal(current.Etag, stale.SentEtag);
    }

    [Fact]
    public async Task A_flow_is_disabled_and_enabled_again_each_change_issuing_a_new_etag()
    {
        fixture.Emulator.Reset();
        using var client = new AepClient(fixture.Options());
        var flow = await EmulatorRunTests.CreateFlowAsync(client);
        var before = await client.Flows.GetWithResponseAsync(flow.Id);

        var disabled = await client.Flows.DisableWithResponseAsync(flow.Id);
        Assert.Equal("disabled", (await client.Flows.GetAsync(flow.Id)).State);
        var enabled = await client.Flows.EnableWithResponseAsync(flow.Id);
        var after = await client.Flows.GetWithResponseAsync(flow.Id);

        Assert.Equal("enabled", after.Value.State);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False(string.IsNullOrEmpty(enabled.RequestId));
        Assert.Equal([before.Etag, disabled.Etag, enabled.Etag], new[] { before.Etag, disabled.Etag, enabled.Etag }.Distinct());
        Assert.Equal(enabled.Etag, after.Etag);
    }

    private int Patches() => fixture.Emulator.Requests.Snapshot().Count(r => r.Method == "PATCH");

    // Through a parameter, so the value is not a constant the analyzers would already reject at build time (AEPF010).
    private static int IntervalOf(int value) => value;

    private static CrmToAep.ScheduleParams Schedule(CrmToAep.Frequency frequency, int interval) => new()
    {
        StartTime = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
        Frequency = frequency,
        Interval = interval,
    };
}
