using System.Collections.Generic;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>Emits <c>FlowSpecCatalog</c> and <c>FlowSpecEntry</c>: every generated flowSpec, and server-side flow validation.</summary>
internal static class CatalogEmitter
{
    public static string Emit(CatalogModel catalog, string accessibility = "public", string rootNamespace = EmitOptions.DefaultRootNamespace)
    {
        // Spec classes are referred to by their full name: a flowSpec class named like a member of this class (All, Find,
        // GetHashCode) would otherwise bind to that member.
        var classes = new List<string>();
        foreach (var name in catalog.FlowSpecClasses)
        {
            classes.Add("global::" + rootNamespace + ".FlowSpecs." + name);
        }

        var w = SourceFile.Begin(rootNamespace + ".FlowSpecs");
        w.Line("/// <summary>A flowSpec this assembly has typed requests for.</summary>");
        w.Line("/// <param name=\"Id\">The flowSpec id.</param>");
        w.Line("/// <param name=\"Name\">The flowSpec name.</param>");
        w.Line("/// <param name=\"Version\">The flowSpec version.</param>");
        w.Line("/// <param name=\"SourceConnectionSpecIds\">Ids of the connectionSpecs whose source connections it accepts.</param>");
        w.Line("/// <param name=\"TargetConnectionSpecIds\">Ids of the connectionSpecs whose target connections it accepts.</param>");
        w.Line(SourceFile.GeneratedCodeAttribute);
        w.Line(accessibility + " sealed record FlowSpecEntry(string Id, string Name, string Version, IReadOnlyList<string> SourceConnectionSpecIds, IReadOnlyList<string> TargetConnectionSpecIds);");
        w.Line();
        w.Line("/// <summary>Every generated flowSpec, and validation of raw <c>POST /flows</c> bodies against them.</summary>");
        w.Line(SourceFile.GeneratedCodeAttribute);
        w.OpenBlock(accessibility + " static partial class FlowSpecCatalog");
        w.Line("/// <summary>The generated flowSpecs, in name order.</summary>");
        if (catalog.FlowSpecClasses.IsEmpty)
        {
            w.Line("public static IReadOnlyList<FlowSpecEntry> All { get; } = global::System.Array.Empty<FlowSpecEntry>();");
        }
        else
        {
            w.Line("public static IReadOnlyList<FlowSpecEntry> All { get; } = global::System.Array.AsReadOnly(new FlowSpecEntry[]");
            w.Open();
            foreach (var name in classes)
            {
                w.Line("new(" + name + ".Id, " + name + ".Name, " + name + ".Version, " + name + ".SourceConnectionSpecIds, " + name + ".TargetConnectionSpecIds),");
            }

            w.Close(");");
        }

        w.Line();
        w.Line("/// <summary>The flowSpec with id <paramref name=\"id\"/>, or <see langword=\"null\"/>.</summary>");
        w.OpenBlock("public static FlowSpecEntry? Find(string id)");
        w.OpenBlock("foreach (var entry in All)");
        w.OpenBlock("if (string.Equals(entry.Id, id, global::System.StringComparison.OrdinalIgnoreCase))");
        w.Line("return entry;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Validates a <c>POST /flows</c> body: picks the flowSpec by <c>flowSpec.id</c>, reads the body into that spec's");
        w.Line("/// <c>CreateFlowRequest</c> (a JSON type mismatch becomes an error with keyword <c>type</c> at its JSON Pointer) and validates it.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"json\">The request body.</param>");
        w.Line("public static ValidationResult ValidateFlowJson(string json) =>");
        w.Line("    TryReadFlow(json, out var request, out var errors) ? request.Validate() : errors;");
        w.Line();
        w.Line("/// <summary>Reads a <c>POST /flows</c> body into the typed request of its flowSpec (without validating it).</summary>");
        w.Line("/// <param name=\"json\">The request body.</param>");
        w.Line("/// <param name=\"request\">The typed request when the body could be read.</param>");
        w.Line("/// <param name=\"errors\">Why the body could not be read; <see cref=\"ValidationResult.Valid\"/> when it could.</param>");
        w.Line("/// <returns><see langword=\"true\"/> when the body was read.</returns>");
        w.OpenBlock("public static bool TryReadFlow(string json, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IFlowRequest? request, out ValidationResult errors)");
        w.Line("request = null;");
        if (classes.Count == 0)
        {
            // Nothing to read into: without this branch the code after the switch would be unreachable (CS0162).
            w.Line("var utf8 = global::System.Text.Encoding.UTF8.GetBytes(json);");
            w.OpenBlock("try");
            w.Line("var problem = FindFlowSpecId(utf8, out var id);");
            w.Line("errors = problem ?? Error(\"/flowSpec/id\", \"enum\", $\"Unknown flowSpec id '{id}'. This assembly has no flowSpecs.\");");
            w.Close();
            w.OpenBlock("catch (JsonException exception)");
            w.Line("errors = Error(string.Empty, \"json\", \"The body is not valid JSON: \" + exception.Message);");
            w.Close();
            w.Line();
            w.Line("return false;");
            w.Close();
            w.Line();
            EmitFindFlowSpecId(w);
            w.Line();
            w.Line("private static ValidationResult Error(string path, string keyword, string message) =>");
            w.Line("    ValidationResult.FromErrors(new[] { new ValidationError(path, keyword, message) });");
            w.Close();
            return SourceFile.End(w);
        }

        w.Line("var utf8 = global::System.Text.Encoding.UTF8.GetBytes(json);");
        w.OpenBlock("try");
        w.Line("var problem = FindFlowSpecId(utf8, out var id);");
        w.OpenBlock("if (problem is not null)");
        w.Line("errors = problem;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("var reader = new Utf8JsonReader(utf8);");
        w.Line("reader.Read();");
        w.OpenBlock("switch (id)");
        foreach (var name in classes)
        {
            w.Line("case " + name + ".Id:");
            w.Line("    request = " + name + ".CreateFlowRequestJsonConverter.ReadValue(ref reader);");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    errors = Error(\"/flowSpec/id\", \"enum\", $\"Unknown flowSpec id '{id}'. Known flowSpecs: " + CodeWriter.InterpolatedContent(string.Join(", ", catalog.FlowSpecLabels)) + ".\");");
        w.Line("    return false;");
        w.Close();
        w.Close();
        w.OpenBlock("catch (AepJsonException exception)");
        w.Line("errors = Error(exception.Pointer, exception.Keyword, exception.Message);");
        w.Line("return false;");
        w.Close();
        w.OpenBlock("catch (JsonException exception)");
        w.Line("errors = Error(string.Empty, \"json\", \"The body is not valid JSON: \" + exception.Message);");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("errors = ValidationResult.Valid;");
        w.Line("return true;");
        w.Close();
        w.Line();
        EmitFindFlowSpecId(w);
        w.Line();
        w.Line("private static ValidationResult Error(string path, string keyword, string message) =>");
        w.Line("    ValidationResult.FromErrors(new[] { new ValidationError(path, keyword, message) });");
        w.Close();
        return SourceFile.End(w);
    }

    private static void EmitFindFlowSpecId(CodeWriter w)
    {
        w.OpenBlock("private static ValidationResult? FindFlowSpecId(byte[] utf8, out string? id)");
        w.Line("id = null;");
        w.Line("var reader = new Utf8JsonReader(utf8);");
        w.OpenBlock("if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)");
        w.Line("return Error(string.Empty, \"type\", \"The flow body must be a JSON object.\");");
        w.Close();
        w.Line();
        w.Line("var hasFlowSpec = false;");
        w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        w.OpenBlock("if (!reader.ValueTextEquals(\"flowSpec\"u8))");
        w.Line("reader.Skip();");
        w.Line("continue;");
        w.Close();
        w.Line();
        w.Line("reader.Read();");
        w.Line("hasFlowSpec = true;");
        w.OpenBlock("if (reader.TokenType != JsonTokenType.StartObject)");
        w.Line("return Error(\"/flowSpec\", \"type\", \"The JSON value at '/flowSpec' must be an object with the flowSpec id and version.\");");
        w.Close();
        w.Line();
        w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        w.OpenBlock("if (reader.ValueTextEquals(\"id\"u8))");
        w.Line("reader.Read();");
        w.OpenBlock("if (reader.TokenType != JsonTokenType.String)");
        w.Line("return Error(\"/flowSpec/id\", \"type\", \"The JSON value at '/flowSpec/id' must be a string.\");");
        w.Close();
        w.Line();
        w.Line("id = reader.GetString();");
        w.Close();
        w.OpenBlock("else");
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.OpenBlock("if (!hasFlowSpec)");
        w.Line("return Error(\"/flowSpec\", \"required\", \"The flow body has no flowSpec: add \\\"flowSpec\\\": {\\\"id\\\": ..., \\\"version\\\": ...}.\");");
        w.Close();
        w.Line();
        w.Line("return id is null ? Error(\"/flowSpec/id\", \"required\", \"The flowSpec has no id.\") : null;");
        w.Close();
    }
}
