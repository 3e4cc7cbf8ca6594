using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AepFlow.Client.Tests.Infrastructure;

/// <summary>A request as the fault server read it off the socket.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Target.Split('?')[0];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (a <see cref="TcpListener"/>, one response per connection) whose answers are written
/// byte by byte by the test, so it can do what no well-behaved server does: stall mid-body, cut or reset the connection after
/// the headers, redirect elsewhere, echo secrets. It stops by itself when disposed; stalls end then too.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Task _loop;
    private int _count;

    public FaultServer(Func<RawRequest, int, FaultConnection, Task> handle)
    {
        Handle = handle;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public Func<RawRequest, int, FaultConnection, Task> Handle { get; set; }

    public IReadOnlyList<RawRequest> Requests => [.. _requests];

    public IReadOnlyList<RawRequest> RequestsTo(string pathEnd) => [.. _requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            var request = await ReadRequestAsync(stream, _stop.Token);
            if (request is null)
            {
                return;
            }

            _requests.Enqueue(request);
            await Handle(request, Interlocked.Increment(ref _count), new FaultConnection(socket, stream, _stop.Token));
        }
        catch
        {
            // the client went away or the server is stopping
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new RawRequest(start[0], start[1], headers, Encoding.UTF8.GetString(body, 0, read));
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';
}

/// <summary>What a test can do with one connection.</summary>
public sealed class FaultConnection(Socket socket, NetworkStream stream, CancellationToken stopping)
{
    public const string RequestId = "req-fault-1";

    /// <summary>A complete response; the connection is closed after it.</summary>
    public Task RespondAsync(int status, string body, params (string Name, string Value)[] headers) =>
        WriteAsync(Head(status, Encoding.UTF8.GetByteCount(body), headers) + body);

    /// <summary>The headers (declaring the whole body) and the first half of the body, then silence until the server stops.</summary>
    public async Task HeadersThenStallAsync(string body)
    {
        await WriteAsync(Head(200, Encoding.UTF8.GetByteCount(body)) + body[..(body.Length / 2)]);
        await Task.Delay(Timeout.Infinite, stopping);
    }

    /// <summary>The headers and half the body, then the connection is closed (FIN) or reset (RST).</summary>
    public async Task HeadersThenCutAsync(string body, bool reset)
    {
        await WriteAsync(Head(200, Encoding.UTF8.GetByteCount(body)) + body[..(body.Length / 2)]);
        if (reset)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        socket.Close();
    }

    private static string Head(int status, int length, params (string Name, string Value)[] headers)
    {
        var builder = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append("Content-Length: ").Append(length).Append("\r\n")
            .Append("Connection: close\r\n");
        if (!headers.Any(h => h.Name.Equals("x-request-id", StringComparison.OrdinalIgnoreCase)))
        {
            builder.Append("x-request-id: ").Append(RequestId).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return builder.Append("\r\n").ToString();
    }

    private async Task WriteAsync(string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), stopping);
        await stream.FlushAsync(stopping);
    }
}
