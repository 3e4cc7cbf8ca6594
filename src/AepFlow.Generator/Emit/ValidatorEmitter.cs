using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AepFlow.Generator.Model;
using AepFlow.Generator.Schema;

namespace AepFlow.Generator.Emit;

/// <summary>
/// Emits <c>ValidateInto</c> for one record as straight-line C#. Two modes share one walker: <em>collect</em> reports
/// through the <c>ValidationCollector</c>; <em>test</em> returns <see langword="false"/> on the first failure and backs the
/// <c>if</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> branches as private static <c>MatchesN</c> methods, so evaluating a condition
/// never reports (or allocates) anything.
/// </summary>
internal sealed class ValidatorEmitter
{
    private readonly Dictionary<string, ObjectTypeModel> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumTypeModel> _enums = new(StringComparer.Ordinal);
    private readonly List<CodeWriter> _matchers = new();
    private readonly List<string> _fields = new();
    private readonly Dictionary<string, string> _patternFields = new(StringComparer.Ordinal);
    private readonly string _typeName;
    private readonly int _indent;
    private HashSet<string> _locals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matcherNames = new(StringComparer.Ordinal);
    private int _matcherCount;

    private enum Mode
    {
        Collect,
        Test,
    }

    private readonly string _qualifier;
    private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);

    // qualifier: the spec class, fully qualified with a trailing dot, for enum references a property name shadows.
    public ValidatorEmitter(SpecTypes types, string typeName, int indent, string qualifier)
    {
        _qualifier = qualifier;
        foreach (var type in types.Objects)
        {
            _objects[type.Name] = type;
        }

        foreach (var type in types.Enums)
        {
            _enums[type.Name] = type;
        }

        _typeName = typeName;
        _indent = indent;
    }

    /// <summary>Writes <c>ValidateInto</c>, then the matcher methods and pattern fields it needed.</summary>
    public void EmitValidateInto(ObjectTypeModel type, CodeWriter writer)
    {
        foreach (var property in type.Properties)
        {
            _memberNames.Add(property.Name);
            _matcherNames.Add(property.Name);
        }

        _matcherNames.Add(type.Name);

        writer.Line("/// <inheritdoc />");
        writer.OpenBlock("public void ValidateInto(ref ValidationCollector collector)");
        var body = new CodeWriter(writer.Indent);
        _locals = new HashSet<string>(StringComparer.Ordinal) { "collector" };
        foreach (var property in type.Properties)
        {
            PrimaryProperty(property, body);
        }

        // Required names the schema never defines cannot be present in the record: ObjectRules reports them unconditionally.
        var undefined = new List<string>();
        foreach (var name in type.Schema.Required)
        {
            if (Find(type, name) is null)
            {
                undefined.Add(name);
            }
        }

        var objectRules = type.Schema with { Properties = EquatableArray<NamedSchema>.Empty, Required = EquatableArray.From(undefined) };
        ObjectRules(objectRules, "this", type, Mode.Collect, "value", string.Empty, body);
        writer.Append(body);
        writer.Close();

        foreach (var matcher in _matchers)
        {
            writer.Line();
            writer.Append(matcher);
        }

        if (_fields.Count > 0)
        {
            writer.Line();
            foreach (var field in _fields)
            {
                writer.Line(field);
            }
        }
    }

    private void PrimaryProperty(PropertyModel property, CodeWriter w)
    {
        var alwaysSet = property.Required && property.Type.IsValueType;
        var local = alwaysSet ? property.Name : NewLocal(CodeWriter.Camel(property.Name));
        var checks = new CodeWriter(alwaysSet ? w.Indent : w.Indent + 1);
        ValueRules(property.Schema, local, property.Type, Mode.Collect, property.JsonName, string.Empty, primary: true, checks);

        if (alwaysSet)
        {
            if (!checks.IsEmpty)
            {
                w.Line("collector.Enter(" + CodeWriter.Literal(property.JsonName) + ");");
                w.Append(Dedent(checks, w.Indent));
                w.Line("collector.Exit();");
            }

            return;
        }

        if (checks.IsEmpty && !property.Required)
        {
            _locals.Remove(local);
            return;
        }

        if (checks.IsEmpty)
        {
            _locals.Remove(local);
            w.OpenBlock("if (" + property.Name + " is null)");
            w.Line("collector.Add(" + CodeWriter.Literal(property.JsonName) + ", \"required\", " + CodeWriter.Literal(SchemaKeywords.Required(property.JsonName)) + ");");
            w.Close();
            return;
        }

        w.OpenBlock("if (" + property.Name + " is { } " + local + ")");
        w.Line("collector.Enter(" + CodeWriter.Literal(property.JsonName) + ");");
        w.Append(checks);
        w.Line("collector.Exit();");
        w.Close();
        if (property.Required)
        {
            w.OpenBlock("else");
            w.Line("collector.Add(" + CodeWriter.Literal(property.JsonName) + ", \"required\", " + CodeWriter.Literal(SchemaKeywords.Required(property.JsonName)) + ");");
            w.Close();
        }
    }

    // Rules of one schema applied to a present (non-null) value of a known C# type.
    private void ValueRules(SchemaModel s, string expr, TypeRef type, Mode mode, string subject, string condition, bool primary, CodeWriter w)
    {
        if (s.BooleanSchema == false)
        {
            Fail(w, mode, null, "false", subject + " is not allowed" + condition);
            return;
        }

        if (s.BooleanSchema == true)
        {
            return;
        }

        if (type.Kind == TypeKind.Object && _objects.TryGetValue(type.Name!, out var objectType))
        {
            if (primary)
            {
                w.Line(expr + ".ValidateInto(ref collector);");
            }
            else
            {
                ObjectRules(s, expr, objectType, mode, subject, condition, w);
            }

            return;
        }

        if (!TypeRule(s, expr, type, mode, subject, condition, w))
        {
            return;
        }

        EnumRules(s, expr, type, mode, subject, condition, primary, w);
        switch (type.Kind)
        {
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                NumberRules(s, expr, type, mode, subject, condition, w);
                break;
            case TypeKind.String:
                StringRules(s, expr, mode, subject, condition, w);
                break;
            case TypeKind.Array:
                ArrayRules(s, expr, type, mode, subject, condition, primary, w);
                break;
            case TypeKind.JsonElement:
                UntypedRules(s, expr, mode, subject, condition, w);
                break;
        }

        Combinators(s, expr, type, null, mode, subject, condition, w);
    }

    // Rules of a schema applied to a generated record: required, properties, and the combinators.
    private void ObjectRules(SchemaModel s, string expr, ObjectTypeModel type, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (s.BooleanSchema == false)
        {
            Fail(w, mode, null, "false", subject + " is not allowed" + condition);
            return;
        }

        if (s.Types != SchemaTypes.Any && (s.Types & SchemaTypes.Object) == 0)
        {
            Fail(w, mode, null, "type", subject + " must be " + Describe(s.Types) + condition);
            return;
        }

        var prefix = expr == "this" ? string.Empty : expr + ".";
        foreach (var name in s.Required)
        {
            var property = Find(type, name);
            if (property is null)
            {
                Fail(w, mode, name, "required", SchemaKeywords.Required(name) + condition);
            }
            else if (!(property.Required && property.Type.IsValueType))
            {
                w.OpenBlock("if (" + prefix + property.Name + " is null)");
                Fail(w, mode, name, "required", SchemaKeywords.Required(name) + condition);
                w.Close();
            }
        }

        foreach (var entry in s.Properties)
        {
            var property = Find(type, entry.Name);
            if (property is null)
            {
                continue; // An absent member satisfies its subschema.
            }

            var access = prefix + property.Name;
            var alwaysSet = property.Required && property.Type.IsValueType;
            var local = alwaysSet ? access : NewLocal(CodeWriter.Camel(property.Name));
            var checks = new CodeWriter(alwaysSet ? w.Indent : w.Indent + 1);
            ValueRules(entry.Schema, local, property.Type, mode, entry.Name, condition, primary: false, checks);
            if (checks.IsEmpty)
            {
                _locals.Remove(local);
                continue;
            }

            if (!alwaysSet)
            {
                w.OpenBlock("if (" + access + " is { } " + local + ")");
            }

            if (mode == Mode.Collect)
            {
                w.Line("collector.Enter(" + CodeWriter.Literal(entry.Name) + ");");
            }

            w.Append(checks);
            if (mode == Mode.Collect)
            {
                w.Line("collector.Exit();");
            }

            if (!alwaysSet)
            {
                w.Close();
            }
        }

        Combinators(s, expr, null, type, mode, subject, condition, w);
    }

    private void Combinators(SchemaModel s, string expr, TypeRef? valueType, ObjectTypeModel? objectType, Mode mode, string subject, string condition, CodeWriter w)
    {
        foreach (var part in s.AllOf)
        {
            Apply(part, expr, valueType, objectType, mode, subject, condition, w);
        }

        if (!s.AnyOf.IsEmpty)
        {
            var tests = new List<string>();
            foreach (var part in s.AnyOf)
            {
                tests.Add("!" + Matcher(part, valueType, objectType) + "(" + ValueExpr(expr) + ")");
            }

            w.OpenBlock("if (" + string.Join(" && ", tests) + ")");
            Fail(w, mode, null, "anyOf", subject + " must match at least one of the schemas in anyOf" + condition);
            w.Close();
        }

        if (!s.OneOf.IsEmpty)
        {
            var tests = new List<string>();
            foreach (var part in s.OneOf)
            {
                tests.Add("(" + Matcher(part, valueType, objectType) + "(" + ValueExpr(expr) + ") ? 1 : 0)");
            }

            w.OpenBlock("if (" + string.Join(" + ", tests) + " != 1)");
            Fail(w, mode, null, "oneOf", subject + " must match exactly one of the schemas in oneOf" + condition);
            w.Close();
        }

        if (s.Not is { } not)
        {
            // "not": {"required": ["interval"]} reads as "interval must not be set".
            if (objectType is not null && IsOnlyRequired(not) && Find(objectType, not.Required[0]) is { } forbidden)
            {
                var prefix = expr == "this" ? string.Empty : expr + ".";
                var message = not.Required[0] + " must not be set" + condition;
                if (forbidden.Required && forbidden.Type.IsValueType)
                {
                    Fail(w, mode, not.Required[0], "not", message);
                }
                else
                {
                    w.OpenBlock("if (" + prefix + forbidden.Name + " is not null)");
                    Fail(w, mode, not.Required[0], "not", message);
                    w.Close();
                }
            }
            else
            {
                w.OpenBlock("if (" + Matcher(not, valueType, objectType) + "(" + ValueExpr(expr) + "))");
                Fail(w, mode, null, "not", subject + " must not match the schema in not" + condition);
                w.Close();
            }
        }

        if (s.If is { } condition0 && (s.Then is not null || s.Else is not null))
        {
            var (whenTrue, whenFalse) = Conditions(condition0);
            var thenWriter = new CodeWriter(w.Indent + 1);
            var elseWriter = new CodeWriter(w.Indent + 1);
            if (s.Then is { } then)
            {
                Apply(then, expr, valueType, objectType, mode, subject, whenTrue, thenWriter);
            }

            if (s.Else is { } otherwise)
            {
                Apply(otherwise, expr, valueType, objectType, mode, subject, whenFalse, elseWriter);
            }

            if (thenWriter.IsEmpty && elseWriter.IsEmpty)
            {
                return;
            }

            var test = Matcher(condition0, valueType, objectType, ConditionName(condition0)) + "(" + ValueExpr(expr) + ")";
            if (thenWriter.IsEmpty)
            {
                w.OpenBlock("if (!" + test + ")");
                w.Append(elseWriter);
                w.Close();
                return;
            }

            w.OpenBlock("if (" + test + ")");
            w.Append(thenWriter);
            w.Close();
            if (!elseWriter.IsEmpty)
            {
                w.OpenBlock("else");
                w.Append(elseWriter);
                w.Close();
            }
        }
    }

    private void Apply(SchemaModel s, string expr, TypeRef? valueType, ObjectTypeModel? objectType, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (objectType is not null)
        {
            ObjectRules(s, expr, objectType, mode, subject, condition, w);
        }
        else
        {
            ValueRules(s, expr, valueType!, mode, subject, condition, primary: false, w);
        }
    }

    // Emits (once per schema) "private static bool MatchesN(T value)" and returns its name.
    private string Matcher(SchemaModel s, TypeRef? valueType, ObjectTypeModel? objectType, string? hint = null)
    {
        string name;
        if (hint is null)
        {
            do
            {
                name = "Matches" + (++_matcherCount).ToString(CultureInfo.InvariantCulture);
            }
            while (!_matcherNames.Add(name));
        }
        else
        {
            name = hint;
            for (var i = 2; !_matcherNames.Add(name); i++)
            {
                name = hint + i.ToString(CultureInfo.InvariantCulture);
            }
        }

        var parameterType = objectType?.Name ?? valueType!.ToCSharp();
        var savedLocals = _locals;
        _locals = new HashSet<string>(StringComparer.Ordinal) { "value" };
        var writer = new CodeWriter(_indent);
        writer.OpenBlock("private static bool " + name + "(" + parameterType + " value)");
        Apply(s, "value", valueType, objectType, Mode.Test, "value", string.Empty, writer);
        writer.Line("return true;");
        writer.Close();

        // A schema can fail unconditionally (a false schema, a required member the record lacks); say so instead of warning CS0162.
        if (HasUnreachableCode(writer.ToString()))
        {
            var wrapped = new CodeWriter(_indent);
            wrapped.Line("#pragma warning disable CS0162 // Unreachable: this schema never matches.");
            wrapped.Append(writer);
            wrapped.Line("#pragma warning restore CS0162");
            writer = wrapped;
        }

        _matchers.Add(writer);
        _locals = savedLocals;
        return name;
    }

    private static string ValueExpr(string expr) => expr;

    // Code after an unconditional "return false;" is unreachable: the next non-blank line is not the block's closing brace.
    private static bool HasUnreachableCode(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "return false;")
            {
                continue;
            }

            var next = i + 1;
            while (next < lines.Length && lines[next].Trim().Length == 0)
            {
                next++;
            }

            if (next < lines.Length && lines[next].Trim() != "}")
            {
                return true;
            }
        }

        return false;
    }

    private bool TypeRule(SchemaModel s, string expr, TypeRef type, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (s.Types == SchemaTypes.Any)
        {
            return true;
        }

        var message = subject + " must be " + Describe(s.Types) + condition;
        var allowed = s.Types;
        switch (type.Kind)
        {
            case TypeKind.JsonElement:
                var kinds = new List<string>();
                if ((allowed & SchemaTypes.Null) != 0) kinds.Add("JsonValueKind.Null");
                if ((allowed & SchemaTypes.Boolean) != 0) kinds.Add("JsonValueKind.True or JsonValueKind.False");
                if ((allowed & SchemaTypes.Number) != 0) kinds.Add("JsonValueKind.Number");
                if ((allowed & SchemaTypes.String) != 0) kinds.Add("JsonValueKind.String");
                if ((allowed & SchemaTypes.Array) != 0) kinds.Add("JsonValueKind.Array");
                if ((allowed & SchemaTypes.Object) != 0) kinds.Add("JsonValueKind.Object");
                var wrongKind = kinds.Count == 0 ? "true" : expr + ".ValueKind is not (" + string.Join(" or ", kinds) + ")";
                if ((allowed & SchemaTypes.Number) == 0 && (allowed & SchemaTypes.Integer) != 0)
                {
                    // "integer" without "number": a JSON number counts only without a fraction (30.0 does).
                    wrongKind = "(" + wrongKind + ") && !SchemaChecks.IsInteger(" + expr + ")";
                }

                w.OpenBlock("if (" + wrongKind + ")");
                Fail(w, mode, null, "type", message);
                w.Close();
                return true;
            case TypeKind.Double when (allowed & SchemaTypes.Number) == 0 && (allowed & SchemaTypes.Integer) != 0:
                w.OpenBlock("if (" + expr + " % 1 != 0)");
                Fail(w, mode, null, "type", message);
                w.Close();
                return true;
        }

        if ((allowed & Compatible(type.Kind)) != 0)
        {
            return true;
        }

        Fail(w, mode, null, "type", message);
        return false;
    }

    private static SchemaTypes Compatible(TypeKind kind) => kind switch
    {
        TypeKind.String or TypeKind.Enum => SchemaTypes.String,
        TypeKind.Int32 or TypeKind.Int64 => SchemaTypes.Integer | SchemaTypes.Number,
        TypeKind.Double => SchemaTypes.Number,
        TypeKind.Boolean => SchemaTypes.Boolean,
        TypeKind.Array => SchemaTypes.Array,
        TypeKind.Object => SchemaTypes.Object,
        _ => (SchemaTypes)0x7F,
    };

    private void EnumRules(SchemaModel s, string expr, TypeRef type, Mode mode, string subject, string condition, bool primary, CodeWriter w)
    {
        if (type.Kind == TypeKind.Enum && primary && _enums.TryGetValue(type.Name!, out var enumType))
        {
            // The C# enum holds exactly the allowed values; only a cast like (Frequency)42 can break the rule.
            var members = new List<string>();
            foreach (var member in enumType.Members)
            {
                members.Add(EnumName(enumType.Name) + "." + member.Name);
            }

            w.OpenBlock("if (" + expr + " is not (" + string.Join(" or ", members) + "))");
            Fail(w, mode, null, "enum", SchemaKeywords.Enum(subject, JoinValues(enumType.Members)));
            w.Close();
            if (s.Const is not null)
            {
                var constant = new EquatableArray<string>(new[] { s.Const });
                ValueSet(constant, expr, type, mode, "const", subject + " must be " + Display(constant) + condition, w);
            }

            return;
        }

        if (!s.Enum.IsEmpty)
        {
            ValueSet(s.Enum, expr, type, mode, "enum", SchemaKeywords.Enum(subject, Display(s.Enum)) + condition, w);
        }

        if (s.Const is not null)
        {
            var values = new EquatableArray<string>(new[] { s.Const });
            ValueSet(values, expr, type, mode, "const", subject + " must be " + Display(values) + condition, w);
        }
    }

    // "value must be one of these JSON literals" for a C# value; literals of another JSON type can never match.
    private void ValueSet(EquatableArray<string> literals, string expr, TypeRef type, Mode mode, string keyword, string message, CodeWriter w)
    {
        if (type.Kind == TypeKind.JsonElement)
        {
            // An untyped member compares as JSON (1 equals 1.0), like the build-time evaluator.
            Check(w, mode, "!SchemaChecks.IsOneOf(" + expr + ", " + CodeWriter.Literal("[" + string.Join(",", literals) + "]") + ")", keyword, message);
            return;
        }

        var values = new List<string>();
        foreach (var literal in literals)
        {
            var value = CSharpValue(literal, type, out var comparable);
            if (!comparable)
            {
                return; // An object or array value: the keyword is not checked.
            }

            if (value is not null)
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            Fail(w, mode, null, keyword, message);
            return;
        }

        var tests = new List<string>();
        foreach (var value in values)
        {
            tests.Add(expr + " != " + value);
        }

        w.OpenBlock("if (" + string.Join(" && ", tests) + ")");
        Fail(w, mode, null, keyword, message);
        w.Close();
    }

    // The C# constant equal to a JSON literal for this type; null when no value of the type can equal it.
    private string? CSharpValue(string literal, TypeRef type, out bool comparable)
    {
        comparable = true;
        switch (type.Kind)
        {
            case TypeKind.String:
                return literal.StartsWith("\"", StringComparison.Ordinal) ? CodeWriter.Literal(Unquote(literal)) : null;
            case TypeKind.Enum:
                if (!literal.StartsWith("\"", StringComparison.Ordinal) || !_enums.TryGetValue(type.Name!, out var enumType))
                {
                    return null;
                }

                var text = Unquote(literal);
                foreach (var member in enumType.Members)
                {
                    if (member.Value == text)
                    {
                        return EnumName(enumType.Name) + "." + member.Name;
                    }
                }

                return null;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                // 1e309 reads as infinity: no int, long or finite double equals it.
                return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number)
                    && (type.Kind == TypeKind.Double || !double.IsInfinity(number))
                    ? Number(number, type)
                    : null;
            case TypeKind.Boolean:
                return literal is "true" or "false" ? literal : null;
            default:
                comparable = false;
                return null;
        }
    }

    private static void NumberRules(SchemaModel s, string expr, TypeRef type, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (s.Minimum is { } minimum)
        {
            Bound(w, mode, expr, " < ", minimum, type, lowerBound: true, "minimum", SchemaKeywords.Minimum(subject, minimum) + condition);
        }

        if (s.ExclusiveMinimum is { } exclusiveMinimum)
        {
            Bound(w, mode, expr, " <= ", exclusiveMinimum, type, lowerBound: true, "exclusiveMinimum", SchemaKeywords.ExclusiveMinimum(subject, exclusiveMinimum) + condition);
        }

        if (s.Maximum is { } maximum)
        {
            Bound(w, mode, expr, " > ", maximum, type, lowerBound: false, "maximum", SchemaKeywords.Maximum(subject, maximum) + condition);
        }

        if (s.ExclusiveMaximum is { } exclusiveMaximum)
        {
            Bound(w, mode, expr, " >= ", exclusiveMaximum, type, lowerBound: false, "exclusiveMaximum", SchemaKeywords.ExclusiveMaximum(subject, exclusiveMaximum) + condition);
        }

        if (s.MultipleOf is { } multipleOf)
        {
            MultipleOf(w, mode, expr, multipleOf, "multipleOf", SchemaKeywords.MultipleOf(subject, multipleOf) + condition);
        }
    }

    // A bound outside the C# type's range is decided here: it either always holds (no check) or never does (CS0652 otherwise).
    private static void Bound(CodeWriter w, Mode mode, string expr, string op, double bound, TypeRef type, bool lowerBound, string keyword, string message)
    {
        var (min, max) = type.Kind switch
        {
            TypeKind.Int32 => ((double)int.MinValue, (double)int.MaxValue),
            TypeKind.Int64 => ((double)long.MinValue, (double)long.MaxValue),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };

        if (bound > max || bound < min)
        {
            if (lowerBound == bound > max)
            {
                Fail(w, mode, null, keyword, message);
            }

            return;
        }

        Check(w, mode, expr + op + Number(bound, type), keyword, message);
    }

    // The divisor is decided here (JsonSchemaValues.Divisor, which the build-time evaluator uses too): a C# decimal literal
    // outside decimal's range does not compile (CS0594).
    private static void MultipleOf(CodeWriter w, Mode mode, string expr, string text, string keyword, string message)
    {
        switch (AepFlow.Validation.JsonSchemaValues.Divisor(text, out var divisor))
        {
            case AepFlow.Validation.JsonSchemaValues.DivisorKind.TooLarge:
                Check(w, mode, expr + " != 0", keyword, message);
                break;
            case AepFlow.Validation.JsonSchemaValues.DivisorKind.Decimal:
                Check(w, mode, "!SchemaChecks.IsMultipleOf(" + expr + ", " + divisor.ToString(CultureInfo.InvariantCulture) + "m)", keyword, message);
                break;
        }
    }

    private void StringRules(SchemaModel s, string expr, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (s.MinLength is { } minLength && minLength > 0)
        {
            var test = minLength == 1 ? expr + ".Length == 0" : "SchemaChecks.Length(" + expr + ") < " + minLength.ToString(CultureInfo.InvariantCulture);
            var message = SchemaKeywords.MinLength(subject, minLength);
            Check(w, mode, test, "minLength", message + condition);
        }

        if (s.MaxLength is { } maxLength)
        {
            Check(w, mode, "SchemaChecks.Length(" + expr + ") > " + maxLength.ToString(CultureInfo.InvariantCulture), "maxLength",
                SchemaKeywords.MaxLength(subject, maxLength) + condition);
        }

        if (s.Pattern is { } pattern)
        {
            Check(w, mode, "!SchemaChecks.IsMatch(" + PatternField(pattern) + ", " + expr + ")", "pattern", SchemaKeywords.Pattern(subject, pattern) + condition);
        }

        if (s.Format is { } format && AepFlow.Validation.JsonSchemaFormats.IsChecked(format))
        {
            Check(w, mode, "!SchemaChecks.IsFormat(" + expr + ", " + CodeWriter.Literal(format) + ")", "format", subject + " must be a valid " + format + condition);
        }
    }

    // An untyped member (JsonElement): the string, number and array rules apply to the JSON value it turns out to hold,
    // as JSON Schema applies them (and as the build-time evaluator does).
    private void UntypedRules(SchemaModel s, string expr, Mode mode, string subject, string condition, CodeWriter w)
    {
        var text = NewLocal("text");
        var textRules = new CodeWriter(w.Indent + 1);
        StringRules(s, text, mode, subject, condition, textRules);
        Guarded(w, textRules, expr + ".ValueKind == JsonValueKind.String && " + expr + ".GetString() is { } " + text, text);

        var number = NewLocal("number");
        var numberRules = new CodeWriter(w.Indent + 1);
        NumberRules(s, number, TypeRef.Double, mode, subject, condition, numberRules);
        Guarded(w, numberRules, expr + ".ValueKind == JsonValueKind.Number && " + expr + ".TryGetDouble(out var " + number + ")", number);

        var arrayRules = new CodeWriter(w.Indent + 1);
        CountRules(s, expr, expr + ".GetArrayLength()", mode, subject, condition, arrayRules);
        ContainsRule(s, expr + ".EnumerateArray()", TypeRef.JsonElement, mode, subject, condition, arrayRules);
        Guarded(w, arrayRules, expr + ".ValueKind == JsonValueKind.Array", null);

        // An object schema without "properties" is untyped too; its required members are looked up in the JSON.
        var objectRules = new CodeWriter(w.Indent + 1);
        foreach (var name in s.Required)
        {
            objectRules.OpenBlock("if (!" + expr + ".TryGetProperty(" + CodeWriter.Literal(name) + ", out _))");
            Fail(objectRules, mode, name, "required", SchemaKeywords.Required(name) + condition);
            objectRules.Close();
        }

        Guarded(w, objectRules, expr + ".ValueKind == JsonValueKind.Object", null);
    }

    private void Guarded(CodeWriter w, CodeWriter rules, string guard, string? local)
    {
        if (rules.IsEmpty)
        {
            if (local is not null)
            {
                _locals.Remove(local);
            }

            return;
        }

        w.OpenBlock("if (" + guard + ")");
        w.Append(rules);
        w.Close();
    }

    // minItems, maxItems and uniqueItems of a list (count: its Count) or an untyped JSON array (count: GetArrayLength()).
    private static void CountRules(SchemaModel s, string expr, string count, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (s.MinItems is { } minItems && minItems > 0)
        {
            Check(w, mode, count + " < " + minItems.ToString(CultureInfo.InvariantCulture), "minItems", SchemaKeywords.MinItems(subject, minItems) + condition);
        }

        if (s.MaxItems is { } maxItems)
        {
            Check(w, mode, count + " > " + maxItems.ToString(CultureInfo.InvariantCulture), "maxItems", SchemaKeywords.MaxItems(subject, maxItems) + condition);
        }

        if (s.UniqueItems)
        {
            Check(w, mode, "!SchemaChecks.AreUnique(" + expr + ")", "uniqueItems", subject + " must not contain duplicate items" + condition);
        }
    }

    // "contains": at least one item matches the subschema (tested through a matcher, so nothing is reported for the others).
    private void ContainsRule(SchemaModel s, string items, TypeRef element, Mode mode, string subject, string condition, CodeWriter w)
    {
        if (s.Contains is not { } contains)
        {
            return;
        }

        var record = element.Kind == TypeKind.Object && _objects.TryGetValue(element.Name!, out var objectType) ? objectType : null;
        var matcher = record is null ? Matcher(contains, element, null) : Matcher(contains, null, record);
        var found = NewLocal("found");
        var item = NewLocal("item");
        w.Line("var " + found + " = false;");
        w.OpenBlock("foreach (var " + item + " in " + items + ")");
        w.OpenBlock("if (" + (element.IsValueType ? string.Empty : item + " is not null && ") + matcher + "(" + item + "))");
        w.Line(found + " = true;");
        w.Line("break;");
        w.Close();
        w.Close();
        Check(w, mode, "!" + found, "contains", SchemaKeywords.Contains(subject) + condition);
    }

    private void ArrayRules(SchemaModel s, string expr, TypeRef type, Mode mode, string subject, string condition, bool primary, CodeWriter w)
    {
        CountRules(s, expr, expr + ".Count", mode, subject, condition, w);
        ContainsRule(s, expr, type.Element!, mode, subject, condition, w);

        var element = type.Element!;
        var index = NewLocal("i");
        var item = NewLocal("item");
        var itemChecks = new CodeWriter(w.Indent + 1 + (element.IsValueType ? 0 : 1));
        var isRecord = element.Kind == TypeKind.Object && _objects.ContainsKey(element.Name!);
        if (s.Items is { } items)
        {
            ValueRules(items, item, element, mode, subject + " items", condition, primary, itemChecks);
        }
        else if (primary && isRecord)
        {
            itemChecks.Line(item + ".ValidateInto(ref collector);");
        }

        // In a matcher, an item schema that always fails means "no items allowed"; a loop would leave its increment unreachable.
        var baseIndent = new string(' ', itemChecks.Indent * 4);
        if (mode == Mode.Test && ("\n" + itemChecks).Contains("\n" + baseIndent + "return false;\n"))
        {
            _locals.Remove(index);
            _locals.Remove(item);
            Check(w, mode, expr + ".Count > 0", "items", subject + " must be empty");
            return;
        }

        var checkNulls = !element.IsValueType && (s.Items is not null || primary);
        if (itemChecks.IsEmpty && !checkNulls)
        {
            _locals.Remove(index);
            _locals.Remove(item);
            return;
        }

        w.OpenBlock("for (var " + index + " = 0; " + index + " < " + expr + ".Count; " + index + "++)");
        if (mode == Mode.Collect)
        {
            w.Line("collector.Enter(" + index + ");");
        }

        if (element.IsValueType)
        {
            w.Line("var " + item + " = " + expr + "[" + index + "];");
            w.Append(Dedent(itemChecks, w.Indent));
        }
        else
        {
            w.OpenBlock("if (" + expr + "[" + index + "] is not { } " + item + ")");
            Fail(w, mode, null, "type", subject + " items must not be null");
            w.Close();
            if (!itemChecks.IsEmpty)
            {
                w.OpenBlock("else");
                w.Append(Dedent(itemChecks, w.Indent));
                w.Close();
            }
        }

        if (mode == Mode.Collect)
        {
            w.Line("collector.Exit();");
        }

        w.Close();
    }

    private string PatternField(string pattern)
    {
        if (_patternFields.TryGetValue(pattern, out var existing))
        {
            return existing;
        }

        var name = "s_pattern" + (_patternFields.Count + 1).ToString(CultureInfo.InvariantCulture);
        _patternFields[pattern] = name;
        var options = "global::System.Text.RegularExpressions.RegexOptions." + SchemaKeywords.PatternOptions;
        _fields.Add("private static readonly global::System.Text.RegularExpressions.Regex " + name + " = new(" + CodeWriter.Literal(pattern) + ", " + options + ", global::System.TimeSpan.FromSeconds(1));");
        return name;
    }

    private static void Check(CodeWriter w, Mode mode, string failure, string keyword, string message)
    {
        w.OpenBlock("if (" + failure + ")");
        Fail(w, mode, null, keyword, message);
        w.Close();
    }

    private static void Fail(CodeWriter w, Mode mode, string? member, string keyword, string message)
    {
        if (mode == Mode.Test)
        {
            w.Line("return false;");
        }
        else if (member is null)
        {
            w.Line("collector.Add(" + CodeWriter.Literal(keyword) + ", " + CodeWriter.Literal(message) + ");");
        }
        else
        {
            w.Line("collector.Add(" + CodeWriter.Literal(member) + ", " + CodeWriter.Literal(keyword) + ", " + CodeWriter.Literal(message) + ");");
        }
    }

    // The condition an if/then/else branch applies under, in words: " when frequency is minute" / " when frequency is not minute".
    private static (string WhenTrue, string WhenFalse) Conditions(SchemaModel condition)
    {
        if (condition.Properties.Count == 1 && condition.AllOf.IsEmpty && condition.AnyOf.IsEmpty && condition.OneOf.IsEmpty && condition.If is null && condition.Not is null)
        {
            var entry = condition.Properties[0];
            if (entry.Schema.Const is { } constant)
            {
                var shown = Display(new EquatableArray<string>(new[] { constant }));
                return (" when " + entry.Name + " is " + shown, " when " + entry.Name + " is not " + shown);
            }

            if (!entry.Schema.Enum.IsEmpty)
            {
                var shown = Display(entry.Schema.Enum);
                return (" when " + entry.Name + " is one of " + shown, " when " + entry.Name + " is not one of " + shown);
            }
        }

        return (" (the schema's if condition holds)", " (the schema's if condition does not hold)");
    }

    // "WhenFrequencyIsOnce" for an if of the form {"properties": {"frequency": {"const": "once"}}}; null otherwise.
    private static string? ConditionName(SchemaModel condition)
    {
        if (condition.Properties.Count == 1 && condition.Properties[0].Schema.Const is { } constant && condition.AllOf.IsEmpty
            && condition.AnyOf.IsEmpty && condition.OneOf.IsEmpty && condition.If is null && condition.Not is null)
        {
            var value = constant.StartsWith("\"", StringComparison.Ordinal) ? Unquote(constant) : constant;
            var name = "When" + Naming.ToPascalCase(condition.Properties[0].Name) + "Is" + Naming.ToPascalCase(value).TrimStart('@', '_');
            return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) ? name : null;
        }

        return null;
    }

    private static bool IsOnlyRequired(SchemaModel s) =>
        s.Required.Count == 1 && s.Properties.IsEmpty && s.Types == SchemaTypes.Any && s.If is null && s.Not is null
        && s.AllOf.IsEmpty && s.AnyOf.IsEmpty && s.OneOf.IsEmpty && s.BooleanSchema is null;

    private static PropertyModel? Find(ObjectTypeModel type, string jsonName)
    {
        foreach (var property in type.Properties)
        {
            if (property.JsonName == jsonName)
            {
                return property;
            }
        }

        return null;
    }

    // Inside a record with a property "Frequency Frequency" the name means the property when its type is Frequency?,
    // so enum constants are qualified whenever a property shares the enum's name.
    private string EnumName(string name) => _memberNames.Contains(name) ? _qualifier + name : name;

    private string NewLocal(string name)
    {
        var candidate = name;
        for (var i = 2; _locals.Contains(candidate) || candidate == _typeName; i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        _locals.Add(candidate);
        return candidate;
    }

    private static CodeWriter Dedent(CodeWriter source, int indent)
    {
        // Writers are created at their final indent; this only exists for readability at call sites.
        _ = indent;
        return source;
    }

    private static string Number(double value, TypeRef type)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return double.IsNaN(value) ? "double.NaN" : value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 9e15)
        {
            var integer = ((long)value).ToString(CultureInfo.InvariantCulture);
            return type.Kind == TypeKind.Int32 && (value > int.MaxValue || value < int.MinValue) ? integer + "L" : integer;
        }

        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    private static string Unquote(string literal)
    {
        // Literals are compact JSON strings written by CompactJson; undo its escapes.
        var builder = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var ch = literal[i];
            if (ch == '\\' && i + 1 < literal.Length - 1)
            {
                var next = literal[++i];
                switch (next)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        builder.Append((char)int.Parse(literal.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: builder.Append(next); break;
                }
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    private static string Display(EquatableArray<string> literals)
    {
        var parts = new List<string>();
        foreach (var literal in literals)
        {
            parts.Add(literal.StartsWith("\"", StringComparison.Ordinal) ? Unquote(literal) : literal);
        }

        return string.Join(", ", parts);
    }

    private static string JoinValues(EquatableArray<EnumMemberModel> members)
    {
        var parts = new List<string>();
        foreach (var member in members)
        {
            parts.Add(member.Value);
        }

        return string.Join(", ", parts);
    }

    private static string Describe(SchemaTypes types)
    {
        var names = new List<string>();
        if ((types & SchemaTypes.Object) != 0) names.Add("an object");
        if ((types & SchemaTypes.Array) != 0) names.Add("an array");
        if ((types & SchemaTypes.String) != 0) names.Add("a string");
        if ((types & SchemaTypes.Integer) != 0) names.Add("an integer");
        if ((types & SchemaTypes.Number) != 0) names.Add("a number");
        if ((types & SchemaTypes.Boolean) != 0) names.Add("a boolean");
        if ((types & SchemaTypes.Null) != 0) names.Add("null");
        return string.Join(" or ", names);
    }
}
