using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AepFlow.Auth;
using AepFlow.Diagnostics;
using AepFlow.Http;
using AepFlow.Security;
using AepFlow.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AepFlow;

/// <summary>
/// The Adobe Experience Platform client: one property per service, each call authenticated, validated, retried when safe,
/// traced and logged. Create it with <c>services.AddAepClient(configuration)</c> or <c>new AepClient(options)</c>.
/// </summary>
/// <example>
/// <code>
/// using var client = new AepClient(AepClientOptions.FromEnvironment());
/// var spec = await client.FlowSpecs.FindByNameAsync("CRMToAEP");
/// var created = await client.Flows.CreateAsync(new CrmToAep.CreateFlowRequest { … });
/// </code>
/// </example>
public class AepClient : IDisposable
{
    private readonly AepTransport _transport = null!;
    private readonly AepCredential? _ownedCredential;
    private readonly HttpClient? _ownedHttp;

    /// <summary>A client with its own connection pool and the standard resilience pipeline.</summary>
    public AepClient(AepClientOptions options)
        : this(options, primaryHandler: null, loggerFactory: null)
    {
    }

    /// <summary>
    /// A client sending through <paramref name="primaryHandler"/> (e.g. a configured <see cref="SocketsHttpHandler"/> or a test
    /// double) behind the standard resilience pipeline, logging to <paramref name="loggerFactory"/>. A handler you pass should
    /// not follow redirects (<c>AllowAutoRedirect = false</c>): the client never wants them followed.
    /// </summary>
    public AepClient(AepClientOptions options, HttpMessageHandler? primaryHandler, ILoggerFactory? loggerFactory = null)
        : this(options, credential: null, primaryHandler, loggerFactory, TimeProvider.System)
    {
    }

    /// <summary>
    /// A client taking its tokens from <paramref name="credential"/> (e.g. your own <see cref="AepCredential"/>); the options'
    /// <c>ClientSecret</c> and <c>AccessToken</c> are not used.
    /// </summary>
    public AepClient(AepClientOptions options, AepCredential credential, HttpMessageHandler? primaryHandler = null, ILoggerFactory? loggerFactory = null)
        : this(options, credential ?? throw new ArgumentNullException(nameof(credential)), primaryHandler, loggerFactory, TimeProvider.System)
    {
    }

    internal AepClient(AepClientOptions options, HttpMessageHandler? primaryHandler, ILoggerFactory? loggerFactory, TimeProvider timeProvider)
        : this(options, credential: null, primaryHandler, loggerFactory, timeProvider)
    {
    }

