namespace AepFlow.Generator.Tests.Semantics;

/// <summary>One member schema and the instances (valid, invalid, on and just across each boundary) tried against it.</summary>
internal sealed record KeywordCase(string Schema, params string[] Instances);

/// <summary>
/// The instances of <see cref="KeywordAgreementTests"/>: every keyword the generated validators enforce
/// (<c>SchemaKeywords.Enforced</c>) and every format <c>JsonSchemaFormats</c> checks, each with values on both sides of
/// the rule; plus the keywords they do not enforce, where the build-time evaluator must answer "unknown".
/// Instances are JSON texts; strings keep their quotes.
/// </summary>
internal static class KeywordCases
{
    public static readonly KeywordCase[] All =
    [
        // ---- type ----
        new("""{"type":"string"}""", "\"a\"", "\"\"", "1", "null", "true", "[]", "{}"),
        new("""{"type":"integer"}""", "1", "-3", "0", "1.0", "1.5", "1e2", "\"1\"", "null", "true", "9007199254740993", "-9223372036854775808"),
        new("""{"type":"number"}""", "1.5", "1", "-0", "1e-7", "\"1.5\"", "true", "null", "[]"),
        new("""{"type":"boolean"}""", "true", "false", "0", "\"true\"", "null"),
        new("""{"type":"array","items":{"type":"string"}}""", "[]", "[\"a\"]", "[1]", "[\"a\",null]", "\"a\"", "null", "{}"),
        new("""{"type":"object"}""", "{}", "{\"a\":1}", "[]", "1", "null"),
        new("""{"type":["string","null"]}""", "null", "\"a\"", "1", "false"),
        new("""{"type":["integer","null"],"minimum":2}""", "null", "2", "1", "\"2\""),
        new("""{"type":"null"}""", "null", "0", "\"\""),

        // ---- enum and const ----
        new("""{"type":"string","enum":["a","b"]}""", "\"a\"", "\"b\"", "\"c\"", "\"A\"", "\"\"", "1", "null"),
        new("""{"type":"integer","enum":[1,2]}""", "1", "2", "3", "1.0", "2.5", "\"1\""),
        new("""{"type":"number","enum":[1.5,2]}""", "1.5", "2", "2.0", "1.50", "1.4"),
        new("""{"enum":["a",1,null,true]}""", "\"a\"", "1", "1.0", "null", "true", "false", "\"1\"", "[]"),
        new("""{"type":"string","const":"x"}""", "\"x\"", "\"y\"", "\"X\"", "\"\""),
        new("""{"type":"integer","const":3}""", "3", "3.0", "4", "-3"),
        new("""{"type":"boolean","const":false}""", "false", "true", "null"),
        new("""{"const":true}""", "true", "false", "1", "\"true\""),

        // ---- numbers ----
        new("""{"type":"integer","minimum":5,"maximum":10}""", "4", "5", "7", "10", "11", "-1", "5.0", "10.0"),
        new("""{"type":"number","minimum":0.5,"maximum":1.5}""", "0.49999", "0.5", "1", "1.5", "1.5000001", "-0.5"),
        new("""{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1}""", "0", "1e-9", "0.5", "0.999999", "1", "-1"),
        new("""{"type":"integer","exclusiveMinimum":5,"exclusiveMaximum":8}""", "5", "6", "7", "8"),
        new("""{"type":"integer","minimum":-2147483649,"maximum":2147483648}""", "-2147483649", "-2147483650", "2147483648", "2147483649", "0"),
        new("""{"type":"integer","multipleOf":5}""", "0", "5", "7", "-10", "10.0", "1000000000000"),
        new("""{"type":"number","multipleOf":0.1}""", "0.3", "0.30000000001", "0.35", "7.1", "1e-10", "-0.2", "100"),
        new("""{"type":"number","multipleOf":0.01}""", "19.99", "0.015", "0", "1e3"),
        new("""{"type":"integer","multipleOf":2.5}""", "5", "2", "10", "-5"),
        new("""{"type":"number","multipleOf":0.0001}""", "0.0003", "0.00035", "12.3456", "12.34567"),

        // ---- strings (length in code points) ----
        new("""{"type":"string","minLength":2,"maxLength":3}""", "\"a\"", "\"ab\"", "\"abc\"", "\"abcd\"", "\"\"", "\"😀😀\"", "\"😀\"", "\"😀😀😀😀\"", "\"e\\u0301\"", "\"\\u00e9\""),
        new("""{"type":"string","minLength":0,"maxLength":0}""", "\"\"", "\"a\"", "\" \""),
        new("""{"type":"string","minLength":1}""", "\"\"", "\"a\"", "\"\\ud83d\\ude00\""),
        new("""{"type":"string","pattern":"^[A-Z]{2}[0-9]{4}$"}""", "\"DE1234\"", "\"de1234\"", "\"DE12345\"", "\"D1234\"", "\"DE1234\\n\""),
        new("""{"type":"string","pattern":"[0-9]"}""", "\"a1b\"", "\"abc\"", "\"\""),
        new("""{"type":"string","pattern":"^\\d+$"}""", "\"123\"", "\"12a\"", "\"\\u0661\\u0662\"", "\"\""),
        new("""{"type":"string","pattern":"^\\w+$"}""", "\"abc_1\"", "\"a-b\"", "\"\\u00e9\""),
        new("""{"type":"string","pattern":"^a$"}""", "\"a\"", "\"a\\n\"", "\"ba\""),
        new("""{"type":"string","pattern":"^\\s$"}""", "\" \"", "\"\\t\"", "\"\\u00a0\"", "\"\\u2028\"", "\"a\""),
        new("""{"type":"string","pattern":"^.$"}""", "\"a\"", "\"\\r\"", "\"\\n\"", "\"\\u2028\"", "\"\\ud83d\\ude00\""),
        new("""{"type":"string","pattern":"^[a-z]+$","minLength":3}""", "\"abc\"", "\"ab\"", "\"ABC\""),

        // ---- formats (every format JsonSchemaFormats checks, and one it does not) ----
        new("""{"type":"string","format":"date-time"}""", "\"2024-01-31T12:00:00Z\"", "\"2024-01-31t12:00:00z\"", "\"2024-01-31 12:00:00Z\"",
            "\"2024-01-31T12:00:00\"", "\"2024-01-31T12:00:00.123+05:30\"", "\"2024-02-30T00:00:00Z\"", "\"2024-01-31T24:00:00Z\"",
            "\"2024-01-31T12:60:00Z\"", "\"2024-01-31T12:00:00+24:00\"", "\"2024-1-31T12:00:00Z\"", "\"\""),
        new("""{"type":"string","format":"date"}""", "\"2024-02-29\"", "\"2023-02-29\"", "\"2024-13-01\"", "\"2024-1-01\"", "\"2024-01-31\"",
            "\"2024-04-31\"", "\"0000-01-01\"", "\"2024-01-31T00:00:00Z\"", "\"\""),
        new("""{"type":"string","format":"time"}""", "\"12:00:00Z\"", "\"12:00:00\"", "\"12:00:00+01:00\"", "\"12:00:00.5-02:30\"", "\"12:00Z\"",
            "\"24:00:00Z\"", "\"12:00:00+1:00\""),
        new("""{"type":"string","format":"email"}""", "\"a@example.com\"", "\"a@localhost\"", "\"a b@example.com\"", "\"@example.com\"",
            "\"a@\"", "\"a@@example.com\"", "\"first.last@example.co.uk\"", "\"a@-example.com\""),
        new("""{"type":"string","format":"idn-email"}""", "\"a@example.com\"", "\"no-at-sign\""),
        new("""{"type":"string","format":"hostname"}""", "\"example.com\"", "\"localhost\"", "\"-bad.example\"", "\"bad-.example\"",
            "\"ex_ample.com\"", "\"a..b\"", "\"xn--bcher-kva.example\"", "\"\""),
        new("""{"type":"string","format":"idn-hostname"}""", "\"example.com\"", "\"-bad.example\""),
        new("""{"type":"string","format":"ipv4"}""", "\"192.168.0.1\"", "\"0.0.0.0\"", "\"255.255.255.255\"", "\"256.1.1.1\"",
            "\"192.168.001.1\"", "\"1.2.3\"", "\"1.2.3.4.5\"", "\"a.b.c.d\""),
        new("""{"type":"string","format":"ipv6"}""", "\"::1\"", "\"2001:db8::1\"", "\"1::2::3\"", "\"::ffff:192.168.0.1\"",
            "\"2001:db8:0:0:0:0:0:1\"", "\"12345::1\"", "\"192.168.0.1\""),
        new("""{"type":"string","format":"uri"}""", "\"https://example.com/a?b=c#d\"", "\"mailto:a@example.com\"", "\"urn:isbn:0451450523\"",
            "\"/relative/path\"", "\"example.com\""),
        new("""{"type":"string","format":"iri"}""", "\"https://example.com/a\"", "\"relative\""),
        new("""{"type":"string","format":"uri-reference"}""", "\"/relative\"", "\"https://example.com\"", "\"#fragment\"", "\"\""),
        new("""{"type":"string","format":"iri-reference"}""", "\"a/b\"", "\"https://example.com\""),
        new("""{"type":"string","format":"uuid"}""", "\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"", "\"3FA85F64-5717-4562-B3FC-2C963F66AFA6\"",
            "\"3fa85f645717-4562-b3fc-2c963f66afa6\"", "\"{3fa85f64-5717-4562-b3fc-2c963f66afa6}\"", "\"3fa85f6457174562b3fc2c963f66afa6\"",
            "\"3fa85f64-5717-4562-b3fc-2c963f66afag\""),
        new("""{"type":"string","format":"regex"}""", "\"^a+$\"", "\"[\"", "\"(a|b)*\"", "\"(\""),
        new("""{"type":"string","format":"json-pointer"}""", "\"\"", "\"/a\"", "\"/a~1b\"", "\"/a~0\"", "\"a/b\"", "\"/a~2\"", "\"/\""),
        new("""{"type":"string","format":"password"}""", "\"anything\"", "\"\""),
        new("""{"format":"date"}""", "\"2024-01-31\"", "\"2024-02-31\"", "5", "null"),

        // ---- untyped members (JsonElement): every rule applies to the JSON value they hold ----
        new("""{"minimum":3,"multipleOf":1.5}""", "3", "4.5", "2", "4", "\"2\"", "null"),
        new("""{"minLength":2,"pattern":"^a"}""", "\"ab\"", "\"a\"", "\"ba\"", "1"),
        new("""{"type":["string","integer"],"minLength":2,"maximum":5}""", "\"ab\"", "\"a\"", "5", "6", "1.5", "null"),
        new("""{"maxItems":1,"uniqueItems":true}""", "[]", "[1]", "[1,2]", "\"x\""),

        // ---- arrays ----
        new("""{"type":"array","items":{"type":"integer","minimum":0},"minItems":1,"maxItems":3,"uniqueItems":true}""",
            "[]", "[1]", "[1,2,3]", "[1,2,3,4]", "[1,1]", "[-1]", "[1,\"a\"]", "[1,1.0]", "[0,null]"),
        new("""{"type":"array","items":{"type":"string"},"uniqueItems":true}""", "[\"a\",\"a\"]", "[\"a\",\"A\"]", "[]"),
        new("""{"type":"array","items":{"type":"number"},"uniqueItems":true}""", "[1,1.0]", "[1,1.5]", "[0,-0]"),
        new("""{"type":"array","items":{"type":"boolean"},"uniqueItems":false}""", "[true,true]", "[]"),
        new("""{"type":"array","items":{"type":"object","properties":{"a":{"type":"integer"}}},"uniqueItems":true}""",
            "[{\"a\":1},{\"a\":1}]", "[{\"a\":1},{\"a\":2}]", "[{},{}]", "[{\"a\":1,\"x\":2},{\"a\":1}]", "[{\"a\":1},{\"a\":1.0}]"),
        new("""{"type":"array","items":{"type":"array","items":{"type":"integer"},"maxItems":1},"uniqueItems":true}""",
            "[[1],[2]]", "[[1],[1]]", "[[1,2]]", "[[]]", "[[],[]]"),
        new("""{"type":"array","uniqueItems":true}""", "[1,1]", "[1,\"1\"]", "[{\"a\":1},{\"a\":1}]", "[]"),
        new("""{"type":"array","items":{"type":"string","enum":["x","y"]},"maxItems":2}""", "[\"x\",\"y\"]", "[\"x\",\"z\"]", "[\"x\",\"y\",\"x\"]"),
        new("""{"type":"array","minItems":2}""", "[1]", "[1,\"a\"]", "[]"),

        // ---- contains: at least one item matches (typed items, JSON items, records, untyped members) ----
        new("""{"type":"array","items":{"type":"integer"},"contains":{"minimum":5}}""", "[1,5]", "[1,2]", "[]", "[7]", "[4,4,6]"),
        new("""{"type":"array","items":{"type":"string"},"contains":{"const":"x"},"minItems":1}""", "[\"a\",\"x\"]", "[\"a\"]", "[]", "[\"X\"]"),
        new("""{"type":"array","contains":{"type":"integer","minimum":2}}""", "[1,2]", "[1,\"2\"]", "[1.5,3.0]", "[]", "[null,{}]", "[2.5]"),
        new("""{"contains":{"type":"string","minLength":2}}""", "[1,\"ab\"]", "[1,\"a\"]", "[]", "\"ab\"", "{}"),
        new("""{"type":"array","items":{"type":"object","properties":{"k":{"type":"string"}}},"contains":{"required":["k"]}}""",
            "[{},{\"k\":\"a\"}]", "[{}]", "[]", "[{\"k\":\"\"}]"),
        new("""{"type":"array","items":{"type":"string","enum":["x","y"]},"contains":{"const":"y"}}""", "[\"x\",\"y\"]", "[\"x\"]"),
        new("""{"type":"array","items":{"type":"number"},"contains":false}""", "[]", "[1]"),

        // ---- objects ----
        new("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer","minimum":1}},"required":["a"]}""",
            "{}", "{\"a\":\"x\"}", "{\"b\":1}", "{\"a\":1}", "{\"a\":\"x\",\"b\":0}", "{\"a\":null}", "{\"a\":\"x\",\"c\":1}", "[]"),
        new("""{"type":"object","required":["z"]}""", "{}", "{\"z\":1}", "{\"y\":1}", "{\"z\":null}"),
        new("""{"type":"object","properties":{"a":{"type":"integer"}},"required":["a","z"]}""", "{}", "{\"a\":1}", "{\"a\":1,\"z\":2}"),
        new("""{"type":"object","properties":{"a":false}}""", "{}", "{\"a\":1}", "{\"b\":1}"),
        new("""{"type":"object","properties":{"a":true}}""", "{}", "{\"a\":[1]}"),
        new("""{"type":"object","properties":{"inner":{"type":"object","properties":{"x":{"type":"integer","maximum":3}},"required":["x"]}}}""",
            "{}", "{\"inner\":{}}", "{\"inner\":{\"x\":3}}", "{\"inner\":{\"x\":4}}", "{\"inner\":null}"),
        new("""{"type":"object","properties":{"list":{"type":"array","items":{"type":"object","properties":{"n":{"type":"string","minLength":2}},"required":["n"]}}}}""",
            "{\"list\":[]}", "{\"list\":[{\"n\":\"ab\"}]}", "{\"list\":[{\"n\":\"a\"}]}", "{\"list\":[{}]}"),

        // ---- applicators on objects ----
        new("""{"type":"object","properties":{"kind":{"type":"string"},"n":{"type":"integer"}},"if":{"properties":{"kind":{"const":"a"}},"required":["kind"]},"then":{"required":["n"]},"else":{"not":{"required":["n"]}}}""",
            "{}", "{\"kind\":\"a\"}", "{\"kind\":\"a\",\"n\":1}", "{\"kind\":\"b\"}", "{\"kind\":\"b\",\"n\":1}", "{\"n\":1}"),
        new("""{"type":"object","properties":{"frequency":{"type":"string","enum":["minute","hour"]},"interval":{"type":"integer"}},"if":{"properties":{"frequency":{"const":"minute"}}},"then":{"properties":{"interval":{"minimum":15}}}}""",
            "{\"frequency\":\"minute\",\"interval\":10}", "{\"frequency\":\"minute\",\"interval\":15}", "{\"frequency\":\"hour\",\"interval\":1}", "{\"interval\":1}"),
        new("""{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"allOf":[{"required":["a"]},{"required":["b"]}]}""",
            "{}", "{\"a\":1}", "{\"a\":1,\"b\":2}"),
        new("""{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"anyOf":[{"required":["a"]},{"required":["b"]}]}""",
            "{}", "{\"a\":1}", "{\"b\":1}", "{\"a\":1,\"b\":2}"),
        new("""{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""",
            "{}", "{\"a\":1}", "{\"b\":1}", "{\"a\":1,\"b\":2}"),
        new("""{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"not":{"required":["a","b"]}}""",
            "{}", "{\"a\":1}", "{\"a\":1,\"b\":2}"),
        new("""{"type":"object","properties":{"a":{"type":"integer"}},"oneOf":[{"properties":{"a":{"minimum":5}}},{"properties":{"a":{"maximum":10}}}]}""",
            "{\"a\":1}", "{\"a\":7}", "{\"a\":20}", "{}"),

        // ---- applicators on single values ----
        new("""{"type":"integer","anyOf":[{"minimum":10},{"maximum":0}]}""", "-1", "0", "5", "10", "11"),
        new("""{"type":"integer","oneOf":[{"multipleOf":3},{"multipleOf":5}]}""", "3", "5", "15", "7"),
        new("""{"type":"integer","allOf":[{"minimum":1},{"maximum":3}]}""", "0", "1", "3", "4"),
        new("""{"type":"string","not":{"const":"x"}}""", "\"x\"", "\"y\""),
        new("""{"type":"integer","if":{"minimum":5},"then":{"multipleOf":5},"else":{"multipleOf":2}}""", "3", "4", "5", "7", "10"),
        new("""{"type":"string","if":{"minLength":3},"then":{"pattern":"^a"}}""", "\"ab\"", "\"abc\"", "\"bcd\""),

        // ---- keywords the generated validators do not check: the evaluator must say "unknown" ----
        new("""{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":false}""", "{\"a\":1}", "{\"a\":1,\"b\":2}"),
        new("""{"type":"object","minProperties":1}""", "{}", "{\"a\":1}"),
        new("""{"type":"object","propertyNames":{"pattern":"^a"}}""", "{\"b\":1}", "{\"a\":1}"),
        new("""{"type":"object","dependentRequired":{"a":["b"]}}""", "{\"a\":1}", "{\"a\":1,\"b\":1}"),
        new("""{"type":"array","contains":{"type":"string"}}""", "[1]", "[\"a\"]"),
        new("""{"type":"array","items":[{"type":"integer"}]}""", "[1]", "[\"a\"]"),
    ];
}
