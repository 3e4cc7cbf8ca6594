namespace AepFlow.Schema;

/// <summary>
/// Carries the JSON Schemas of every record a generated spec class holds, as one compact JSON document, so compile-time
/// analyzers check constant values against the rules the runtime validators enforce. The generator writes one per spec
/// class (rather than a <see cref="JsonSchemaAttribute"/> per member), and the analyzers parse it once per compilation.
/// </summary>
/// <remarks>
/// The document maps each record's name to <c>{"object": schema}</c> when the record's schema has rules across members
/// (<c>if</c>, <c>not</c>, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>; the whole object is checked), or to
/// <c>{"properties": {jsonName: schema, ...}}</c> (each member is checked on its own). <c>"names"</c>, when present, lists the
/// C# property names in the order of the schema's <c>properties</c>; otherwise a property's JSON name is the member whose
/// letters and digits match its own, ignoring case. Annotation keywords (<c>description</c>, <c>title</c>, <c>default</c>…)
/// are left out: they never change whether a value is valid.
/// </remarks>
/// <param name="schemas">The compact JSON document.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SpecSchemasAttribute(string schemas) : Attribute
{
    /// <summary>The compact JSON document: record name to its schema metadata.</summary>
    public string Schemas { get; } = schemas;
}
