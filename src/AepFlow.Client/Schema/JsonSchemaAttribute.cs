namespace AepFlow.Schema;

/// <summary>
/// Carries the JSON Schema a generated member or type was generated from, so compile-time analyzers can check
/// constant values against the same rules the runtime validators enforce.
/// </summary>
/// <param name="schema">The compact JSON text of the schema.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class JsonSchemaAttribute(string schema) : Attribute
{
    /// <summary>The compact JSON text of the schema (a property's own subschema, or a type's whole schema).</summary>
    public string Schema { get; } = schema;
}
