using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AepFlow.Emulator.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_never_contain_the_access_token()
    {
        var sink = new CapturingLoggerProvider();
        await using var env = await TestEmulator.StartAsync(new EmulatorOptions
        {
            MinimumLogLevel = LogLevel.Trace,
            ConfigureLogging = logging => logging.AddProvider(sink),
        });
        env.Emulator.Faults.InjectStatus(503);

        using var faulted = await env.Http.GetAsync($"{TestEmulator.FlowService}/flows");
        await Scenario.PrepareFlowAsync(env);
        using var refused = await env.CreateClient("prod", apiKey: false).GetAsync($"{TestEmulator.FlowService}/flows");

        Assert.NotEmpty(sink.Messages);
        Assert.Contains(sink.Messages, m => m.Contains("503", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Messages, m => m.Contains(env.Token, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
