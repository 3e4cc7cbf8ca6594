using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AepFlow.Emulator.Tests;

/// <summary>
/// An emulator on a free loopback port plus an HttpClient that sends Platform's headers with a token the emulator issued
/// and its credentials (the emulator is strict by default), and an <see cref="Admin"/> client holding the admin key.
/// </summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string FlowService = "data/foundation/flowservice";
    public const string CrmToAep = "14518937-270c-4525-bdec-c2ba7cce3860";
    public const string CloudStorageToAep = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
    public const string Salesforce = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
    public const string AmazonS3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
    public const string DataLake = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

    private TestEmulator(AepEmulator emulator, string token)
    {
        Emulator = emulator;
        Token = token;
        Http = CreateClient("prod");
        Admin = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Admin.DefaultRequestHeaders.Add("x-emulator-admin-key", emulator.AdminKey);
    }

    public AepEmulator Emulator { get; }

    /// <summary>A client for sandbox <c>prod</c> with every Platform header set.</summary>
    public HttpClient Http { get; }

    /// <summary>A client for the <c>/__emulator</c> endpoints, with the admin key.</summary>
    public HttpClient Admin { get; }

    /// <summary>The access token the emulator issued for <see cref="Http"/>.</summary>
    public string Token { get; }

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = await AepEmulator.StartAsync(options ?? new EmulatorOptions(), CancellationToken.None);
        var token = await IssueTokenAsync(emulator);
        emulator.Requests.Clear(); // tests count the requests they send themselves
        return new(emulator, token);
    }

    /// <summary>A token from the emulator's IMS endpoint for its own credentials.</summary>
    public static async Task<string> IssueTokenAsync(AepEmulator emulator)
    {
        using var anonymous = new HttpClient();
        using var response = await anonymous.PostAsync(emulator.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulator.Credentials.ClientId,
            ["client_secret"] = emulator.Credentials.ClientSecret,
        }));
        Assert.True(response.IsSuccessStatusCode, $"the IMS endpoint answered {(int)response.StatusCode}");
        return (await ReadAsync(response))["access_token"]!.GetValue<string>();
    }

    public HttpClient CreateClient(string? sandbox, bool authorization = true, bool apiKey = true, bool orgId = true)
    {
        var client = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (authorization)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (apiKey)
        {
            client.DefaultRequestHeaders.Add("x-api-key", Emulator.Credentials.ClientId);
        }

        if (orgId)
        {
            client.DefaultRequestHeaders.Add("x-gw-ims-org-id", Emulator.Credentials.OrgId);
        }

        if (sandbox is not null)
        {
            client.DefaultRequestHeaders.Add("x-sandbox-name", sandbox);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!;

    /// <summary>POSTs <paramref name="json"/> and returns the parsed body, failing with the body when the status is not 2xx.</summary>
    public async Task<JsonNode> PostOkAsync(string path, string json, HttpClient? client = null)
    {
        using var response = await (client ?? Http).PostAsync(path, Json(json), CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public async Task<JsonNode> GetOkAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Http).GetAsync(path, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Admin.Dispose();
        await Emulator.DisposeAsync();
    }
}
