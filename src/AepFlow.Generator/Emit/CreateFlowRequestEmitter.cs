using System.Collections.Generic;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Emits <c>CreateFlowRequest</c>: the POST /flows body bound to one flowSpec. Its wire shape is not a schema of the spec
/// (it wraps the transformation params in <c>transformations[{name, params}]</c>), so it has its own writer and reader.
/// </summary>
internal static class CreateFlowRequestEmitter
{
    public static void Emit(FlowSpecModel spec, CodeWriter w)
    {
        w.Line("/// <summary>");
        w.Line("/// The body of <c>POST /flows</c> for a " + CodeWriter.Xml(spec.Name) + " flow. <c>flowSpec</c> is always written from");
        w.Line("/// <see cref=\"Id\"/> and <see cref=\"Version\"/>; unset optional members are omitted.");
        w.Line("/// </summary>");
        w.Line("[JsonConverter(typeof(CreateFlowRequestJsonConverter))]");
        w.OpenBlock("public sealed partial record CreateFlowRequest : IFlowRequest");
        w.Line("/// <summary>The flow's display name.</summary>");
        w.Line("public required string Name { get; init; }");
        w.Line();
        w.Line("/// <summary>An optional description of the flow.</summary>");
        w.Line("public string? Description { get; init; }");
        w.Line();
        w.Line("/// <summary>Ids of the source connections the flow reads from (at least one).</summary>");
        w.Line("public required IReadOnlyList<string> SourceConnectionIds { get; init; }");
        w.Line();
        w.Line("/// <summary>Ids of the target connections the flow writes to (at least one).</summary>");
        w.Line("public required IReadOnlyList<string> TargetConnectionIds { get; init; }");
        foreach (var transformation in spec.Transformations)
        {
            w.Line();
            w.Line("/// <summary>The params of the <c>" + CodeWriter.Xml(transformation.Name) + "</c> transformation; written to <c>transformations</c> when set.</summary>");
            w.Line("public " + transformation.TypeName + "? " + transformation.PropertyName + " { get; init; }");
        }

        if (spec.ScheduleTypeName is not null)
        {
            w.Line();
            w.Line("/// <summary>When the flow runs, written as <c>scheduleParams</c>.</summary>");
            w.Line("public " + spec.ScheduleTypeName + "? Schedule { get; init; }");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public string FlowSpecId => Id;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public string FlowSpecVersion => Version;");
        w.Line();
        ModelEmitter.EmitValidate(w);
        w.Line();
        EmitValidateInto(spec, w);
        w.Line();
        EmitWriteJson(spec, w);
        w.Close();
        w.Line();
        EmitConverter(spec, w);
    }

    private static void EmitValidateInto(FlowSpecModel spec, CodeWriter w)
    {
        w.Line("/// <inheritdoc />");
        w.OpenBlock("public void ValidateInto(ref ValidationCollector collector)");
        w.OpenBlock("if (Name is null)");
        w.Line("collector.Add(\"name\", \"required\", \"name is required\");");
        w.Close();
        w.OpenBlock("else if (Name.Length == 0)");
        w.Line("collector.Add(\"name\", \"minLength\", \"name must not be empty\");");
        w.Close();
        w.Line();
        ValidateIds("SourceConnectionIds", "sourceConnectionIds", "source", w);
        w.Line();
        ValidateIds("TargetConnectionIds", "targetConnectionIds", "target", w);
        if (spec.Transformations.Count > 0)
        {
            w.Line();
            w.Line("var transformation = 0;");
            for (var i = 0; i < spec.Transformations.Count; i++)
            {
                var t = spec.Transformations[i];
                w.OpenBlock("if (" + t.PropertyName + " is { } " + Local(t.PropertyName) + ")");
                w.Line("collector.Enter(\"transformations\");");
                w.Line("collector.Enter(transformation);");
                w.Line("collector.Enter(\"params\");");
                w.Line(Local(t.PropertyName) + ".ValidateInto(ref collector);");
                w.Line("collector.Exit();");
                w.Line("collector.Exit();");
                w.Line("collector.Exit();");
                if (i < spec.Transformations.Count - 1)
                {
                    w.Line("transformation++;");
                }

                w.Close();
            }
        }

        if (spec.ScheduleTypeName is not null)
        {
            w.Line();
            w.OpenBlock("if (Schedule is { } schedule)");
            w.Line("collector.Enter(\"scheduleParams\");");
            w.Line("schedule.ValidateInto(ref collector);");
            w.Line("collector.Exit();");
            w.Close();
        }

        w.Close();
    }

    private static void ValidateIds(string property, string json, string kind, CodeWriter w)
    {
        w.OpenBlock("if (" + property + " is null)");
        w.Line("collector.Add(\"" + json + "\", \"required\", \"" + json + " is required\");");
        w.Close();
        w.OpenBlock("else if (" + property + ".Count == 0)");
        w.Line("collector.Add(\"" + json + "\", \"minItems\", \"" + json + " must list at least one " + kind + " connection id\");");
        w.Close();
        w.OpenBlock("else");
        w.OpenBlock("for (var i = 0; i < " + property + ".Count; i++)");
        w.OpenBlock("if (string.IsNullOrEmpty(" + property + "[i]))");
        w.Line("collector.Enter(\"" + json + "\");");
        w.Line("collector.Add(i.ToString(global::System.Globalization.CultureInfo.InvariantCulture), \"minLength\", \"" + json + " items must be non-empty connection ids\");");
        w.Line("collector.Exit();");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void EmitWriteJson(FlowSpecModel spec, CodeWriter w)
    {
        w.Line("/// <inheritdoc />");
        w.OpenBlock("public void WriteJson(Utf8JsonWriter writer)");
        w.Line("writer.WriteStartObject();");
        w.Line("writer.WriteString(\"name\"u8, Name);");
        w.OpenBlock("if (Description is { } description)");
        w.Line("writer.WriteString(\"description\"u8, description);");
        w.Close();
        w.Line("writer.WriteStartObject(\"flowSpec\"u8);");
        w.Line("writer.WriteString(\"id\"u8, Id);");
        w.Line("writer.WriteString(\"version\"u8, Version);");
        w.Line("writer.WriteEndObject();");
        WriteIds("SourceConnectionIds", "sourceConnectionIds", w);
        WriteIds("TargetConnectionIds", "targetConnectionIds", w);
        if (spec.Transformations.Count > 0)
        {
            var anySet = new List<string>();
            foreach (var t in spec.Transformations)
            {
                anySet.Add(t.PropertyName + " is not null");
            }

            w.OpenBlock("if (" + string.Join(" || ", anySet) + ")");
            w.Line("writer.WriteStartArray(\"transformations\"u8);");
            foreach (var t in spec.Transformations)
            {
                w.OpenBlock("if (" + t.PropertyName + " is { } " + Local(t.PropertyName) + ")");
                w.Line("writer.WriteStartObject();");
                w.Line("writer.WriteString(\"name\"u8, " + CodeWriter.Literal(t.Name) + ");");
                w.Line("writer.WritePropertyName(\"params\"u8);");
                w.Line(Local(t.PropertyName) + ".WriteJson(writer);");
                w.Line("writer.WriteEndObject();");
                w.Close();
            }

            w.Line("writer.WriteEndArray();");
            w.Close();
        }

        if (spec.ScheduleTypeName is not null)
        {
            w.OpenBlock("if (Schedule is { } schedule)");
            w.Line("writer.WritePropertyName(\"scheduleParams\"u8);");
            w.Line("schedule.WriteJson(writer);");
            w.Close();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void WriteIds(string property, string json, CodeWriter w)
    {
        w.Line("writer.WriteStartArray(\"" + json + "\"u8);");
        w.OpenBlock("foreach (var id in " + property + " ?? global::System.Array.Empty<string>())");
        w.Line("writer.WriteStringValue(id);");
        w.Close();
        w.Line("writer.WriteEndArray();");
    }

    private static void EmitConverter(FlowSpecModel spec, CodeWriter w)
    {
        w.Summary(null, "Reads and writes <see cref=\"CreateFlowRequest\"/> as the Flow Service's <c>POST /flows</c> body, without reflection.");
        w.OpenBlock("public sealed class CreateFlowRequestJsonConverter : AepModelJsonConverter<CreateFlowRequest>");
        w.Line("/// <inheritdoc />");
        w.Line("public override CreateFlowRequest Read(ref Utf8JsonReader reader, global::System.Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.Summary(null, "Reads a flow body. A <c>flowSpec.id</c> other than <see cref=\"Id\"/>, an unknown transformation, a missing member or a JSON type mismatch throws <see cref=\"AepJsonException\"/> with its JSON Pointer.");
        w.OpenBlock("public static CreateFlowRequest ReadValue(ref Utf8JsonReader reader)");
        w.Line("AepJson.ExpectObject(ref reader);");
        w.Line("string? name = null;");
        w.Line("string? description = null;");
        w.Line("IReadOnlyList<string>? sourceConnectionIds = null;");
        w.Line("IReadOnlyList<string>? targetConnectionIds = null;");
        foreach (var t in spec.Transformations)
        {
            w.Line(t.TypeName + "? " + Local(t.PropertyName) + " = null;");
        }

        if (spec.ScheduleTypeName is not null)
        {
            w.Line(spec.ScheduleTypeName + "? schedule = null;");
        }

        var locals = new HashSet<string>(System.StringComparer.Ordinal) { "reader", "name", "description", "sourceConnectionIds", "targetConnectionIds", "schedule" };
        w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        w.OpenBlock("if (reader.ValueTextEquals(\"name\"u8))");
        w.Line("reader.Read();");
        w.Line("name = AepJson.ReadString(ref reader, \"name\");");
        w.Close();
        w.OpenBlock("else if (reader.ValueTextEquals(\"description\"u8))");
        w.Line("reader.Read();");
        w.OpenBlock("if (reader.TokenType != JsonTokenType.Null)");
        w.Line("description = AepJson.ReadString(ref reader, \"description\");");
        w.Close();
        w.Close();
        w.OpenBlock("else if (reader.ValueTextEquals(\"flowSpec\"u8))");
        w.Line("reader.Read();");
        w.Line("CheckFlowSpec(ref reader);");
        w.Close();
        foreach (var ids in new[] { "sourceConnectionIds", "targetConnectionIds" })
        {
            w.OpenBlock("else if (reader.ValueTextEquals(\"" + ids + "\"u8))");
            w.Line("reader.Read();");
            ModelEmitter.ReadInto(new TypeRef(TypeKind.Array, Element: TypeRef.String), ids, "\"" + ids + "\"", locals, w);
            w.Close();
        }

        if (spec.Transformations.Count > 0)
        {
            w.OpenBlock("else if (reader.ValueTextEquals(\"transformations\"u8))");
            w.Line("reader.Read();");
            w.Line("AepJson.ExpectArray(ref reader, \"transformations\");");
            w.Line("var index = 0;");
            w.OpenBlock("while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)");
            w.OpenBlock("try");
            var refs = new List<string>();
            foreach (var t in spec.Transformations)
            {
                refs.Add("ref " + Local(t.PropertyName));
            }

            w.Line("ReadTransformation(ref reader, " + string.Join(", ", refs) + ");");
            w.Close();
            w.OpenBlock("catch (AepJsonException exception)");
            w.Line("throw exception.WithParent(index).WithParent(\"transformations\");");
            w.Close();
            w.Line();
            w.Line("index++;");
            w.Close();
            w.Close();
        }

        if (spec.ScheduleTypeName is not null)
        {
            w.OpenBlock("else if (reader.ValueTextEquals(\"scheduleParams\"u8))");
            w.Line("reader.Read();");
            w.OpenBlock("if (reader.TokenType != JsonTokenType.Null)");
            ModelEmitter.ReadInto(new TypeRef(TypeKind.Object, spec.ScheduleTypeName), "schedule", "\"scheduleParams\"", locals, w);
            w.Close();
            w.Close();
        }

        w.OpenBlock("else");
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return new CreateFlowRequest");
        w.Open();
        w.Line("Name = name ?? throw AepJson.MissingMember(\"name\"),");
        w.Line("Description = description,");
        w.Line("SourceConnectionIds = sourceConnectionIds ?? throw AepJson.MissingMember(\"sourceConnectionIds\"),");
        w.Line("TargetConnectionIds = targetConnectionIds ?? throw AepJson.MissingMember(\"targetConnectionIds\"),");
        foreach (var t in spec.Transformations)
        {
            w.Line(t.PropertyName + " = " + Local(t.PropertyName) + ",");
        }

        if (spec.ScheduleTypeName is not null)
        {
            w.Line("Schedule = schedule,");
        }

        w.Close(";");
        w.Close();
        w.Line();
        EmitCheckFlowSpec(spec, w);
        if (spec.Transformations.Count > 0)
        {
            w.Line();
            EmitReadTransformation(spec, w);
        }

        w.Close();
    }

    private static void EmitCheckFlowSpec(FlowSpecModel spec, CodeWriter w)
    {
        w.OpenBlock("private static void CheckFlowSpec(ref Utf8JsonReader reader)");
        w.OpenBlock("if (reader.TokenType != JsonTokenType.StartObject)");
        w.Line("throw AepJson.TypeMismatch(\"/flowSpec\", \"an object\", reader.TokenType);");
        w.Close();
        w.Line();
        w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        w.OpenBlock("if (reader.ValueTextEquals(\"id\"u8))");
        w.Line("reader.Read();");
        w.OpenBlock("if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(Id))");
        w.Line("var id = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString();");
        w.Line("throw new AepJsonException(\"/flowSpec/id\", \"const\", $\"is \\\"{id}\\\", but this request is for the flowSpec " + CodeWriter.InterpolatedContent(spec.Name) + " ({Id})\");");
        w.Close();
        w.Close();
        w.OpenBlock("else");
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void EmitReadTransformation(FlowSpecModel spec, CodeWriter w)
    {
        var parameters = new List<string>();
        foreach (var t in spec.Transformations)
        {
            parameters.Add("ref " + t.TypeName + "? " + Local(t.PropertyName));
        }

        var known = new List<string>();
        foreach (var t in spec.Transformations)
        {
            known.Add(t.Name);
        }

        w.OpenBlock("private static void ReadTransformation(ref Utf8JsonReader reader, " + string.Join(", ", parameters) + ")");
        w.Line("AepJson.ExpectObject(ref reader);");
        w.Line("string? name = null;");
        w.Line("var parameters = default(Utf8JsonReader);");
        w.Line("var hasParameters = false;");
        w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        w.OpenBlock("if (reader.ValueTextEquals(\"name\"u8))");
        w.Line("reader.Read();");
        w.Line("name = AepJson.ReadString(ref reader, \"name\");");
        w.Close();
        w.OpenBlock("else if (reader.ValueTextEquals(\"params\"u8))");
        w.Line("// \"params\" may come before \"name\": keep a copy of the reader there and read it once the name is known.");
        w.Line("reader.Read();");
        w.Line("parameters = reader;");
        w.Line("hasParameters = reader.TokenType != JsonTokenType.Null;");
        w.Line("reader.Skip();");
        w.Close();
        w.OpenBlock("else");
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Line();
        w.OpenBlock("if (name is null)");
        w.Line("throw AepJson.MissingMember(\"name\");");
        w.Close();
        w.Line();
        w.OpenBlock("if (!hasParameters)");
        w.Line("parameters = new Utf8JsonReader(\"{}\"u8);");
        w.Line("parameters.Read();");
        w.Close();
        w.Line();
        w.OpenBlock("try");
        w.OpenBlock("switch (name)");
        foreach (var t in spec.Transformations)
        {
            w.Line("case " + CodeWriter.Literal(t.Name) + ":");
            w.Line("    " + Local(t.PropertyName) + " = " + t.TypeName + "JsonConverter.ReadValue(ref parameters);");
            w.Line("    return;");
        }

        w.Close();
        w.Close();
        w.OpenBlock("catch (AepJsonException exception)");
        w.Line("throw exception.WithParent(\"params\");");
        w.Close();
        w.Line();
        var message = "names the unknown transformation \\\"{name}\\\"; " + spec.ClassName + " accepts " + CodeWriter.InterpolatedContent(string.Join(", ", known));
        w.Line("throw new AepJsonException(\"/name\", \"enum\", $\"" + message + "\");");
        w.Close();
    }

    private static string Local(string propertyName) => CodeWriter.Camel(propertyName) is "name" or "description" or "schedule" or "reader" or "index" or "parameters"
        ? CodeWriter.Camel(propertyName) + "Params"
        : CodeWriter.Camel(propertyName);
}
