using System.Globalization;
using System.Text.Json.Nodes;
using AepFlow.Emulator.Endpoints;
using AepFlow.Emulator.Runs;
using AepFlow.Emulator.Storage;

namespace AepFlow.Emulator.Dashboard;

/// <summary>
/// The dashboard at <c>/</c>: per sandbox the flows (flowSpec, schedule in words, state), runs with status and metrics,
/// connections, mapping sets, datasets and schemas, then the request log. Server-rendered; a small script re-fetches the
/// content every second so it follows requests as they arrive. Secrets are masked the way the request log masks them.
/// </summary>
internal static class DashboardPage
{
    /// <summary>Rows shown per table (the newest ones).</summary>
    private const int RowsPerTable = 100;

    public static string Document(EmulatorState state, RequestLog log) =>
        new HtmlWriter()
            .Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AepFlow emulator</title>")
            .Raw("<style>").Raw(Style).Raw("</style></head><body><header><h1>AepFlow emulator</h1></header><main id=\"content\">")
            .Raw(Content(state, log))
            .Raw("</main><script>").Raw(Script).Raw("</script></body></html>")
            .ToString();

    /// <summary>The part the script re-fetches from <c>/__emulator/dashboard</c>.</summary>
    public static string Content(EmulatorState state, RequestLog log)
    {
        state.Runs.CatchUp();
        var html = new HtmlWriter();
        var now = state.Now;
        html.Raw("<p class=\"meta\">Simulated time <strong id=\"clock\">").Text(now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Raw("</strong>").Text(state.Clock.IsFrozen ? " (frozen)" : string.Empty)
            .Raw(" · ").Text($"{state.Specs.FlowSpecs.Count} flowSpecs, {state.Specs.ConnectionSpecs.Count} connectionSpecs")
            .Raw(" · org ").Text(state.Credentials.OrgId).Raw("</p>");

        var sandboxes = state.Credentials.Sandboxes.Concat(state.Store.Sandboxes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var sandbox in sandboxes)
        {
            html.Raw("<section class=\"sandbox\" data-sandbox=\"").Text(sandbox).Raw("\"><h2>Sandbox ").Text(sandbox).Raw("</h2>");
            Sandbox(html, state, sandbox);
            html.Raw("</section>");
        }

        var requests = log.Snapshot();
        html.Table(
            "requests",
            $"Request log ({requests.Count} kept, newest first)",
            ["received", "method", "path", "status", "fault", "body"],
            requests.Reverse().Take(RowsPerTable).Select(r => new[]
            {
                r.ReceivedAt.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
                r.Method,
                r.Path + r.Query,
                r.StatusCode == 0 ? "…" : r.StatusCode.ToString(CultureInfo.InvariantCulture),
                r.Fault,
                Shorten(r.Body, 300),
            }));
        return html.ToString();
    }

    private static void Sandbox(HtmlWriter html, EmulatorState state, string sandbox)
    {
        var flows = Newest(state, sandbox, FlowRules.Flows.Collection);
        var flowNames = flows.ToDictionary(f => JsonRead.String(f, "id") ?? string.Empty, f => JsonRead.String(f, "name"), StringComparer.OrdinalIgnoreCase);
        html.Table("flows-" + sandbox, "Flows", ["name", "id", "flowSpec", "schedule", "state", "last run"], flows.Select(flow => new[]
        {
            JsonRead.String(flow, "name"),
            JsonRead.String(flow, "id"),
            SpecName(state.Specs.FlowSpecs, JsonRead.String(flow["flowSpec"], "id")),
            FlowSchedule.Of(flow)?.Describe() ?? "no schedule",
            JsonRead.String(flow, "state"),
            JsonRead.String(flow["lastRunDetails"], "state"),
        }));

        html.Table("runs-" + sandbox, "Runs", ["flow", "run id", "status", "created", "duration", "records read", "written", "failed", "errors"], Newest(state, sandbox, FlowRules.RunsCollection).Select(run =>
        {
            var metrics = run["metrics"];
            var records = metrics?["recordSummary"];
            var duration = metrics?["durationSummary"];
            var started = Long(duration?["startedAtUTC"]);
            var completed = Long(duration?["completedAtUTC"]);
            var errors = metrics?["statusSummary"]?["errors"] as JsonArray;
            return new[]
            {
                flowNames.GetValueOrDefault(JsonRead.String(run, "flowId") ?? string.Empty) ?? JsonRead.String(run, "flowId"),
                JsonRead.String(run, "id"),
                JsonRead.String(metrics?["statusSummary"], "status"),
                Time(Long(run["createdAt"])),
                started is { } s && completed is { } c ? $"{(c - s) / 1000.0:0.#} s" : null,
                Long(records?["inputRecordCount"])?.ToString(CultureInfo.InvariantCulture),
                Long(records?["outputRecordCount"])?.ToString(CultureInfo.InvariantCulture),
                Long(records?["failedRecordCount"])?.ToString(CultureInfo.InvariantCulture),
                errors is null ? null : string.Join("; ", errors.Select(e => $"{JsonRead.String(e, "code")}: {JsonRead.String(e, "message")}")),
            };
        }));

        html.Table("connections-" + sandbox, "Base connections", ["name", "id", "connectionSpec", "auth"], Newest(state, sandbox, ConnectionRules.BaseConnections.Collection).Select(connection => new[]
        {
            JsonRead.String(connection, "name"),
            JsonRead.String(connection, "id"),
            SpecName(state.Specs.ConnectionSpecs, JsonRead.String(connection["connectionSpec"], "id")),
            Auth(state, connection),
        }));
        html.Table("sources-" + sandbox, "Source connections", ["name", "id", "connectionSpec", "base connection"], Newest(state, sandbox, ConnectionRules.SourceConnections.Collection).Select(connection => new[]
        {
            JsonRead.String(connection, "name"),
            JsonRead.String(connection, "id"),
            SpecName(state.Specs.ConnectionSpecs, JsonRead.String(connection["connectionSpec"], "id")),
            JsonRead.String(connection, "baseConnectionId"),
        }));
        html.Table("targets-" + sandbox, "Target connections", ["name", "id", "connectionSpec", "dataset"], Newest(state, sandbox, ConnectionRules.TargetConnections.Collection).Select(connection => new[]
        {
            JsonRead.String(connection, "name"),
            JsonRead.String(connection, "id"),
            SpecName(state.Specs.ConnectionSpecs, JsonRead.String(connection["connectionSpec"], "id")),
            JsonRead.String(connection["params"], "dataSetId"),
        }));
        html.Table("mappingsets-" + sandbox, "Mapping sets", ["id", "mappings", "schema"], Newest(state, sandbox, DataPrepEndpoints.Collection).Select(mappingSet => new[]
        {
            JsonRead.String(mappingSet, "id"),
            (mappingSet["mappings"] as JsonArray)?.Count.ToString(CultureInfo.InvariantCulture),
            JsonRead.String(mappingSet, "xdmSchema") ?? JsonRead.String(mappingSet["outputSchema"]?["schemaRef"], "id"),
        }));
        var dataSets = state.Store.Collection(sandbox, CatalogEndpoints.Collection);
        var dataSetPage = dataSets.Page(new PageRequest(null, null, Math.Max(0, dataSets.Count - RowsPerTable), RowsPerTable, false));
        html.Table("datasets-" + sandbox, "Datasets", ["name", "id", "schema"], dataSetPage.Items.Select((dataSet, i) => new[]
        {
            JsonRead.String(dataSet, "name"),
            dataSetPage.Ids[i],
            JsonRead.String(dataSet["schemaRef"], "id"),
        }).Reverse());
        html.Table("schemas-" + sandbox, "Schemas", ["title", "$id", "class"], Newest(state, sandbox, SchemaRegistryEndpoints.Collection).Select(schema => new[]
        {
            JsonRead.String(schema, "title"),
            JsonRead.String(schema, "$id"),
            JsonRead.String(schema, "meta:class"),
        }));
    }

    /// <summary>The newest resources of a collection first, at most <see cref="RowsPerTable"/> copied.</summary>
    private static IEnumerable<JsonObject> Newest(EmulatorState state, string sandbox, string collection)
    {
        var items = state.Store.Collection(sandbox, collection);
        var page = items.Page(new PageRequest(null, null, Math.Max(0, items.Count - RowsPerTable), RowsPerTable, false));
        page.Items.Reverse();
        return page.Items;
    }

    /// <summary>The authSpec and its parameter names, values masked.</summary>
    private static string? Auth(EmulatorState state, JsonObject connection)
    {
        if (state.Redactor.RedactedAuthCopy(connection["auth"]) is not JsonObject auth)
        {
            return null;
        }

        var parameters = auth["params"] is JsonObject p ? string.Join(", ", p.Select(pair => $"{pair.Key}={(pair.Value is JsonValue v ? v.ToString() : "…")}")) : string.Empty;
        return $"{JsonRead.String(auth, "specName")} ({parameters})";
    }

    private static string? SpecName(IReadOnlyDictionary<string, JsonObject> specs, string? id) =>
        id is not null && specs.TryGetValue(id, out var spec) ? JsonRead.String(spec, "name") : id;

    // Values built in C# keep their CLR type (an int is not read back as a long), parsed ones are JSON elements: try both.
    private static long? Long(JsonNode? node) =>
        node is not JsonValue value ? null
        : value.TryGetValue(out long number) ? number
        : value.TryGetValue(out int small) ? small
        : null;

    private static string? Time(long? millis) =>
        millis is { } m ? DateTimeOffset.FromUnixTimeMilliseconds(m).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;

    private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length] + "…";

    private const string Style = """
        body{font:14px system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9}
        header{background:#1f3a5f;color:#fff;padding:10px 20px}h1{font-size:18px;margin:0}
        main{padding:10px 20px}h2{font-size:16px;margin:18px 0 4px;border-bottom:1px solid #ccd}h3{font-size:14px;margin:12px 0 4px}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde;padding:3px 6px;text-align:left;vertical-align:top;word-break:break-all}
        th{background:#eef1f6}.empty{color:#889;margin:2px 0}.meta{color:#445}
        """;

    // Re-fetches the content every second; the admin cookie set when the page was opened authorizes the fetch.
    private const string Script = """
        (function () {
          var content = document.getElementById('content');
          async function refresh() {
            try {
              var response = await fetch('/__emulator/dashboard', { credentials: 'same-origin', cache: 'no-store' });
              if (response.ok) {
                var html = await response.text();
                if (html !== content.innerHTML) { content.innerHTML = html; }
              }
            } catch (e) { }
            setTimeout(refresh, 1000);
          }
          setTimeout(refresh, 1000);
        })();
        """;
}
