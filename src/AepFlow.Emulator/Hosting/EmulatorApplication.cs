using System.Net;
using AepFlow.Emulator.Endpoints;
using AepFlow.Emulator.Faults;
using AepFlow.Emulator.Gateway;
using AepFlow.Emulator.Recording;
using AepFlow.Emulator.Specs;
using AepFlow.Emulator.Storage;
using AepFlow.Emulator.Validation;

namespace AepFlow.Emulator;

/// <summary>Builds the emulator's web application, for both <c>aepflow emulator</c> and <see cref="AepEmulator"/>.</summary>
internal static class EmulatorApplication
{
    // Found by reflection once per process; every emulator instance shares the result.
    private static readonly Lazy<GeneratedConnectionValidator> ConnectionModels = new(GeneratedConnectionValidator.Discover);

    /// <summary>
    /// Creates the application. It listens on <see cref="EmulatorOptions.Urls"/> when given, otherwise on 127.0.0.1 at
    /// <see cref="EmulatorOptions.Port"/>; ambient settings such as <c>ASPNETCORE_URLS</c> never widen that.
    /// </summary>
    public static WebApplication Build(EmulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        // The framework's per-request logs add noise without saying more than ours, and its start lines ("Now listening on",
        // "Press Ctrl+C to shut down", content root) repeat what the emulator's own start line and aepflow emulator print.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            RequestLimits.ConfigureKestrel(kestrel.Limits);

            // Explicit endpoints override ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS and the "urls" setting.
            if (options.Urls.Count == 0)
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                return;
            }

            foreach (var url in options.Urls)
            {
                var (address, port) = ParseUrl(url);
                kestrel.Listen(address, port);
            }
        });

        var specs = SpecCatalog.Load(options.SpecFolders);
        var state = new EmulatorState(options, specs, new ResourceStore(), new GeneratedFlowValidator(), ConnectionModels.Value);
        var faults = new FaultInjector();
        foreach (var rule in options.Faults)
        {
            faults.Add(rule);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(new RequestLog(options.MaxRecordedRequests));

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AepFlow.Emulator");
        foreach (var problem in specs.Problems)
        {
            logger.LogWarning("Spec skipped: {Problem}", problem);
        }

        // A bug in the emulator answers like a failing service would; Kestrel's refusals (408, 413) keep their status.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = RequestLimits.HandleExceptionAsync });
        app.Use(RequestLimits.CheckAsync);

        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(AdminEndpoints.BasePath)
                && !context.Request.Path.StartsWithSegments(AdminEndpoints.BasePath + "/health"),
            admin => admin.UseMiddleware<AdminKeyMiddleware>());

        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(AdminEndpoints.BasePath) && context.Request.Path != "/",
            api =>
            {
                api.UseMiddleware<RecordingMiddleware>();
                api.UseMiddleware<FaultMiddleware>();
                api.UseWhen(
                    context => !context.Request.Path.StartsWithSegments(ImsEndpoints.TokenPath),
                    platform =>
                    {
                        platform.UseMiddleware<GatewayMiddleware>();

                        // Whatever became due on the simulated clock happens before the request reads it.
                        platform.Use((context, next) =>
                        {
                            state.Runs.CatchUp();
                            return next(context);
                        });
                    });
            });

        FlowServiceEndpoints.Map(app);
        DataPrepEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        SchemaRegistryEndpoints.Map(app);
        ImsEndpoints.Map(app);
        AdminEndpoints.Map(app);
        Dashboard.DashboardEndpoints.Map(app);
        app.MapFallback(context => Errors.AepErrors
            .Service(StatusCodes.Status404NotFound, "EMULATOR-1404", "Not Found", $"The emulator has no endpoint {context.Request.Method} {context.Request.Path}.")
            .ExecuteAsync(context));

        app.Lifetime.ApplicationStarted.Register(() =>
            logger.LogInformation(
                "AepFlow emulator listening on {Addresses} with {FlowSpecs} flowSpecs and {ConnectionSpecs} connectionSpecs",
                string.Join(", ", app.Urls),
                specs.FlowSpecs.Count,
                specs.ConnectionSpecs.Count));
        return app;
    }

    /// <summary>Reads <c>http://host:port</c>; <c>localhost</c> is loopback, <c>*</c>, <c>+</c> and <c>0.0.0.0</c> every interface.</summary>
    public static (IPAddress Address, int Port) ParseUrl(string url)
    {
        // Uri refuses "*" and "+" as hosts, so they are swapped for a placeholder first.
        var normalized = url.Replace("://*", "://any.invalid", StringComparison.Ordinal).Replace("://+", "://any.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            throw new ArgumentException($"'{url}' is not an address the emulator can listen on; use http://127.0.0.1:5080 (http only, no path).", nameof(url));
        }

        var address = uri.Host switch
        {
            "any.invalid" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) => ip,
            _ => throw new ArgumentException($"'{uri.Host}' is not an IP address; use 127.0.0.1, 0.0.0.0 or localhost.", nameof(url)),
        };
        return (address, uri.Port);
    }
}