    private AepClient(AepClientOptions options, AepCredential? credential, HttpMessageHandler? primaryHandler, ILoggerFactory? loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.EnsureValid(requireCredential: credential is null);

        // Timeouts are the resilience pipeline's job; HttpClient's own 100 s limit would cut retries short.
        _ownedHttp = new HttpClient(AepResilience.CreateHandler(options, primaryHandler), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var http = _ownedHttp;
        (_transport, _ownedCredential) = Compose(options, credential, () => http, () => http, loggerFactory, timeProvider);
        InitializeServices(out _flows, out _flowSpecs, out _connectionSpecs, out _connections, out _sourceConnections, out _targetConnections, out _runs, out _mappingSets, out _dataSets, out _schemas);
    }

    /// <summary>Used by dependency injection: HTTP clients come from <see cref="IHttpClientFactory"/>, one per call.</summary>
    internal AepClient(AepClientOptions options, AepCredential? credential, Func<HttpClient> api, Func<HttpClient> ims, ILoggerFactory? loggerFactory, TimeProvider timeProvider)
    {
        options = options.Clone();
        options.EnsureValid(requireCredential: credential is null);
        (_transport, _ownedCredential) = Compose(options, credential, api, ims, loggerFactory, timeProvider);
        InitializeServices(out _flows, out _flowSpecs, out _connectionSpecs, out _connections, out _sourceConnections, out _targetConnections, out _runs, out _mappingSets, out _dataSets, out _schemas);
    }

    /// <summary>
    /// For mocking: a derived test double overrides the members it needs (each is virtual); the others throw.
    /// </summary>
    protected AepClient()
    {
        _flows = null!;
        _flowSpecs = null!;
        _connectionSpecs = null!;
        _connections = null!;
        _sourceConnections = null!;
        _targetConnections = null!;
        _runs = null!;
        _mappingSets = null!;
        _dataSets = null!;
        _schemas = null!;
    }

    private readonly FlowsClient _flows;
    private readonly FlowSpecsClient _flowSpecs;
    private readonly ConnectionSpecsClient _connectionSpecs;
    private readonly ConnectionsClient _connections;
    private readonly SourceConnectionsClient _sourceConnections;
    private readonly TargetConnectionsClient _targetConnections;
    private readonly RunsClient _runs;
    private readonly MappingSetsClient _mappingSets;
    private readonly DataSetsClient _dataSets;
    private readonly SchemasClient _schemas;

    /// <summary>Flow Service dataflows.</summary>
    public virtual FlowsClient Flows => _flows;

    /// <summary>Flow Service flowSpecs.</summary>
    public virtual FlowSpecsClient FlowSpecs => _flowSpecs;

    /// <summary>Flow Service connectionSpecs.</summary>
    public virtual ConnectionSpecsClient ConnectionSpecs => _connectionSpecs;

    /// <summary>Flow Service base connections.</summary>
    public virtual ConnectionsClient Connections => _connections;

    /// <summary>Flow Service source connections.</summary>
    public virtual SourceConnectionsClient SourceConnections => _sourceConnections;

    /// <summary>Flow Service target connections.</summary>
    public virtual TargetConnectionsClient TargetConnections => _targetConnections;

    /// <summary>Flow Service dataflow runs.</summary>
    public virtual RunsClient Runs => _runs;

    /// <summary>Data Prep mapping sets.</summary>
    public virtual MappingSetsClient MappingSets => _mappingSets;

    /// <summary>Catalog datasets.</summary>
    public virtual DataSetsClient DataSets => _dataSets;

    /// <summary>Schema Registry schemas.</summary>
    public virtual SchemasClient Schemas => _schemas;

    /// <summary>
    /// Sends any call, e.g. one built by a generated <c>AepFlow.Operations.*Operations</c> method, with the same
    /// authentication, validation, retries and error mapping as the service properties.
    /// </summary>
    public virtual async Task<AepResponse> SendAsync(AepRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // A body that is not valid JSON fails here, with the call's details, not later where Json is first read.
        _ = response.Json;
        return response;
    }

    /// <summary>
    /// Sends a call and deserializes its body through source-generated metadata; the answer keeps the status, the
    /// <c>x-request-id</c> and the etag beside the value.
    /// </summary>
    public virtual async Task<AepResponse<T>> SendAsync<T>(AepRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return new AepResponse<T>(response.Deserialize(responseType)!, response.StatusCode, response.RequestId, response.Etag);
    }

    /// <summary>
    /// Sends a list call and every following page, yielding each item's JSON. Next-page links that lead to another host
    /// than <see cref="AepClientOptions.BaseAddress"/> are refused (<see cref="AepInvalidResponseException"/>).
    /// </summary>
    public virtual IAsyncEnumerable<JsonElement> ListAsync(AepRequest request, CancellationToken cancellationToken = default) =>
        _transport.PageAsync(request, AepTransport.ListItems, static (item, _) => item.Clone(), cancellationToken);

    /// <summary>Sends a list call and every following page, deserializing each item through source-generated metadata.</summary>
    public virtual async IAsyncEnumerable<T> ListAsync<T>(AepRequest request, JsonTypeInfo<T> itemType, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        await foreach (var item in ListAsync(request, cancellationToken).ConfigureAwait(false))
        {
            yield return item.Deserialize(itemType)!;
        }
    }

    /// <summary>Releases the connection pool of a client created with <c>new</c>; a no-op for one from dependency injection.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the client owns.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttp?.Dispose();
            (_ownedCredential as IDisposable)?.Dispose();
        }
    }

    private static (AepTransport, AepCredential?) Compose(AepClientOptions options, AepCredential? credential, Func<HttpClient> api, Func<HttpClient> ims, ILoggerFactory? loggerFactory, TimeProvider timeProvider)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(AepClientDiagnostics.LoggerCategory);
        var redactor = new Redactor(options.ClientSecret, options.AccessToken);
        AepCredential? owned = null;
        if (credential is null)
        {
            owned = credential = string.IsNullOrWhiteSpace(options.AccessToken)
                ? new ImsClientSecretCredential(ims, options, timeProvider, logger, redactor)
                : new AepAccessTokenCredential(options.AccessToken);
        }

        return (new AepTransport(api, options, credential, logger, redactor), owned);
    }

    private void InitializeServices(
        out FlowsClient flows, out FlowSpecsClient flowSpecs, out ConnectionSpecsClient connectionSpecs, out ConnectionsClient connections,
        out SourceConnectionsClient sourceConnections, out TargetConnectionsClient targetConnections, out RunsClient runs,
        out MappingSetsClient mappingSets, out DataSetsClient dataSets, out SchemasClient schemas)
    {
        flows = new(_transport);
        flowSpecs = new(_transport);
        connectionSpecs = new(_transport);
        connections = new(_transport);
        sourceConnections = new(_transport);
        targetConnections = new(_transport);
        runs = new(_transport);
        mappingSets = new(_transport);
        dataSets = new(_transport);
        schemas = new(_transport);
    }
}
