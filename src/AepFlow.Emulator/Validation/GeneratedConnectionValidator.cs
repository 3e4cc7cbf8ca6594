using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AepFlow.Serialization;
using AepFlow.Validation;

namespace AepFlow.Emulator.Validation;

/// <summary>
/// Validates connection parameters with the models AepFlow generates into this assembly (<c>AepFlow.ConnectionSpecs.*</c>):
/// each auth record carries its authSpec's <c>SpecName</c>, each <c>SourceParams</c> record its sourceSpec. The generator
/// emits no catalog for connectionSpecs, so the models are found once, at start, by their shape; the rules themselves are
/// the generated ones (the JSON read through the generated converter, then <see cref="IAepModel.Validate"/>).
/// </summary>
internal sealed class GeneratedConnectionValidator : IConnectionValidator
{
    private const string SpecNamespace = "AepFlow.ConnectionSpecs";

    private readonly FrozenDictionary<(string SpecId, string SpecName), Type> _authModels;
    private readonly FrozenDictionary<string, Type> _sourceModels;

    private GeneratedConnectionValidator(
        FrozenDictionary<(string SpecId, string SpecName), Type> authModels,
        FrozenDictionary<string, Type> sourceModels)
    {
        _authModels = authModels;
        _sourceModels = sourceModels;
    }

    /// <summary>How many (connectionSpec, authSpec) pairs have a generated model.</summary>
    public int AuthModelCount => _authModels.Count;

    public static GeneratedConnectionValidator Discover()
    {
        var auth = new Dictionary<(string, string), Type>(SpecKeyComparer.Instance);
        var source = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in typeof(GeneratedConnectionValidator).Assembly.GetTypes())
        {
            if (spec.Namespace != SpecNamespace || spec.IsNested || !typeof(IConnectionSpec).IsAssignableFrom(spec)
                || ConstantOf(spec, "Id") is not { } specId)
            {
                continue;
            }

            foreach (var nested in spec.GetNestedTypes(BindingFlags.Public))
            {
                if (!typeof(IAepModel).IsAssignableFrom(nested))
                {
                    continue;
                }

                if (ConstantOf(nested, "SpecName") is { } specName)
                {
                    auth[(specId, specName)] = nested;
                }
                else if (nested.Name == "SourceParams")
                {
                    source[specId] = nested;
                }
            }
        }

        return new GeneratedConnectionValidator(
            auth.ToFrozenDictionary(SpecKeyComparer.Instance),
            source.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    public IReadOnlyList<ValidationError> ValidateAuth(string connectionSpecId, string specName, JsonObject parameters) =>
        _authModels.TryGetValue((connectionSpecId, specName), out var model) ? Validate(model, parameters, "/auth/params") : [];

    public IReadOnlyList<ValidationError> ValidateSourceParams(string connectionSpecId, JsonObject parameters) =>
        _sourceModels.TryGetValue(connectionSpecId, out var model) ? Validate(model, parameters, "/params") : [];

    private static IReadOnlyList<ValidationError> Validate(Type model, JsonObject parameters, string prefix)
    {
        try
        {
            // The generated [JsonConverter] on the model does the reading, so no serializer options are needed.
            var value = (IAepModel?)parameters.Deserialize(model);
            return value is null
                ? [new ValidationError(prefix, "type", "The parameters must be an object.")]
                : value.Validate().Errors.Select(e => e with { Path = prefix + e.Path }).ToArray();
        }
        catch (AepJsonException ex)
        {
            var located = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().Aggregate(ex, (inner, segment) => inner.WithParent(segment));
            return [new ValidationError(located.Pointer, located.Keyword, located.Message)];
        }
        catch (JsonException ex)
        {
            return [new ValidationError(prefix, "type", ex.Message)];
        }
    }

    private static string? ConstantOf(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    private sealed class SpecKeyComparer : IEqualityComparer<(string SpecId, string SpecName)>
    {
        public static readonly SpecKeyComparer Instance = new();

        public bool Equals((string SpecId, string SpecName) x, (string SpecId, string SpecName) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.SpecId, y.SpecId) && StringComparer.OrdinalIgnoreCase.Equals(x.SpecName, y.SpecName);

        public int GetHashCode((string SpecId, string SpecName) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.SpecId), StringComparer.OrdinalIgnoreCase.GetHashCode(key.SpecName));
    }
}
