using AepFlow.Generator.OpenApi.Digest;

namespace AepFlow.Generator.OpenApi.Emit;

/// <summary>Maps digest types to C# types and to the read/write code of the generated JSON handling.</summary>
internal sealed class TypeMapper
{
    public const string Json = "global::AepFlow.Models.AepModelJson";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private readonly string _modelNamespace;

    public TypeMapper(string modelNamespace) => _modelNamespace = modelNamespace;

    /// <summary>The C# type of a value that is present (no nullable annotation).</summary>
    public string Type(TypeRef type) => type.Kind switch
    {
        TypeRef.String => "string",
        TypeRef.Integer => type.Format == "int32" ? "int" : "long",
        TypeRef.Number => "double",
        TypeRef.Boolean => "bool",
        TypeRef.Array => "global::System.Collections.Generic.IReadOnlyList<" + Type(type.Items!) + ">",
        TypeRef.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Type(type.Items!) + ">",
        TypeRef.Ref => "global::" + _modelNamespace + "." + type.RefName,
        _ => "global::System.Text.Json.JsonElement",
    };

    public static bool IsValueType(TypeRef type) =>
        type.Kind is TypeRef.Integer or TypeRef.Number or TypeRef.Boolean or TypeRef.Any;

    /// <summary>An expression reading the current value of <paramref name="reader"/>; <see langword="null"/> for a JSON null.</summary>
    public string ReadNullable(TypeRef type, string reader, int depth) => type.Kind switch
    {
        TypeRef.String => $"{Json}.ReadString(ref {reader})",
        TypeRef.Integer => type.Format == "int32" ? $"{Json}.ReadInt32(ref {reader})" : $"{Json}.ReadInt64(ref {reader})",
        TypeRef.Number => $"{Json}.ReadDouble(ref {reader})",
        TypeRef.Boolean => $"{Json}.ReadBoolean(ref {reader})",
        TypeRef.Ref => $"{Json}.ReadObject<{Type(type)}>(ref {reader}, {Type(type)}.ReadJson)",
        TypeRef.Array => $"{Json}.ReadList<{Type(type.Items!)}>(ref {reader}, {ItemReader(type.Items!, depth + 1)})",
        TypeRef.Map => $"{Json}.ReadMap<{Type(type.Items!)}>(ref {reader}, {ItemReader(type.Items!, depth + 1)})",
        _ => $"{Json}.ReadElement(ref {reader})",
    };

    /// <summary>A <c>ReadFunc&lt;T&gt;</c> for a value that must not be null (array items, map values, whole bodies).</summary>
    public string ItemReader(TypeRef type, int depth)
    {
        switch (type.Kind)
        {
            case TypeRef.String:
                return Json + ".ReadStringItem";
            case TypeRef.Integer:
                return type.Format == "int32" ? Json + ".ReadInt32Item" : Json + ".ReadInt64Item";
            case TypeRef.Number:
                return Json + ".ReadDoubleItem";
            case TypeRef.Boolean:
                return Json + ".ReadBooleanItem";
            case TypeRef.Ref:
                return Type(type) + ".ReadJson";
            case TypeRef.Array:
            case TypeRef.Map:
                var r = "r" + depth;
                return $"static (ref {Reader} {r}) => {ReadNullable(type, r, depth)} ?? throw {Json}.NullValue(ref {r})";
            default:
                return Json + ".ReadElementItem";
        }
    }

    /// <summary>A statement writing the present value <paramref name="value"/>.</summary>
    public string Write(TypeRef type, string writer, string value, int depth) => type.Kind switch
    {
        TypeRef.String => $"{writer}.WriteStringValue({value});",
        TypeRef.Integer or TypeRef.Number => $"{writer}.WriteNumberValue({value});",
        TypeRef.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeRef.Ref => $"{value}.WriteJson({writer});",
        TypeRef.Array => $"{Json}.WriteList<{Type(type.Items!)}>({writer}, {value}, {ItemWriter(type.Items!, depth + 1)});",
        TypeRef.Map => $"{Json}.WriteMap<{Type(type.Items!)}>({writer}, {value}, {ItemWriter(type.Items!, depth + 1)});",
        _ => $"{value}.WriteTo({writer});",
    };

    /// <summary>A <c>WriteFunc&lt;T&gt;</c> lambda.</summary>
    public string ItemWriter(TypeRef type, int depth)
    {
        var w = "w" + depth;
        var v = "v" + depth;
        var statement = Write(type, w, v, depth);
        return $"static ({Writer} {w}, {Type(type)} {v}) => {statement.TrimEnd(';')}";
    }
}
