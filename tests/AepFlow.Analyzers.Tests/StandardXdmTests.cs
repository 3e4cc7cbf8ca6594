using System.Text.Json;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// AepFlow.Xdm.Standard: the bundled profile class and field groups composed as Schema Registry composes them, checked against
/// example records written from the schemas (TestData/xdm-examples; adobe/xdm's own *.example.*.json are not bundled).
/// </summary>
public class StandardXdmTests
{
    private static readonly Lazy<Harness.Generated> Generated = new(() => Harness.Generate(new[]
    {
        """
        public static class Uses
        {
            public const string Email = AepFlow.Xdm.Standard.Profile.PersonalEmail.Address;
            public const string First = AepFlow.Xdm.Standard.Profile.Person.Name.FirstName;
            public const string ProfileClass = AepFlow.Xdm.Standard.Classes.Profile;
            public const string PersonDetails = AepFlow.Xdm.Standard.FieldGroups.ProfilePersonDetails;
            public const string PersonalDetails = AepFlow.Xdm.Standard.FieldGroups.ProfilePersonalDetails;
        }
        """,
    }));

    private static string Const(string name) =>
        (string)Generated.Value.Compilation.GetTypeByMetadataName("Uses")!.GetMembers(name).OfType<IFieldSymbol>().Single().ConstantValue!;

    /// <summary>Every path constant below AepFlow.Xdm.Standard.Profile (leaves and each object's Path).</summary>
    private static HashSet<string> ProfilePaths()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } field && field.Name != "ClassId")
                {
                    paths.Add(value);
                }
                else if (member is INamedTypeSymbol nested)
                {
                    Walk(nested);
                }
            }
        }

        Walk(Generated.Value.Compilation.GetTypeByMetadataName("AepFlow.Xdm.Standard.Profile")!);
        return paths;
    }

    private static IEnumerable<string> LeafPaths(JsonElement element, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new[] { prefix };
        }

        return element.EnumerateObject().SelectMany(p => LeafPaths(p.Value, prefix.Length == 0 ? p.Name : prefix + "." + p.Name));
    }

    private static JsonElement Example(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "xdm-examples", name))).RootElement;

    [Fact]
    public void Ids_and_typed_paths_are_the_documented_constants()
    {
        Assert.Empty(Generated.Value.CompileErrors);
        Assert.Equal("personalEmail.address", Const("Email"));
        Assert.Equal("person.name.firstName", Const("First"));
        Assert.Equal("https://ns.adobe.com/xdm/context/profile", Const("ProfileClass"));
        Assert.Equal("https://ns.adobe.com/xdm/context/profile-person-details", Const("PersonDetails"));
        Assert.Equal("https://ns.adobe.com/xdm/context/profile-personal-details", Const("PersonalDetails"));
    }

    [Theory]
    [InlineData("profile-person-details.example.json")]
    [InlineData("profile-personal-details.example.json")]
    public void Every_field_of_an_example_record_is_a_composed_path(string example)
    {
        var paths = ProfilePaths();
        var missing = LeafPaths(Example(example)).Where(p => !paths.Contains(p)).ToList();

        Assert.True(missing.Count == 0, "Not composed: " + string.Join(", ", missing));
    }

    [Fact]
    public void Composition_follows_refs_allOf_and_namespaces_and_adds_nothing_else()
    {
        var paths = ProfilePaths();

        // $ref into data types (address → geo → GeoCoordinates), behaviours via allOf (record's @id → _id), other namespaces nested.
        Assert.Contains("homeAddress.city", paths);
        Assert.Contains("homeAddress._schema.latitude", paths);
        Assert.Contains("_repo.createDate", paths);
        Assert.Contains("_id", paths);
        Assert.Contains("person.name", paths);

        // Names are compact (no xdm: prefix), the extensible @context (a oneOf) adds no field, and no field is invented.
        Assert.DoesNotContain(paths, p => p.Contains("xdm:") || p.Contains('@'));
        Assert.DoesNotContain("personalEmail.adress", paths);
        Assert.DoesNotContain("person.name.nickname", paths);
        Assert.Equal(new[] { "address", "label", "primary", "status", "statusReason", "type" },
            paths.Where(p => p.StartsWith("personalEmail.", StringComparison.Ordinal)).Select(p => p.Substring(14)).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Standard_file_carries_the_cc_by_attribution()
    {
        var tree = Generated.Value.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Xdm.Standard.g.cs", StringComparison.Ordinal));

        Assert.Contains("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), (c) Adobe", tree.ToString());
    }
}
