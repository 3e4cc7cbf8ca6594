using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class SandboxTests
{
    [Fact]
    public async Task Resources_live_in_the_sandbox_they_were_created_in()
    {
        await using var env = await TestEmulator.StartAsync();
        using var dev = env.CreateClient("dev");
        using var noHeader = env.CreateClient(sandbox: null);

        var id = await Scenario.CreateBaseConnectionAsync(env, "dev connection", dev);

        using var fromProd = await env.Http.GetAsync($"{TestEmulator.FlowService}/connections/{id}");
        using var fromDefault = await noHeader.GetAsync($"{TestEmulator.FlowService}/connections/{id}");
        var inDev = Scenario.Single(await env.GetOkAsync($"{TestEmulator.FlowService}/connections/{id}", dev));
        var prodList = await env.GetOkAsync($"{TestEmulator.FlowService}/connections");

        Assert.Equal(HttpStatusCode.NotFound, fromProd.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromDefault.StatusCode);
        Assert.Equal("dev", inDev["sandboxName"]!.GetValue<string>());
        Assert.Empty(prodList["items"]!.AsArray());
    }

    [Fact]
    public async Task A_flow_cannot_use_connections_from_another_sandbox()
    {
        await using var env = await TestEmulator.StartAsync();
        using var dev = env.CreateClient("dev");
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env, dev);

        using var response = await env.Http.PostAsync($"{TestEmulator.FlowService}/flows", TestEmulator.Json(Scenario.FlowJson(source, target, mapping)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Specs_are_the_same_in_every_sandbox()
    {
        await using var env = await TestEmulator.StartAsync();
        using var dev = env.CreateClient("dev");

        var inDev = await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?property=name==CRMToAEP", dev);

        Assert.Equal(TestEmulator.CrmToAep, Scenario.Single(inDev)["id"]!.GetValue<string>());
    }
}
