using System.Collections.Generic;
using System.Globalization;
using AepFlow.Generator.Model;

namespace AepFlow.Generator.Emit;

/// <summary>
/// The one record emitter: spec models (nested in their spec class) and OpenAPI DTOs (namespace members, see
/// <c>OpenApi/Emit/DtoModels</c>) alike — members, validation, wire writing, the converter that reads them, and the enums.
/// What differs for DTOs is a property of the model (<see cref="ObjectTypeModel.TopLevel"/>,
/// <see cref="ObjectTypeModel.ReadsScalarsFromStrings"/>, <see cref="PropertyModel.WritesNull"/>), not another emitter.
/// </summary>
internal static class ModelEmitter
{
    public static void EmitRecord(ObjectTypeModel type, SpecTypes types, string qualifier, CodeWriter w, string? docFallback = null, System.Action<CodeWriter>? extraMembers = null)
    {
        w.Summary(type.Description, docFallback ?? "The <c>" + CodeWriter.Xml(type.Name) + "</c> object of the spec.");
        w.Line("[JsonConverter(typeof(" + type.Name + "JsonConverter))]");
        if (type.TopLevel)
        {
            w.Line(SourceFile.GeneratedCodeAttribute);
        }

        w.OpenBlock("public sealed partial record " + type.Name + " : IAepModel");
        extraMembers?.Invoke(w);
        foreach (var property in type.Properties)
        {
            EmitProperty(property, w);
            w.Line();
        }

        EmitValidate(w);
        w.Line();
        new ValidatorEmitter(types, type.Name, w.Indent, qualifier).EmitValidateInto(type, w);
        w.Line();
        EmitWriteJson(type, w);
        if (type.TopLevel)
        {
            EmitReadEntryPoints(type, w);
        }

        EmitPrintMembers(type, w);
        w.Close();
        w.Line();
        EmitConverter(type, w);
    }

    // The DTOs' public reading API (response parsing and the client's resource readers call it): the converter's reader,
    // and a whole UTF-8 document through the support file's AepModelJson.Parse.
    private static void EmitReadEntryPoints(ObjectTypeModel type, CodeWriter w)
    {
        w.Line();
        w.Line("/// <summary>Reads a <see cref=\"" + type.Name + "\"/> from the value at <paramref name=\"reader\"/>; unknown members are skipped.</summary>");
        w.Line("/// <exception cref=\"JsonException\">The JSON is not an object of this shape.</exception>");
        w.Line("public static " + type.Name + " ReadJson(ref Utf8JsonReader reader) => " + type.Name + "JsonConverter.ReadValue(ref reader);");
        w.Line();
        w.Line("/// <summary>Reads a <see cref=\"" + type.Name + "\"/> from UTF-8 JSON.</summary>");
        w.Line("public static " + type.Name + " FromJson(global::System.ReadOnlySpan<byte> utf8Json) => global::AepFlow.Models.AepModelJson.Parse<" + type.Name + ">(utf8Json, ReadJson);");
    }

    /// <summary>
    /// Records print their members in <c>ToString()</c>; a record holding a secret (<c>format: password</c> or a secret-like
    /// name, the client's <c>SecretNames</c> rule) prints it through the client's one redaction point instead.
    /// </summary>
    private static void EmitPrintMembers(ObjectTypeModel type, CodeWriter w)
    {
        var hasSecret = false;
        foreach (var property in type.Properties)
        {
            hasSecret |= IsSecret(property);
        }

        if (!hasSecret)
        {
            return;
        }

        w.Line();
        w.Line("/// <summary>Prints the members as the compiler would, with secrets as <c>***</c>.</summary>");
        w.OpenBlock("private bool PrintMembers(global::System.Text.StringBuilder builder)");
        var separator = "";
        foreach (var property in type.Properties)
        {
            var value = IsSecret(property) ? "global::AepFlow.Security.Redaction.Print(" + property.Name + ")" : "(object?)" + property.Name;
            w.Line("builder.Append(" + CodeWriter.Literal(separator + property.Name.TrimStart('@') + " = ") + ").Append(" + value + ");");
            separator = ", ";
        }

        w.Line("return true;");
        w.Close();
    }

    private static bool IsSecret(PropertyModel property) =>
        property.Schema.Format == "password" || AepFlow.Security.SecretNames.IsSecret(property.JsonName) || AepFlow.Security.SecretNames.IsSecret(property.Name);

