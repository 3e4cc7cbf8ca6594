using System.Reflection;
using System.Text.Json;
using AepFlow.Validation;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>Reaches generated types in a loaded assembly and drives them through System.Text.Json with no options.</summary>
internal sealed class GeneratedModels(LoadedAssembly loaded)
{
    public LoadedAssembly Loaded { get; } = loaded;

    /// <summary>The static class generated for the flowSpec with <paramref name="id"/>, found by its <c>Id</c> constant.</summary>
    public Type FlowSpecClass(string id)
    {
        var matches = Loaded.Assembly.GetTypes()
            .Where(t => t.Namespace == "AepFlow.FlowSpecs" && t.IsAbstract && t.IsSealed && !t.IsNested)
            .Where(t => t.GetField("Id", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f && (string?)f.GetRawConstantValue() == id)
            .ToArray();
        Assert.True(matches.Length == 1, $"Expected one generated flowSpec class with Id {id}, found {matches.Length}.");
        return matches[0];
    }

    /// <summary>A nested type of a generated spec class (<c>ScheduleParams</c>, <c>CopyParams</c>…).</summary>
    public static Type Nested(Type specClass, string name) =>
        specClass.GetNestedType(name)
        ?? throw new Xunit.Sdk.XunitException(
            $"{specClass.Name} has no nested type {name}; it has {string.Join(", ", specClass.GetNestedTypes().Select(t => t.Name))}.");

    public static object Deserialize(Type type, string json) =>
        JsonSerializer.Deserialize(json, type) ?? throw new Xunit.Sdk.XunitException($"{type.Name} deserialized to null from {json}");

    public static string Serialize(object model) => JsonSerializer.Serialize(model, model.GetType());

    /// <summary>Reads <paramref name="json"/> into <paramref name="type"/> and validates it (a read failure is rethrown).</summary>
    public static ValidationResult DeserializeAndValidate(Type type, string json) => ((IAepModel)Deserialize(type, json)).Validate();

    /// <summary>Calls the generated <c>FlowSpecCatalog.ValidateFlowJson</c>.</summary>
    public ValidationResult ValidateFlowJson(string json) =>
        (ValidationResult)Loaded.Invoke("AepFlow.FlowSpecs.FlowSpecCatalog", "ValidateFlowJson", json)!;
}
