using System.Net;
using AepFlow.Emulator.Endpoints;
using AepFlow.Emulator.Faults;
using AepFlow.Emulator.Gateway;
using AepFlow.Emulator.Recording;
using AepFlow.Emulator.Specs;
using AepFlow.Emulator.Storage;
using AepFlow.Emulator.Validation;

namespace AepFlow.Emulator;

/// <summary>Builds the emulator's web application, for both <c>dotnet run</c> and <see cref="AepEmulator"/>.</summary>
internal static class EmulatorApplication
{
    // Found by reflection once per process; every emulator instance shares the result.
    private static readonly Lazy<GeneratedConnectionValidator> ConnectionModels = new(GeneratedConnectionValidator.Discover);

    /// <summary>
    /// Creates the application. When <paramref name="useConfiguredUrls"/> is set and <c>--urls</c> (or ASPNETCORE_URLS) was
    /// given, Kestrel listens there; otherwise on 127.0.0.1 at <see cref="EmulatorOptions.Port"/>.
    /// </summary>
    public static WebApplication Build(string[] args, EmulatorOptions options, bool useConfiguredUrls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        // The framework's per-request logs add noise without saying more than ours.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (!useConfiguredUrls || string.IsNullOrEmpty(urls))
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        }

        var specs = SpecCatalog.LoadEmbedded();
        var tokens = new TokenIssuer(options);
        var state = new EmulatorState(options, specs, new ResourceStore(), new GeneratedFlowValidator(), ConnectionModels.Value, tokens);
        var faults = new FaultInjector();
        foreach (var rule in options.Faults)
        {
            faults.Add(rule);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(new RequestLog(options.MaxRecordedRequests));
        builder.Services.AddSingleton(options.TimeProvider);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AepFlow.Emulator");
        foreach (var problem in specs.Problems)
        {
            logger.LogWarning("Spec skipped: {Problem}", problem);
        }

        // A bug in the emulator answers like a failing service would, in the service error shape.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => Errors.AepErrors
                .Service(StatusCodes.Status500InternalServerError, "EMULATOR-1500", "Internal Server Error", "The emulator failed to handle this request; see its log.")
                .ExecuteAsync(context),
        });

        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(AdminEndpoints.BasePath),
            api =>
            {
                api.UseMiddleware<RecordingMiddleware>();
                api.UseMiddleware<FaultMiddleware>();
                api.UseWhen(
                    context => !context.Request.Path.StartsWithSegments(ImsEndpoints.TokenPath),
                    platform => platform.UseMiddleware<GatewayMiddleware>());
            });

        FlowServiceEndpoints.Map(app);
        DataPrepEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        SchemaRegistryEndpoints.Map(app);
        ImsEndpoints.Map(app);
        AdminEndpoints.Map(app);
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
}
