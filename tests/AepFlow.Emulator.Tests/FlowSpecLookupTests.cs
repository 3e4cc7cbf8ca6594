using System.Net;

namespace AepFlow.Emulator.Tests;

public sealed class FlowSpecLookupTests
{
    [Fact]
    public async Task Name_filter_returns_only_the_named_flowSpec()
    {
        await using var env = await TestEmulator.StartAsync();

        var body = await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?property=name==\"CRMToAEP\"");

        var spec = Scenario.Single(body);
        Assert.Equal(TestEmulator.CrmToAep, spec["id"]!.GetValue<string>());
        Assert.Contains(TestEmulator.Salesforce, spec["sourceConnectionSpecIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public async Task Comma_means_any_of_and_repeated_property_means_all_of()
    {
        await using var env = await TestEmulator.StartAsync();

        var either = await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?property=name==CRMToAEP,CloudStorageToAEP");
        var both = await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?property=name==CRMToAEP,CloudStorageToAEP&property=id=={TestEmulator.CloudStorageToAep}");

        Assert.Equal(
            ["CRMToAEP", "CloudStorageToAEP"],
            either["items"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("CloudStorageToAEP", Scenario.Single(both)["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_by_id_wraps_the_spec_in_items_and_unknown_ids_are_404()
    {
        await using var env = await TestEmulator.StartAsync();

        var body = await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs/{TestEmulator.CrmToAep}");
        using var missing = await env.Http.GetAsync($"{TestEmulator.FlowService}/flowSpecs/00000000-0000-0000-0000-000000000000");

        Assert.Equal("CRMToAEP", Scenario.Single(body)["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = await TestEmulator.ReadAsync(missing);
        Assert.EndsWith("-404", error["type"]!.GetValue<string>());
        Assert.Equal(404, error["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConnectionSpecs_are_served_from_the_bundled_specs()
    {
        await using var env = await TestEmulator.StartAsync();

        var salesforce = await env.GetOkAsync($"{TestEmulator.FlowService}/connectionSpecs/{TestEmulator.Salesforce}");
        var dataLake = await env.GetOkAsync($"{TestEmulator.FlowService}/connectionSpecs?property=id=={TestEmulator.DataLake}");

        Assert.Equal("salesforce", Scenario.Single(salesforce)["name"]!.GetValue<string>());
        Assert.Equal(TestEmulator.DataLake, Scenario.Single(dataLake)["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_bundled_spec_file_is_served()
    {
        await using var env = await TestEmulator.StartAsync();
        var specsRoot = Path.Combine(RepositoryRoot(), "specs");

        var count = await env.GetOkAsync($"{TestEmulator.FlowService}/flowSpecs?count=true");
        var connectionCount = await env.GetOkAsync($"{TestEmulator.FlowService}/connectionSpecs?count=true");

        Assert.Equal(Directory.GetFiles(Path.Combine(specsRoot, "flowspecs"), "*.json").Length, count["count"]!.GetValue<int>());
        Assert.Equal(Directory.GetFiles(Path.Combine(specsRoot, "connectionspecs"), "*.json").Length, connectionCount["count"]!.GetValue<int>());
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
