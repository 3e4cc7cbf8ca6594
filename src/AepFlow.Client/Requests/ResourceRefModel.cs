using System.Text.Json;

namespace AepFlow.Requests;

/// <summary>A reference written into a request body: <c>{"id","version"}</c> (a connectionSpec, a schema).</summary>
/// <param name="Id">The referenced id.</param>
/// <param name="Version">Its version: <c>1.0</c> for specs, a content type such as <c>application/vnd.adobe.xed-full+json;version=1</c> for schemas.</param>
public sealed record ResourceRefModel(string Id, string Version)
{
    /// <summary>The content type a target connection names its XDM schema with (<c>data.schema.version</c>).</summary>
    public const string XdmFullJson = "application/vnd.adobe.xed-full+json;version=1";

    /// <summary>A target connection's <c>data.schema</c>: the schema's <c>$id</c> with <see cref="XdmFullJson"/> as version.</summary>
    public static ResourceRefModel XdmSchema(string schemaId) => new(schemaId, XdmFullJson);

    internal void Write(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", Id);
        writer.WriteString("version", Version);
        writer.WriteEndObject();
    }
}
