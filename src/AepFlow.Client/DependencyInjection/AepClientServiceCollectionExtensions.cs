using AepFlow;
using AepFlow.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AepClient"/> with <see cref="IHttpClientFactory"/>, options binding and the client's resilience pipeline.</summary>
public static class AepClientServiceCollectionExtensions
{
    /// <summary>The named HTTP client used for Platform calls.</summary>
    public const string HttpClientName = "AepFlow.Platform";

    /// <summary>The named HTTP client used for IMS token requests.</summary>
    public const string TokenHttpClientName = "AepFlow.Ims";

    /// <summary>
    /// Adds a singleton <see cref="AepClient"/> whose <see cref="AepClientOptions"/> are bound from the configuration section
    /// <paramref name="sectionName"/> (default <c>Aep</c>: <c>Aep:ClientId</c>, <c>Aep:OrgId</c>…).
    /// </summary>
    /// <returns>The builder of the Platform HTTP client, to add your own handlers.</returns>
    public static IHttpClientBuilder AddAepClient(this IServiceCollection services, IConfiguration configuration, string sectionName = AepClientOptions.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AepClientOptions>().Bind(configuration.GetSection(sectionName));
        return AddCore(services);
    }

    /// <summary>Adds a singleton <see cref="AepClient"/> configured in code.</summary>
    /// <returns>The builder of the Platform HTTP client, to add your own handlers.</returns>
    public static IHttpClientBuilder AddAepClient(this IServiceCollection services, Action<AepClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AepClientOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddHttpClient(TokenHttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("AepFlow.Ims", static (builder, context) =>
                AepResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<AepClientOptions>>().Value));

        var platform = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);
        platform.AddResilienceHandler(AepResilience.PipelineName, static (builder, context) =>
            AepResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<AepClientOptions>>().Value));

        services.TryAddSingleton(static provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new AepClient(
                provider.GetRequiredService<IOptions<AepClientOptions>>().Value,
                () => factory.CreateClient(HttpClientName),
                () => factory.CreateClient(TokenHttpClientName),
                provider.GetService<ILoggerFactory>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System);
        });

        return platform;
    }
}
