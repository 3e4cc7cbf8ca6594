using System.Text.Json;

namespace AepFlow.Resources;

/// <summary>
/// One run of a dataflow as Flow Service returns it (<c>FlowRunItemDTO</c> in flow-service.yaml): its status, metrics and
/// errors. Read tolerantly: members Platform leaves out are null.
/// </summary>
public sealed record FlowRun
{
    /// <summary>The run id.</summary>
    public required string Id { get; init; }

    /// <summary>The flow it belongs to.</summary>
    public string? FlowId { get; init; }

    /// <summary>The flowSpec the flow runs under.</summary>
    public ResourceRef? FlowSpec { get; init; }

    /// <summary>
    /// The run's status (<c>metrics.statusSummary.status</c>) as Platform spells it: <c>pending</c>, <c>inProgress</c>,
    /// <c>success</c>, <c>failed</c>, <c>partialSuccess</c>…
    /// </summary>
    public string? Status { get; init; }

    /// <summary>Whether the run has ended (<see cref="Status"/> is a final one: success, failed, partial, cancelled).</summary>
    public bool IsCompleted => RunStatus.IsFinal(Status);

    /// <summary>Whether the run ended with every record written (<c>success</c> or <c>completed</c>).</summary>
    public bool Succeeded => RunStatus.IsSuccess(Status);

    /// <summary>Creation time, epoch milliseconds.</summary>
    public long? CreatedAt { get; init; }

    /// <summary>Last update, epoch milliseconds.</summary>
    public long? UpdatedAt { get; init; }

    /// <summary>The provider's reference for the run.</summary>
    public string? ProviderRefId { get; init; }

    /// <summary>The etag.</summary>
    public string? Etag { get; init; }

    /// <summary>What the run did: duration, bytes, records and files.</summary>
    public FlowRunMetrics Metrics { get; init; } = FlowRunMetrics.Empty;

    /// <summary>
    /// The errors the run reported: <c>metrics.statusSummary.errors</c>, the records' <c>failedInfo</c>, and each
    /// activity's <c>statusSummary.extensions.errors</c> (duplicates removed).
    /// </summary>
    public IReadOnlyList<FlowRunError> Errors { get; init; } = [];

    /// <summary>The run's activities (copy, transform…), each with its own status.</summary>
    public IReadOnlyList<FlowRunActivity> Activities { get; init; } = [];

    private KeptJson _json;

    /// <summary>The whole response object.</summary>
    public JsonElement Json { get => _json.Value; init => _json = KeptJson.Of(value); }

    internal static FlowRun FromJson(JsonElement e, ReadOnlyMemory<byte> body)
    {
        var metrics = JsonRead.Object(e, "metrics"u8);
        var activities = ReadActivities(e);
        var errors = new List<FlowRunError>();
        AddErrors(errors, JsonRead.Object(metrics, "statusSummary"u8), "errors");
        AddErrors(errors, JsonRead.Object(metrics, "recordSummary"u8), "failedInfo");
        foreach (var activity in activities)
        {
            foreach (var error in activity.Errors)
            {
                if (!errors.Contains(error))
                {
                    errors.Add(error);
                }
            }
        }

        return new()
        {
            Id = JsonRead.RequiredString(e, "id"u8, "run"),
            FlowId = JsonRead.String(e, "flowId"u8),
            FlowSpec = JsonRead.Ref(e, "flowSpec"u8),
            Status = JsonRead.String(JsonRead.Object(metrics, "statusSummary"u8), "status"u8),
            CreatedAt = JsonRead.Int64(e, "createdAt"u8),
            UpdatedAt = JsonRead.Int64(e, "updatedAt"u8),
            ProviderRefId = JsonRead.String(e, "providerRefId"u8),
            Etag = JsonRead.String(e, "etag"u8) ?? JsonRead.String(e, "eTag"u8),
            Metrics = FlowRunMetrics.FromJson(metrics),
            Errors = errors,
            Activities = activities,
            _json = KeptJson.Of(e, body),
        };
    }

    // The OpenAPI document spells it "activites" in one place; Platform answers "activities".
    private static IReadOnlyList<FlowRunActivity> ReadActivities(JsonElement run)
    {
        foreach (var name in (ReadOnlySpan<string>)["activities", "activites"])
        {
            if (run.ValueKind == JsonValueKind.Object && run.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var activities = new List<FlowRunActivity>(list.GetArrayLength());
                foreach (var item in list.EnumerateArray())
                {
                    activities.Add(FlowRunActivity.FromJson(item));
                }

                return activities;
            }
        }

        return [];
    }

    internal static void AddErrors(List<FlowRunError> errors, JsonElement owner, string name)
    {
        if (owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    var error = FlowRunError.FromJson(item);
                    if (!errors.Contains(error))
                    {
                        errors.Add(error);
                    }
                }
            }
        }
    }
}

/// <summary>A run's metrics (<c>FlowRunMetricsDTO</c>): duration, sizes, record and file counts.</summary>
public sealed record FlowRunMetrics
{
    internal static FlowRunMetrics Empty { get; } = new();

    /// <summary>When the run started (<c>durationSummary.startedAtUTC</c>).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run completed (<c>durationSummary.completedAtUTC</c>).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How long the run took, once it completed.</summary>
    public TimeSpan? Duration => StartedAt is { } start && CompletedAt is { } end ? end - start : null;

    /// <summary>Bytes read (<c>sizeSummary.inputBytes</c>).</summary>
    public long? InputBytes { get; init; }

