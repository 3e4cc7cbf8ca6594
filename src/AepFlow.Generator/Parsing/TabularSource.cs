using System;
using AepFlow.Generator.Json;

namespace AepFlow.Generator.Parsing;

/// <summary>
/// Tabular sources: connectionSpecs whose <c>attributes.category</c> is one the CRMToAEP flowSpec serves (CRM, customer
/// success, database, protocols). Their source connections send <c>data.format = "tabular"</c> and, when the spec has no
/// <c>sourceSpec</c> (Salesforce's has none), the params the sources tutorials send: <c>tableName</c> and <c>columns</c> of
/// <c>name</c>, <c>type</c> and <c>meta.originalType</c> — the shape Dynamics' own sourceSpec declares.
/// </summary>
internal static class TabularSource
{
    public const string DataFormat = "tabular";

    private static readonly string[] Categories = { "CRM", "Customer Success", "Database", "Protocols" };

    private const string ParamsJson = """
        {
          "type": "object",
          "description": "Which table a source connection reads, and its columns.",
          "properties": {
            "tableName": { "description": "The table to read records from.", "type": "string", "minLength": 1 },
            "columns": {
              "description": "The columns to read.",
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": { "description": "The column name.", "type": "string", "minLength": 1 },
                  "type": { "description": "The column's data type as Platform reads it (string, integer, boolean, date-time...).", "type": "string" },
                  "meta": {
                    "description": "Extra information about the column.",
                    "type": "object",
                    "properties": {
                      "originalType": { "description": "The column's data type in the source system.", "type": "string" }
                    }
                  }
                },
                "required": [ "name", "type" ]
              }
            }
          },
          "required": [ "tableName", "columns" ]
        }
        """;

    private static readonly Lazy<JsonNode> Schema = new(() => JsonTreeReader.Parse(ParamsJson).Root!);

    /// <summary>The schema of the params (parsed once; never reported on, it is the generator's own text).</summary>
    public static JsonNode ParamsSchema => Schema.Value;

    public static bool IsTabular(JsonNode spec)
    {
        var category = spec["attributes"] is { Kind: JsonNodeKind.Object } attributes ? attributes.GetString("category") : null;
        return category != null && Array.Exists(Categories, c => string.Equals(c, category, StringComparison.OrdinalIgnoreCase));
    }
}
