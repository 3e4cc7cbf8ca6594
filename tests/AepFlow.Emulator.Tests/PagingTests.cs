namespace AepFlow.Emulator.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Next_links_walk_every_page_once()
    {
        await using var env = await TestEmulator.StartAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await Scenario.CreateBaseConnectionAsync(env, $"connection {i}"));
        }

        var seen = new List<string>();
        var pages = 0;
        string? next = $"{TestEmulator.FlowService}/connections?limit=2";
        while (next is not null)
        {
            var page = await env.GetOkAsync(next.TrimStart('/'));
            pages++;
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            next = page["_links"]?["next"]?["href"]?.GetValue<string>();
            if (next is not null)
            {
                Assert.Contains("continuationToken=", next);
                Assert.StartsWith("/data/foundation/flowservice/connections?", next);
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task Paging_keeps_filters_and_order()
    {
        await using var env = await TestEmulator.StartAsync();
        foreach (var name in (string[])["b", "keep-a", "keep-c", "keep-b"])
        {
            await Scenario.CreateBaseConnectionAsync(env, name);
        }

        var first = await env.GetOkAsync($"{TestEmulator.FlowService}/connections?limit=2&orderby=-name&property=name!=b");
        var second = await env.GetOkAsync(first["_links"]!["next"]!["href"]!.GetValue<string>().TrimStart('/'));

        Assert.Equal(["keep-c", "keep-b"], first["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(["keep-a"], second["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Null(second["_links"]!["next"]);
    }

    [Fact]
    public async Task Count_true_answers_only_the_count()
    {
        await using var env = await TestEmulator.StartAsync();
        await Scenario.CreateBaseConnectionAsync(env, "one");
        await Scenario.CreateBaseConnectionAsync(env, "two");

        var body = await env.GetOkAsync($"{TestEmulator.FlowService}/connections?count=true&property=name==two");

        Assert.Equal("""{"count":1}""", body.ToJsonString());
    }

    [Fact]
    public async Task A_forged_continuation_token_is_400()
    {
        await using var env = await TestEmulator.StartAsync();

        using var response = await env.Http.GetAsync($"{TestEmulator.FlowService}/connections?continuationToken=abc");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
