using System.Text.Json;

namespace AepFlow.Requests;

/// <summary>A reference written into a request body: <c>{"id","version"}</c> (a connectionSpec, a schema).</summary>
/// <param name="Id">The referenced id.</param>
/// <param name="Version">Its version: <c>1.0</c> for specs, a content type such as <c>application/vnd.adobe.xed-full+json;version=1</c> for schemas.</param>
public sealed record ResourceRefModel(string Id, string Version)
{
    internal void Write(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", Id);
        writer.WriteString("version", Version);
        writer.WriteEndObject();
    }
}
