using AepFlow;
using AepFlow.Auth;
using AepFlow.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="AepClient"/> with <see cref="IHttpClientFactory"/>, options binding (validated at start) and the
/// client's resilience pipeline. Several sandboxes or organizations: register keyed clients with <c>AddAepClient("prod", …)</c>
/// and resolve them with <c>[FromKeyedServices("prod")] AepClient</c> or <c>GetRequiredKeyedService&lt;AepClient&gt;("prod")</c>.
/// </summary>
public static class AepClientServiceCollectionExtensions
{
    /// <summary>The named HTTP client used for Platform calls (keyed clients append <c>:{name}</c>).</summary>
    public const string HttpClientName = "AepFlow.Platform";

    /// <summary>The named HTTP client used for IMS token requests (keyed clients append <c>:{name}</c>).</summary>
    public const string TokenHttpClientName = "AepFlow.Ims";

    /// <summary>
    /// Adds a singleton <see cref="AepClient"/> whose <see cref="AepClientOptions"/> are bound from the configuration section
    /// <paramref name="sectionName"/> (default <c>Aep</c>: <c>Aep:ClientId</c>, <c>Aep:OrgId</c>…) and validated when the host starts.
    /// </summary>
    /// <returns>The builder of the Platform HTTP client, to add your own handlers.</returns>
    public static IHttpClientBuilder AddAepClient(this IServiceCollection services, IConfiguration configuration, string sectionName = AepClientOptions.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AepClientOptions>().Bind(configuration.GetSection(sectionName));
        return AddCore(services, Options.Options.DefaultName);
    }

    /// <summary>Adds a singleton <see cref="AepClient"/> configured in code, validated when the host starts.</summary>
    /// <returns>The builder of the Platform HTTP client, to add your own handlers.</returns>
    public static IHttpClientBuilder AddAepClient(this IServiceCollection services, Action<AepClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AepClientOptions>().Configure(configure);
        return AddCore(services, Options.Options.DefaultName);
    }

    /// <summary>
    /// Adds a keyed singleton <see cref="AepClient"/> named <paramref name="name"/> (e.g. one per sandbox), with its own named
    /// options, HTTP clients, resilience pipeline and token cache.
    /// </summary>
    /// <returns>The builder of this client's Platform HTTP client.</returns>
    public static IHttpClientBuilder AddAepClient(this IServiceCollection services, string name, Action<AepClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AepClientOptions>(name).Configure(configure);
        return AddCore(services, name);
    }

    /// <summary>Adds a keyed singleton <see cref="AepClient"/> named <paramref name="name"/> bound from <paramref name="section"/>.</summary>
    /// <returns>The builder of this client's Platform HTTP client.</returns>
    public static IHttpClientBuilder AddAepClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<AepClientOptions>(name).Bind(section);
        return AddCore(services, name);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        var keyed = name != Options.Options.DefaultName;
        var suffix = keyed ? ":" + name : "";

        // Options are checked when the host starts (ValidateOnStart), not at the first call. A registered AepCredential
        // (keyed like the client) replaces the secret or token in the options, so neither is required then.
        services.AddOptions<AepClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AepClientOptions>, OptionsValidation>());

        var ims = services.AddHttpClient(TokenHttpClientName + suffix)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(AepResilience.CreatePrimaryHandler);
        ims.AddResilienceHandler("AepFlow.Ims" + suffix, (builder, context) => AepResilience.Configure(builder, OptionsOf(context.ServiceProvider, name)));
        ims.AddHttpMessageHandler(static () => new BodyBufferingHandler());

        var platform = services.AddHttpClient(HttpClientName + suffix)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(AepResilience.CreatePrimaryHandler);
        platform.AddResilienceHandler(AepResilience.PipelineName + suffix, (builder, context) => AepResilience.Configure(builder, OptionsOf(context.ServiceProvider, name)));

        // Inside the resilience handler: the body is read under the attempt and total timeouts.
        platform.AddHttpMessageHandler(static () => new BodyBufferingHandler());

        if (keyed)
        {
            services.TryAddKeyedSingleton(name, (provider, _) => Create(provider, name, suffix, keyed));
        }
        else
        {
            services.TryAddSingleton(provider => Create(provider, name, suffix, keyed));
        }

        return platform;
    }

    private static AepClient Create(IServiceProvider provider, string name, string suffix, bool keyed)
    {
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        return new AepClient(
            OptionsOf(provider, name),
            CredentialOf(provider, name, keyed),
            () => factory.CreateClient(HttpClientName + suffix),
            () => factory.CreateClient(TokenHttpClientName + suffix),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    private static AepClientOptions OptionsOf(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<AepClientOptions>>().Get(name);

    private static AepCredential? CredentialOf(IServiceProvider provider, string name, bool keyed) =>
        keyed ? provider.GetKeyedService<AepCredential>(name) : provider.GetService<AepCredential>();

    // Puts the list of what is missing into the OptionsValidationException the host throws at start.
    private sealed class OptionsValidation(IServiceProvider provider) : IValidateOptions<AepClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, AepClientOptions options)
        {
            name ??= Options.Options.DefaultName;
            var credential = CredentialOf(provider, name, keyed: name != Options.Options.DefaultName);
            return options.Validate(requireCredential: credential is null) is { } problems
                ? ValidateOptionsResult.Fail($"AepClient '{name}': {problems}")
                : ValidateOptionsResult.Success;
        }
    }
}
