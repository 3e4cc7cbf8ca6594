using System.Text.Json.Nodes;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Runs;

/// <summary>How a simulated run ends: its final status, record counts and, for a failure, the error it reports.</summary>
internal sealed record RunOutcome(string Status, int RecordsRead, int RecordsFailed, string? ErrorCode, string? ErrorMessage)
{
    public static RunOutcome Succeeded(int records) => new(RunDocument.Success, records, 0, null, null);

    public static RunOutcome Failed(string code, string message, int recordsRead) => new(RunDocument.Failed, recordsRead, recordsRead, code, message);
}

/// <summary>
/// Builds and moves run resources in the shape of Flow Service's <c>FlowRunItemDTO</c> (flow-service.yaml, <c>/runs</c>):
/// audit members, <c>flowId</c>, <c>flowSpec</c>, <c>providerRefId</c>, <c>metrics</c> (<c>durationSummary</c>,
/// <c>sizeSummary</c>, <c>recordSummary</c>, <c>fileSummary</c>, <c>statusSummary</c>) and <c>activities</c>. A failed run
/// reports its errors as <c>metrics.statusSummary.errors[]</c> of <c>{"code","message"}</c> (StatusErrorDTO), and again in
/// its activity's <c>statusSummary.extensions.errors</c>.
/// </summary>
internal static class RunDocument
{
    public const string Pending = "pending";
    public const string InProgress = "inProgress";
    public const string Success = "success";
    public const string Failed = "failed";

    // The emulator moves no data; sizes follow the simulated record counts.
    private const int BytesPerRecord = 256;

    public static JsonObject NewPending(JsonObject flow, DateTimeOffset at)
    {
        var runId = Identifiers.NewGuid();
        var millis = at.ToUnixTimeMilliseconds();
        var flowId = JsonRead.String(flow, "id")!;
        var etag = Identifiers.NewEtag(at);
        return new JsonObject
        {
            ["id"] = runId,
            ["createdAt"] = millis,
            ["updatedAt"] = millis,
            ["createdBy"] = flow["createdBy"]?.DeepClone(),
            ["updatedBy"] = flow["createdBy"]?.DeepClone(),
            ["createdClient"] = flow["createdClient"]?.DeepClone(),
            ["updatedClient"] = flow["createdClient"]?.DeepClone(),
            ["sandboxId"] = flow["sandboxId"]?.DeepClone(),
            ["sandboxName"] = flow["sandboxName"]?.DeepClone(),
            ["imsOrgId"] = flow["imsOrgId"]?.DeepClone(),
            ["flowId"] = flowId,
            ["flowSpec"] = flow["flowSpec"]?.DeepClone(),
            ["providerRefId"] = $"M-{flowId}-incremental-0:{runId}",
            ["etag"] = etag,
            ["metrics"] = new JsonObject
            {
                ["statusSummary"] = new JsonObject { ["status"] = Pending },
            },
            ["activities"] = new JsonArray(new JsonObject
            {
                ["id"] = "copyActivity",
                ["name"] = "Copy Activity",
                ["updatedAtUTC"] = millis,
                ["statusSummary"] = new JsonObject { ["status"] = Pending },
            }),
        };
    }

    /// <summary>Moves <paramref name="run"/> to <paramref name="status"/> at <paramref name="at"/>, filling in metrics when it ends.</summary>
    public static void Move(JsonObject run, string status, RunOutcome outcome, DateTimeOffset at)
    {
        var millis = at.ToUnixTimeMilliseconds();
        run["updatedAt"] = millis;
        run["etag"] = Identifiers.NewEtag(at);
        var metrics = (JsonObject)run["metrics"]!;
        var activity = (JsonObject)((JsonArray)run["activities"]!)[0]!;
        activity["updatedAtUTC"] = millis;
        if (status == InProgress)
        {
            metrics["durationSummary"] = new JsonObject { ["startedAtUTC"] = millis };
            activity["durationSummary"] = new JsonObject { ["startedAtUTC"] = millis };
            metrics["statusSummary"] = new JsonObject { ["status"] = InProgress };
            activity["statusSummary"] = new JsonObject { ["status"] = InProgress };
            return;
        }

        var started = metrics["durationSummary"]?["startedAtUTC"]?.GetValue<long>() ?? millis;
        var written = outcome.RecordsRead - outcome.RecordsFailed;
        metrics["durationSummary"] = new JsonObject { ["startedAtUTC"] = started, ["completedAtUTC"] = millis };
        metrics["sizeSummary"] = new JsonObject { ["inputBytes"] = (long)outcome.RecordsRead * BytesPerRecord, ["outputBytes"] = (long)written * BytesPerRecord };
        metrics["recordSummary"] = new JsonObject
        {
            ["inputRecordCount"] = outcome.RecordsRead,
            ["createdRecordCount"] = written,
            ["outputRecordCount"] = written,
            ["failedRecordCount"] = outcome.RecordsFailed,
        };
        metrics["fileSummary"] = new JsonObject
        {
            ["inputFileCount"] = outcome.RecordsRead > 0 ? 1 : 0,
            ["outputFileCount"] = written > 0 ? 1 : 0,
            ["failedFileCount"] = outcome.ErrorCode is null ? 0 : 1,
        };
        var statusSummary = new JsonObject { ["status"] = status };
        var activityStatus = new JsonObject { ["status"] = status };
        if (outcome.ErrorCode is not null)
        {
            statusSummary["errors"] = Errors(outcome);
            activityStatus["extensions"] = new JsonObject { ["errors"] = Errors(outcome) };
        }

        metrics["statusSummary"] = statusSummary;
        activity["durationSummary"] = new JsonObject { ["startedAtUTC"] = started, ["completedAtUTC"] = millis };
        activity["statusSummary"] = activityStatus;
    }

    /// <summary>The flow's <c>lastRunDetails</c> for this run.</summary>
    public static JsonObject Summary(JsonObject run)
    {
        var summary = new JsonObject
        {
            ["id"] = run["id"]?.DeepClone(),
            ["state"] = run["metrics"]?["statusSummary"]?["status"]?.DeepClone(),
        };
        if (run["metrics"]?["durationSummary"] is JsonObject duration)
        {
            summary["startedAtUTC"] = duration["startedAtUTC"]?.DeepClone();
            if (duration["completedAtUTC"] is { } completed)
            {
                summary["completedAtUTC"] = completed.DeepClone();
            }
        }

        return summary;
    }

    private static JsonArray Errors(RunOutcome outcome) =>
        new(new JsonObject { ["code"] = outcome.ErrorCode, ["message"] = outcome.ErrorMessage });
}
