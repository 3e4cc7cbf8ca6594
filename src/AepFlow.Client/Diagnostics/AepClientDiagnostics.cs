using System.Diagnostics;

namespace AepFlow.Diagnostics;

/// <summary>Tracing for the client: one <see cref="Activity"/> per Platform call from the source named <see cref="SourceName"/>.</summary>
public static class AepClientDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name to listen to (OpenTelemetry: <c>AddSource("AepFlow.Client")</c>).</summary>
    public const string SourceName = "AepFlow.Client";

    /// <summary>The logger category of the client.</summary>
    public const string LoggerCategory = "AepFlow.Client";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(AepClientDiagnostics).Assembly.GetName().Version?.ToString());
}