    public static void EmitValidate(CodeWriter w)
    {
        w.Line("/// <inheritdoc />");
        w.OpenBlock("public ValidationResult Validate()");
        w.Line("var collector = new ValidationCollector();");
        w.Line("ValidateInto(ref collector);");
        w.Line("return collector.ToResult();");
        w.Close();
    }

    private static void EmitProperty(PropertyModel property, CodeWriter w)
    {
        w.Summary(property.Description, "The <c>" + CodeWriter.Xml(property.JsonName) + "</c> member.");
        if (property.DefaultJson is not null)
        {
            w.Line("/// <remarks>The service default is <c>" + CodeWriter.Xml(property.DefaultJson) + "</c>.</remarks>");
        }

        var type = property.Type.ToCSharp();
        w.Line(property.Required
            ? "public required " + type + " " + property.Name + " { get; init; }"
            : "public " + type + "? " + property.Name + " { get; init; }");
    }

    private static void EmitWriteJson(ObjectTypeModel type, CodeWriter w)
    {
        w.Line("/// <inheritdoc />");
        w.OpenBlock("public void WriteJson(Utf8JsonWriter writer)");
        w.Line("writer.WriteStartObject();");
        var locals = new HashSet<string>(System.StringComparer.Ordinal) { "writer" };
        foreach (var property in type.Properties)
        {
            WriteMember(property.Type, property.JsonName, property.Name, property.Required, locals, w, property.WritesNull);
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>
    /// Writes one member; optional members are skipped when null, required ones (and <paramref name="writesNull"/> ones)
    /// write null if left null.
    /// </summary>
    public static void WriteMember(TypeRef type, string jsonName, string access, bool required, HashSet<string> locals, CodeWriter w, bool writesNull = false)
    {
        var name = CodeWriter.Utf8(jsonName);
        if (required && type.IsValueType)
        {
            WriteNamedValue(type, name, access, locals, w);
            return;
        }

        var local = Naming.Unique(CodeWriter.Camel(access), locals);
        w.OpenBlock("if (" + access + " is { } " + local + ")");
        WriteNamedValue(type, name, local, locals, w);
        w.Close();
        if (required || writesNull)
        {
            w.OpenBlock("else");
            w.Line("writer.WriteNull(" + name + ");");
            w.Close();
        }
    }

    private static void WriteNamedValue(TypeRef type, string name, string expr, HashSet<string> locals, CodeWriter w)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line("writer.WriteString(" + name + ", " + expr + ");");
                return;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                w.Line("writer.WriteNumber(" + name + ", " + expr + ");");
                return;
            case TypeKind.Boolean:
                w.Line("writer.WriteBoolean(" + name + ", " + expr + ");");
                return;
            case TypeKind.Enum:
                w.Line("writer.WriteString(" + name + ", " + type.Name + "JsonConverter.ToJsonValue(" + expr + "));");
                return;
            default:
                w.Line("writer.WritePropertyName(" + name + ");");
                WriteValue(type, expr, locals, w);
                return;
        }
    }

    private static void WriteValue(TypeRef type, string expr, HashSet<string> locals, CodeWriter w)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line("writer.WriteStringValue(" + expr + ");");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                w.Line("writer.WriteNumberValue(" + expr + ");");
                break;
            case TypeKind.Boolean:
                w.Line("writer.WriteBooleanValue(" + expr + ");");
                break;
            case TypeKind.Enum:
                w.Line("writer.WriteStringValue(" + type.Name + "JsonConverter.ToJsonValue(" + expr + "));");
                break;
            case TypeKind.Object:
                w.Line(expr + ".WriteJson(writer);");
                break;
            case TypeKind.JsonElement:
                w.Line(expr + ".WriteTo(writer);");
                break;
            case TypeKind.Array:
            case TypeKind.Map:
                var isMap = type.Kind == TypeKind.Map;
                var entry = Naming.Unique(isMap ? "entry" : "item", locals);
                var item = isMap ? entry + ".Value" : entry;
                w.Line(isMap ? "writer.WriteStartObject();" : "writer.WriteStartArray();");
                w.OpenBlock("foreach (var " + entry + " in " + expr + ")");
                if (isMap)
                {
                    w.Line("writer.WritePropertyName(" + entry + ".Key);");
                }

                if (type.Element!.IsValueType || type.Element.Kind == TypeKind.String)
                {
                    WriteValue(type.Element, item, locals, w);
                }
                else
                {
                    w.OpenBlock("if (" + item + " is null)");
                    w.Line("writer.WriteNullValue();");
                    w.Close();
                    w.OpenBlock("else");
                    WriteValue(type.Element, item, locals, w);
                    w.Close();
                }

