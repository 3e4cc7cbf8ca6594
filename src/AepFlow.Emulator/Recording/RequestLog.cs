namespace AepFlow.Emulator;

/// <summary>
/// The API requests the emulator received, oldest first, for tests to inspect (headers sent, whether a POST was repeated).
/// The value of the <c>Authorization</c> header is never stored.
/// </summary>
public sealed class RequestLog
{
    internal const string RecordItemKey = "AepFlow.Emulator.RecordedRequest";

    private readonly Lock _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();
    private readonly int _capacity;

    internal RequestLog(int capacity) => _capacity = Math.Max(1, capacity);

    /// <summary>Copies of the recorded requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Enqueue(request);
            while (_requests.Count > _capacity)
            {
                _requests.Dequeue();
            }
        }
    }
}

/// <summary>One request as the emulator received it.</summary>
public sealed class RecordedRequest
{
    private int _statusCode;

    internal RecordedRequest(
        DateTimeOffset receivedAt,
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        string? body)
    {
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>Request path, e.g. <c>/data/foundation/flowservice/flows</c>.</summary>
    public string Path { get; }

    /// <summary>Query string including the leading <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>
    /// Request headers (names as sent, several values joined by <c>", "</c>); <c>Authorization</c> keeps only its scheme, and
    /// headers whose names say they hold a secret (<c>x-access-token</c>…) are <c>***</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body as text (up to 1 MiB), or <see langword="null"/> when there was none.</summary>
    public string? Body { get; }

    /// <summary>The status the emulator answered with; 0 while in progress or when the connection was dropped.</summary>
    public int StatusCode => Volatile.Read(ref _statusCode);

    /// <summary>The injected fault (<c>429</c>, <c>drop</c>, <c>latency 200 ms</c>…), or <see langword="null"/>.</summary>
    public string? Fault { get; internal set; }

    /// <summary>The <c>x-sandbox-name</c> header, or <c>prod</c> when absent.</summary>
    public string Sandbox => Headers.TryGetValue("x-sandbox-name", out var sandbox) && sandbox.Length > 0 ? sandbox : "prod";

    internal void Complete(int statusCode) => Volatile.Write(ref _statusCode, statusCode);
}
