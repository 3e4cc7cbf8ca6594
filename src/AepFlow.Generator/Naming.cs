using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AepFlow.Generator;

/// <summary>.NET naming rules for names taken from specs and schemas.</summary>
internal static class Naming
{
    /// <summary>
    /// Types generated records (spec models and OpenAPI DTOs) and their converters write without qualification, through the
    /// usings <c>Emit/SourceFile</c> adds: a generated type or record member of that name would capture them.
    /// </summary>
    public static readonly string[] UnqualifiedTypeNames =
    {
        "IReadOnlyList", "List", "Dictionary", "Utf8JsonWriter", "Utf8JsonReader", "JsonSerializerOptions", "JsonTokenType", "JsonValueKind",
        "JsonElement", "JsonSerializer", "JsonException", "JsonDocument", "JsonConverter", "JsonSerializerContext", "JsonTypeInfo",
        "JsonMetadataServices", "IJsonTypeInfoResolver", "AepJson", "AepJsonException", "AepModelJsonConverter", "ValidationResult",
        "ValidationCollector", "ValidationError", "IAepModel", "IFlowRequest", "SchemaChecks",
    };

    /// <summary>Members every generated record has (spec models and OpenAPI DTOs): a property of that name gets a suffix.</summary>
    public static readonly string[] RecordMembers =
    {
        "Validate", "ValidateInto", "WriteJson", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct",
        "EqualityContract", "Clone", "PrintMembers", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// Type names in <c>System</c> and <c>System.Text.Json</c> that a generated nested type must not shadow: a user writing
    /// <c>CrmToAep.Type</c> or reading code that says <c>String</c> would get the wrong type.
    /// </summary>
    private static readonly HashSet<string> ReservedTypeNames = new(UnqualifiedTypeNames, System.StringComparer.Ordinal)
    {
        "Action", "Array", "Attribute", "Boolean", "Buffer", "Byte", "Char", "Console", "Convert", "DateTime", "DateTimeOffset",
        "Decimal", "Delegate", "Double", "Enum", "Environment", "EventArgs", "Exception", "File", "Func", "GC", "Guid", "Half",
        "Index", "Int16", "Int32", "Int64", "IntPtr", "Lazy", "Math", "Nullable", "Object", "Path", "Random", "Range", "SByte",
        "Single", "Span", "String", "Task", "TimeSpan", "TimeZoneInfo", "Tuple", "Type", "UInt16", "UInt32", "UInt64", "Uri",
        "ValueTuple", "Version", "Void", "Regex",

        // Names of the attribute and catalog types spec classes use (UnqualifiedTypeNames holds the record code's).
        "JsonSchema", "JsonSchemaAttribute", "JsonConverterAttribute", "FlowSpecCatalog", "FlowSpecEntry", "AepFlowJsonContext",

        // Root namespaces: a type named System or AepFlow would capture "System.X" written by hand next to generated code.
        "System", "Microsoft", "AepFlow",
    };

    /// <summary>Names a spec model's property must not take: the record's members, its spec class's, and types its code names.</summary>
    private static readonly HashSet<string> RecordMemberNames = new(RecordMembers, System.StringComparer.Ordinal)
    {
        "SpecName",

        // Types a record's own validator and reader name unqualified: a member of that name would capture them
        // (a property SchemaChecks makes "SchemaChecks.Length(...)" its own member access, CS0120/CS1061).
        "SchemaChecks", "AepJson", "AepJsonException", "JsonValueKind", "JsonTokenType", "JsonElement", "ValidationCollector",
        "ValidationResult", "Regex", "IReadOnlyList", "JsonSerializer", "JsonSerializerOptions", "Utf8JsonReader", "Utf8JsonWriter",
    };

    /// <summary>
    /// PascalCase of a spec, schema or enum name: words split at separators, lower→upper changes and acronym ends;
    /// acronyms of three letters or more become <c>Xxx</c>. <c>CRMToAEP</c> → <c>CrmToAep</c>, <c>OAuth2 Refresh Code</c> → <c>OAuth2RefreshCode</c>.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var word in SplitWords(name))
        {
            AppendWord(builder, word);
        }

        return MakeIdentifier(builder.ToString());
    }

    /// <summary>A valid C# identifier: a prefix for a leading digit, <c>Value</c> for nothing, <c>@</c> for keywords.</summary>
    public static string MakeIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(name[0]))
        {
            name = "_" + name;
        }

        var identifier = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.FieldKeyword
            ? "@" + name
            : name;

        // Callers pass letters, digits and '_'; anything else that slipped through must not reach the source text.
        return SyntaxFacts.IsValidIdentifier(identifier.TrimStart('@')) ? identifier : Sanitize(name);
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var ch in name)
        {
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(ch) && char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.Format ? ch : '_');
        }

        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static bool IsReservedTypeName(string name) => ReservedTypeNames.Contains(name);

    public static bool IsRecordMemberName(string name) => RecordMemberNames.Contains(name);

    /// <summary><c>columns</c> → <c>Column</c>, <c>entries</c> → <c>Entry</c>; names without a plural ending get <c>Item</c>.</summary>
    public static string Singularize(string pascalName)
    {
        if (pascalName.EndsWith("ies", System.StringComparison.Ordinal) && pascalName.Length > 3)
        {
            return pascalName.Substring(0, pascalName.Length - 3) + "y";
        }

        if (pascalName.EndsWith("s", System.StringComparison.Ordinal) && !pascalName.EndsWith("ss", System.StringComparison.Ordinal) && pascalName.Length > 1)
        {
            return pascalName.Substring(0, pascalName.Length - 1);
        }

        return pascalName + "Item";
    }

    /// <summary>Returns <paramref name="name"/>, or it with 2, 3, … appended, whichever <paramref name="used"/> does not hold yet; records it.</summary>
    public static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (!char.IsLetterOrDigit(ch))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0 && char.IsUpper(ch))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);

                // "deltaColumn" splits before 'C'; "CRMTo" splits before 'T' (end of an acronym); "s3Key" before 'K'.
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }

            word.Append(ch);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static void AppendWord(StringBuilder builder, string word)
    {
        var letters = 0;
        var allUpper = true;
        foreach (var ch in word)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                allUpper &= char.IsUpper(ch);
            }
        }

        // Two-letter acronyms stay upper case (IO, S3), except ID, which .NET spells Id.
        if (allUpper && letters > 2 || word == "ID")
        {
            builder.Append(word[0]);
            builder.Append(word.Substring(1).ToLowerInvariant());
            return;
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        builder.Append(word, 1, word.Length - 1);
    }
}
