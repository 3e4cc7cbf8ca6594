using System;
using System.Collections.Generic;
using System.Text;

using AepFlow.Generator.Emit;

namespace AepFlow.Generator.Declarative.Xdm;

/// <summary>
/// Writes XDM field paths as nested static classes of constants (every object field a class with a <c>Path</c> constant,
/// every leaf a constant); one naming for the standard components and the <c>*.xdm.json</c> files.
/// </summary>
internal static class XdmPathEmitter
{
    /// <summary>The C# name of each field at one level. A member may not share its enclosing class's name (CS0542) nor a sibling's: both are in <paramref name="taken"/>.</summary>
    public static List<KeyValuePair<XdmField, string>> NameMembers(IReadOnlyList<XdmField> fields, HashSet<string> taken)
    {
        var named = new List<KeyValuePair<XdmField, string>>(fields.Count);
        foreach (var field in fields)
        {
            string name = CodeNames.Pascal(field.Name);
            name = taken.Contains(name) ? Naming.Unique(name + "Field", taken) : Naming.Unique(name, taken);
            named.Add(new KeyValuePair<XdmField, string>(field, name));
        }

        return named;
    }

    /// <summary>The names an object field's class reserves for itself: its own name and its <c>Path</c> constant.</summary>
    public static HashSet<string> NestedReserved(string className) => new(StringComparer.Ordinal) { className, "Path" };

    /// <summary>Writes <paramref name="fields"/> at <paramref name="indent"/>; docs from the title when <paramref name="titlesOnly"/> (smaller output).</summary>
    public static void EmitFields(StringBuilder sb, IReadOnlyList<XdmField> fields, HashSet<string> taken, string indent, bool titlesOnly)
    {
        foreach (var pair in NameMembers(fields, taken))
        {
            var field = pair.Key;
            string name = pair.Value;
            string doc = CodeWriter.Xml((titlesOnly ? field.Title ?? field.Description : field.Description ?? field.Title) ?? field.Path);
            if (field.Children.Count == 0)
            {
                sb.AppendLine($"{indent}/// <summary>{doc} (<c>{CodeWriter.Xml(field.Path)}</c>{(field.Type != null ? ", " + CodeWriter.Xml(field.Type) : "")}).</summary>");
                sb.AppendLine($"{indent}public const string {name} = {CodeWriter.Literal(field.Path)};");
                continue;
            }

            sb.AppendLine($"{indent}/// <summary>{doc} (<c>{CodeWriter.Xml(field.Path)}</c>{(field.Type == "array" ? ", an array: item fields below" : "")}).</summary>");
            sb.AppendLine($"{indent}public static partial class {name}");
            sb.AppendLine($"{indent}{{");
            sb.AppendLine($"{indent}    /// <summary>The path of this field itself.</summary>");
            sb.AppendLine($"{indent}    public const string Path = {CodeWriter.Literal(field.Path)};");
            EmitFields(sb, field.Children, NestedReserved(name), indent + "    ", titlesOnly);
            sb.AppendLine($"{indent}}}");
        }
    }
}
