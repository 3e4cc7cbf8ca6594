using System.Text.Json;
using AepFlow.Validation;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace AepFlow.Emulator.Tests;

/// <summary>A fact that runs only when <c>AEPFLOW_BROWSER_TESTS=1</c> (it needs Debian's chromium and chromium-driver).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Switch = "AEPFLOW_BROWSER_TESTS";

    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"Browser test: set {Switch}=1 after 'apt-get install -y chromium chromium-driver'.";
        }
    }
}

/// <summary>The dashboard in a real headless Chromium: what AepClient created appears, updates arrive, secrets never do.</summary>
public sealed class DashboardBrowserTests
{
    private const string Password = "pw-Zq81-never-shown";
    private const string SecurityToken = "st-Xy72-never-shown";
    private const string UserName = "un-Wv63-never-shown";

    [BrowserFact]
    public async Task A_flow_created_through_AepClient_appears_with_its_schedule_and_secrets_never_appear()
    {
        await using var env = await TestEmulator.StartAsync();
        var (source, target, mapping) = await Scenario.PrepareFlowAsync(env);
        await env.PostOkAsync($"{TestEmulator.FlowService}/connections", $$"""
            { "name": "Salesforce with secrets",
              "auth": { "specName": "Basic Authentication", "params": { "username": "{{UserName}}", "password": "{{Password}}", "securityToken": "{{SecurityToken}}" } },
              "connectionSpec": { "id": "{{TestEmulator.Salesforce}}", "version": "1.0" } }
            """);
        using var client = env.Emulator.CreateClient();
        var flow = await client.Flows.CreateAsync(new DashboardFlowRequest { SourceConnectionId = source, TargetConnectionId = target, MappingId = mapping });
        env.Emulator.Clock.Advance(TimeSpan.FromSeconds(10)); // the first run completes

        using var driver = StartChromium();
        driver.Navigate().GoToUrl(env.Emulator.DashboardAddress);
        var page = await WaitForAsync(driver, html => html.Contains("CRM contacts from the browser test", StringComparison.Ordinal));

        var flows = driver.FindElement(By.Id("flows-prod")).Text;
        Assert.Contains(flow.Id, flows);
        Assert.Contains("every 15 minutes from 2026-01-01 00:00 UTC", flows);
        Assert.Contains("CRMToAEP", flows);
        Assert.Contains("enabled", flows);
        var runs = driver.FindElement(By.Id("runs-prod")).Text;
        Assert.Contains("success", runs);
        Assert.Contains("100", runs);
        Assert.Contains("Salesforce with secrets", driver.FindElement(By.Id("connections-prod")).Text);
        Assert.DoesNotContain("adminKey", driver.Url); // the key moved into a cookie

        // The page follows requests as they arrive.
        await Scenario.CreateBaseConnectionAsync(env, "Created after the page loaded");
        page = await WaitForAsync(driver, html => html.Contains("Created after the page loaded", StringComparison.Ordinal));

        Screenshot(driver);
        foreach (var secret in new[] { UserName, Password, SecurityToken, env.Token, env.Emulator.Credentials.ClientSecret, env.Emulator.AdminKey })
        {
            Assert.DoesNotContain(secret, page);
        }

        Assert.Contains("***", page);
    }

    private static ChromeDriver StartChromium()
    {
        // Debian's chromium and its chromedriver; no browser or driver download (Selenium Manager is not asked).
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1400,1100",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("aepflow-chromium-").FullName);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static async Task<string> WaitForAsync(IWebDriver driver, Func<string, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var html = driver.PageSource;
            if (done(html))
            {
                return html;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The dashboard never showed what was expected:\n" + driver.PageSource);
    }

    /// <summary>Saves the page to <c>AEPFLOW_SCREENSHOT</c> when set (docs/emulator-dashboard.png is made this way).</summary>
    private static void Screenshot(ChromeDriver driver)
    {
        if (Environment.GetEnvironmentVariable("AEPFLOW_SCREENSHOT") is { Length: > 0 } path)
        {
            driver.GetScreenshot().SaveAsFile(path);
        }
    }

    /// <summary>The CRM tutorial flow written by hand (this project does not run the generator).</summary>
    private sealed record DashboardFlowRequest : IFlowRequest
    {
        public string FlowSpecId => TestEmulator.CrmToAep;

        public string FlowSpecVersion => "1.0";

        public required string SourceConnectionId { get; init; }

        public required string TargetConnectionId { get; init; }

        public required string MappingId { get; init; }

        public ValidationResult Validate()
        {
            var collector = new ValidationCollector();
            ValidateInto(ref collector);
            return collector.ToResult();
        }

        public void ValidateInto(ref ValidationCollector collector)
        {
        }

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("name", "CRM contacts from the browser test");
            writer.WriteStartObject("flowSpec");
            writer.WriteString("id", FlowSpecId);
            writer.WriteString("version", FlowSpecVersion);
            writer.WriteEndObject();
            writer.WriteStartArray("sourceConnectionIds");
            writer.WriteStringValue(SourceConnectionId);
            writer.WriteEndArray();
            writer.WriteStartArray("targetConnectionIds");
            writer.WriteStringValue(TargetConnectionId);
            writer.WriteEndArray();
            writer.WriteStartArray("transformations");
            writer.WriteStartObject();
            writer.WriteString("name", "Copy");
            writer.WriteStartObject("params");
            writer.WriteStartObject("deltaColumn");
            writer.WriteString("name", "LastModifiedDate");
            writer.WriteString("dateFormat", "YYYY-MM-DD");
            writer.WriteString("timezone", "UTC");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("name", "Mapping");
            writer.WriteStartObject("params");
            writer.WriteString("mappingId", MappingId);
            writer.WriteString("mappingVersion", "0");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("scheduleParams");
            writer.WriteNumber("startTime", 1767225600);
            writer.WriteString("frequency", "minute");
            writer.WriteNumber("interval", 15);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
