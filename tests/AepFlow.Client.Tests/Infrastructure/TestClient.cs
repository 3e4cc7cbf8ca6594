using Microsoft.Extensions.Logging;

namespace AepFlow.Client.Tests.Infrastructure;

public static class TestClient
{
    public const string Secret = "s3cr3t-value-never-logged";

    public static AepClientOptions Options(bool fixedToken = true) => new()
    {
        BaseAddress = new Uri("https://platform.test"),
        ClientId = "client-id-1",
        ClientSecret = fixedToken ? null : Secret,
        AccessToken = fixedToken ? "fixed-token-abc" : null,
        OrgId = "ORG1@AdobeOrg",
        SandboxName = "dev-sandbox",
        TokenEndpoint = new Uri("https://ims.test/ims/token/v3"),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };

    public static AepClient Create(RecordingHandler handler, AepClientOptions? options = null, LogSink? logs = null, TimeProvider? time = null)
    {
        var factory = logs is null ? null : LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return new AepClient(options ?? Options(), handler, factory, time ?? TimeProvider.System);
    }
}