                w.Close();
                w.Line(isMap ? "writer.WriteEndObject();" : "writer.WriteEndArray();");
                break;
        }
    }

    private static void EmitConverter(ObjectTypeModel type, CodeWriter w)
    {
        w.Summary(null, "Reads and writes <see cref=\"" + type.Name + "\"/> as its wire JSON, without reflection.");
        w.OpenBlock("public sealed class " + type.Name + "JsonConverter : AepModelJsonConverter<" + type.Name + ">");
        w.Line("/// <inheritdoc />");
        w.Line("public override " + type.Name + " Read(ref Utf8JsonReader reader, global::System.Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.Summary(null, "Reads the object the reader is on. Throws <see cref=\"AepJsonException\"/> naming the JSON Pointer of a mistyped or missing member.");
        w.OpenBlock("public static " + type.Name + " ReadValue(ref Utf8JsonReader reader)");
        w.Line("AepJson.ExpectObject(ref reader);");
        var locals = new HashSet<string>(System.StringComparer.Ordinal) { "reader", "exception" };
        var variables = new List<string>();
        foreach (var property in type.Properties)
        {
            var local = Naming.Unique(CodeWriter.Camel(property.Name), locals);
            variables.Add(local);
            w.Line(property.Type.ToCSharp() + "? " + local + " = null;");
        }

        w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            w.OpenBlock((i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + CodeWriter.Utf8(property.JsonName) + "))");
            w.Line("reader.Read();");
            // JSON null is "unset" only where the schema admits null; elsewhere the reader reports it as a type mismatch.
            var admitsNull = property.Schema.Types == SchemaTypes.Any || (property.Schema.Types & SchemaTypes.Null) != 0;
            if (property.Required || !admitsNull)
            {
                ReadInto(property.Type, variables[i], CodeWriter.Literal(property.JsonName), locals, w, type.ReadsScalarsFromStrings);
            }
            else
            {
                w.OpenBlock("if (reader.TokenType != JsonTokenType.Null)");
                ReadInto(property.Type, variables[i], CodeWriter.Literal(property.JsonName), locals, w, type.ReadsScalarsFromStrings);
                w.Close();
            }

            w.Close();
        }

        if (type.Properties.Count == 0)
        {
            w.Line("reader.Skip();");
        }
        else
        {
            w.OpenBlock("else");
            w.Line("reader.Skip();");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("return new " + type.Name);
        w.Open();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            w.Line(property.Required
                ? property.Name + " = " + variables[i] + " ?? throw AepJson.MissingMember(" + CodeWriter.Literal(property.JsonName) + "),"
                : property.Name + " = " + variables[i] + ",");
        }

        w.Close(";");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Reads the current value into <paramref name="target"/>; <paramref name="segment"/> is the member name, index or key
    /// expression for error pointers. <paramref name="fromStrings"/>: see <see cref="ObjectTypeModel.ReadsScalarsFromStrings"/>.
    /// </summary>
    public static void ReadInto(TypeRef type, string target, string segment, HashSet<string> locals, CodeWriter w, bool fromStrings = false)
    {
        switch (type.Kind)
        {
            case TypeKind.Enum:
            case TypeKind.Object:
                w.OpenBlock("try");
                w.Line(target + " = " + type.Name + "JsonConverter.ReadValue(ref reader);");
                w.Close();
                CatchWithParent(segment, w);
                return;
            case TypeKind.Array:
            case TypeKind.Map:
                // A list (items at their index) or a string-keyed map (values at their key): one loop, two add statements.
                var isMap = type.Kind == TypeKind.Map;
                var element = type.Element!;
                var collection = Naming.Unique(isMap ? "map" : "list", locals);
                if (isMap)
                {
                    w.OpenBlock("try");
                    w.Line("AepJson.ExpectObject(ref reader);");
                    w.Close();
                    CatchWithParent(segment, w);
                    w.Line("var " + collection + " = new global::System.Collections.Generic.Dictionary<string, " + element.ToCSharp() + ">(global::System.StringComparer.Ordinal);");
                    w.OpenBlock("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
                }
                else
                {
                    w.Line("AepJson.ExpectArray(ref reader, " + segment + ");");
                    w.Line("var " + collection + " = new global::System.Collections.Generic.List<" + element.ToCSharp() + ">();");
                    w.OpenBlock("while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)");
                }

                var at = collection + ".Count";
                if (isMap)
                {
                    at = Naming.Unique("key", locals);
                    w.Line("var " + at + " = reader.GetString()!;");
                    w.Line("reader.Read();");
                }

                string Add(string value) => isMap ? collection + "[" + at + "] = " + value + ";" : collection + ".Add(" + value + ");";
                if (element.Kind is TypeKind.Enum or TypeKind.Object or TypeKind.Array or TypeKind.Map)
                {
                    var item = Naming.Unique("item", locals);
                    w.Line(element.ToCSharp() + " " + item + ";");
                    w.OpenBlock("try");
                    ReadInto(element, item, at, locals, w, fromStrings);
                    w.Close();
                    CatchWithParent(segment, w);
                    w.Line(Add(item));
                }
                else
                {
                    w.OpenBlock("try");
                    w.Line(Add(ScalarRead(element, at, fromStrings)));
                    w.Close();
                    CatchWithParent(segment, w);
                }

                w.Close();
                w.Line(target + " = " + collection + ";");
                return;
            default:
                w.Line(target + " = " + ScalarRead(type, segment, fromStrings) + ";");
                return;
        }
    }

    private static void CatchWithParent(string segment, CodeWriter w)
    {
        w.OpenBlock("catch (AepJsonException exception)");
        w.Line("throw exception.WithParent(" + segment + ");");
        w.Close();
    }

    // fromStrings: numbers and booleans through the DTO support file's readers, which also take "15" and "true".
    private static string ScalarRead(TypeRef type, string segment, bool fromStrings)
    {
        var reader = fromStrings ? "global::AepFlow.Models.AepModelJson" : "AepJson";
        return type.Kind switch
        {
            TypeKind.String => "AepJson.ReadString(ref reader, " + segment + ")",
            TypeKind.Int32 => reader + ".ReadInt32(ref reader, " + segment + ")",
            TypeKind.Int64 => reader + ".ReadInt64(ref reader, " + segment + ")",
            TypeKind.Double => reader + ".ReadDouble(ref reader, " + segment + ")",
            TypeKind.Boolean => reader + ".ReadBoolean(ref reader, " + segment + ")",
            _ => "AepJson.ReadElement(ref reader)",
        };
    }

    public static void EmitEnum(EnumTypeModel type, CodeWriter w)
    {
        w.Summary(type.Description, "The allowed values of <c>" + CodeWriter.Xml(type.Name) + "</c>.");
        w.Line("[JsonConverter(typeof(" + type.Name + "JsonConverter))]");
        w.OpenBlock("public enum " + type.Name);
        foreach (var member in type.Members)
        {
            w.Line("/// <summary>The JSON value <c>" + CodeWriter.Xml(CodeWriter.LiteralContent(member.Value)) + "</c>.</summary>");
            w.Line(member.Name + ",");
        }

        w.Close();
        w.Line();

        var allowed = new List<string>();
        foreach (var member in type.Members)
        {
            allowed.Add(CodeWriter.Literal(member.Value));
        }

        w.Summary(null, "Reads and writes <see cref=\"" + type.Name + "\"/> as its exact JSON string.");
        w.OpenBlock("public sealed class " + type.Name + "JsonConverter : JsonConverter<" + type.Name + ">");
        w.Line("/// <inheritdoc />");
        w.Line("public override " + type.Name + " Read(ref Utf8JsonReader reader, global::System.Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override void Write(Utf8JsonWriter writer, " + type.Name + " value, JsonSerializerOptions options) => writer.WriteStringValue(ToJsonValue(value));");
        w.Line();
        w.Summary(null, "Reads the string the reader is on; any other value throws <see cref=\"AepJsonException\"/>.");
        w.OpenBlock("public static " + type.Name + " ReadValue(ref Utf8JsonReader reader)");
        w.OpenBlock("if (reader.TokenType == JsonTokenType.String)");
        foreach (var member in type.Members)
        {
            w.OpenBlock("if (reader.ValueTextEquals(" + CodeWriter.Utf8(member.Value) + "))");
            w.Line("return " + type.Name + "." + member.Name + ";");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("throw AepJson.UnknownValue(ref reader, " + CodeWriter.Literal(string.Join(", ", allowed)) + ");");
        w.Close();
        w.Line();
        w.Summary(null, "The exact JSON string of <paramref name=\"value\"/>.");
        w.Line("public static string ToJsonValue(" + type.Name + " value) => value switch");
        w.Open();
        foreach (var member in type.Members)
        {
            w.Line(type.Name + "." + member.Name + " => " + CodeWriter.Literal(member.Value) + ",");
        }

        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + CodeWriter.Literal("Not a " + type.Name + " value.") + "),");
        w.Close(";");
        w.Close();
    }
}
