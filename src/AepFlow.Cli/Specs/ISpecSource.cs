using System.Text.Json;
using AepFlow.Http;

namespace AepFlow.Cli.Specs;

/// <summary>Where pulled specs come from: every spec of one kind, as the JSON items of the list responses.</summary>
internal interface ISpecSource
{
    /// <summary>Every spec of <paramref name="kind"/>, following every page.</summary>
    IAsyncEnumerable<JsonElement> ListAsync(SpecKind kind, CancellationToken cancellationToken);
}

/// <summary>
/// Lists specs through the runtime client, so the pull gets the same headers, token handling, retries and paging
/// (<c>_links.next.href</c> / continuation tokens) as every other Platform call. Items are read as raw JSON: a pull must keep
/// every member the sandbox returns, including ones no typed resource knows yet.
/// </summary>
internal sealed class PlatformSpecSource(AepClient client, int? pageSize) : ISpecSource
{
    public IAsyncEnumerable<JsonElement> ListAsync(SpecKind kind, CancellationToken cancellationToken)
    {
        var request = new AepRequest(HttpMethod.Get, ServiceBasePaths.FlowService, kind.ResourcePath())
        {
            IsIdempotent = true,
            Pages = true,
        }.AddQuery("limit", pageSize);
        return client.ListAsync(request, cancellationToken);
    }
}