    /// <summary>Bytes written (<c>sizeSummary.outputBytes</c>).</summary>
    public long? OutputBytes { get; init; }

    /// <summary>Records read (<c>recordSummary.inputRecordCount</c>).</summary>
    public long? RecordsRead { get; init; }

    /// <summary>Records created (<c>recordSummary.createdRecordCount</c>).</summary>
    public long? RecordsCreated { get; init; }

    /// <summary>Records written (<c>recordSummary.outputRecordCount</c>).</summary>
    public long? RecordsWritten { get; init; }

    /// <summary>Records that failed (<c>recordSummary.failedRecordCount</c>).</summary>
    public long? RecordsFailed { get; init; }

    /// <summary>Records skipped (<c>recordSummary.skippedRecordCount</c>).</summary>
    public long? RecordsSkipped { get; init; }

    /// <summary>Files read (<c>fileSummary.inputFileCount</c>).</summary>
    public long? InputFiles { get; init; }

    /// <summary>Files written (<c>fileSummary.outputFileCount</c>).</summary>
    public long? OutputFiles { get; init; }

    /// <summary>Files that failed (<c>fileSummary.failedFileCount</c>).</summary>
    public long? FailedFiles { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"records read {Text(RecordsRead)}, written {Text(RecordsWritten)}, failed {Text(RecordsFailed)}; " +
        $"bytes in {Text(InputBytes)}, out {Text(OutputBytes)}; duration {(Duration is { } d ? d.ToString() : "-")}";

    internal static FlowRunMetrics FromJson(JsonElement metrics)
    {
        var duration = JsonRead.Object(metrics, "durationSummary"u8);
        var size = JsonRead.Object(metrics, "sizeSummary"u8);
        var records = JsonRead.Object(metrics, "recordSummary"u8);
        var files = JsonRead.Object(metrics, "fileSummary"u8);
        return new()
        {
            StartedAt = Time(JsonRead.Int64(duration, "startedAtUTC"u8)),
            CompletedAt = Time(JsonRead.Int64(duration, "completedAtUTC"u8)),
            InputBytes = JsonRead.Int64(size, "inputBytes"u8),
            OutputBytes = JsonRead.Int64(size, "outputBytes"u8),
            RecordsRead = JsonRead.Int64(records, "inputRecordCount"u8),
            RecordsCreated = JsonRead.Int64(records, "createdRecordCount"u8),
            RecordsWritten = JsonRead.Int64(records, "outputRecordCount"u8),
            RecordsFailed = JsonRead.Int64(records, "failedRecordCount"u8),
            RecordsSkipped = JsonRead.Int64(records, "skippedRecordCount"u8),
            InputFiles = JsonRead.Int64(files, "inputFileCount"u8),
            OutputFiles = JsonRead.Int64(files, "outputFileCount"u8),
            FailedFiles = JsonRead.Int64(files, "failedFileCount"u8),
        };
    }

    private static DateTimeOffset? Time(long? millis) => millis is { } m and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(m) : null;

    private static string Text(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>An error a run reported (<c>StatusErrorDTO</c>: <c>code</c>, <c>message</c>, <c>details</c>).</summary>
/// <param name="Code">Platform's error code, e.g. <c>CONNECTOR-1001-500</c>.</param>
/// <param name="Message">What went wrong.</param>
public sealed record FlowRunError(string? Code, string? Message)
{
    internal static FlowRunError FromJson(JsonElement e) => new(JsonRead.String(e, "code"u8), JsonRead.String(e, "message"u8));

    /// <inheritdoc />
    public override string ToString() => Code is null ? Message ?? "" : Code + ": " + Message;
}

/// <summary>One activity of a run (copy, transform…) with its own status and errors.</summary>
public sealed record FlowRunActivity
{
    /// <summary>The activity id.</summary>
    public string? Id { get; init; }

    /// <summary>The activity name, e.g. <c>Copy Activity</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The activity's status.</summary>
    public string? Status { get; init; }

    /// <summary>The errors in <c>statusSummary.extensions.errors</c> (or <c>statusSummary.errors</c>).</summary>
    public IReadOnlyList<FlowRunError> Errors { get; init; } = [];

    internal static FlowRunActivity FromJson(JsonElement e)
    {
        var status = JsonRead.Object(e, "statusSummary"u8);
        var errors = new List<FlowRunError>();
        FlowRun.AddErrors(errors, status, "errors");
        FlowRun.AddErrors(errors, JsonRead.Object(status, "extensions"u8), "errors");
        return new() { Id = JsonRead.String(e, "id"u8), Name = JsonRead.String(e, "name"u8), Status = JsonRead.String(status, "status"u8), Errors = errors };
    }
}

/// <summary>Platform's run statuses, compared without case or underscores (<c>partialSuccess</c> = <c>PARTIAL_SUCCESS</c>).</summary>
public static class RunStatus
{
    /// <summary>Whether <paramref name="status"/> ends a run.</summary>
    public static bool IsFinal(string? status) => Normalize(status) is "success" or "completed" or "failed" or "failure"
        or "partialsuccess" or "partialfailure" or "cancelled" or "canceled" or "aborted";

    /// <summary>Whether <paramref name="status"/> is a complete success.</summary>
    public static bool IsSuccess(string? status) => Normalize(status) is "success" or "completed";

    private static string Normalize(string? status) =>
        status is null ? "" : status.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
