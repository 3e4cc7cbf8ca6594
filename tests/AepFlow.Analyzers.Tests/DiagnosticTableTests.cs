using System.Reflection;
using System.Text.RegularExpressions;
using AepFlow.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// The descriptor table (src/AepFlow.Generator/Diagnostics/DiagnosticDescriptors.cs) against what the house rules ask of every
/// diagnostic: found by reflection over the shipped assemblies, so an ID added anywhere is checked without touching this file.
/// </summary>
public class DiagnosticTableTests
{
    private static readonly Assembly GeneratorAssembly = typeof(AepFlow.Generator.Analyzers.DeclarativeFileAnalyzer).Assembly;
    private static readonly Assembly CodeFixesAssembly = typeof(UseSchemaBoundCodeFix).Assembly;

    /// <summary>Every static DiagnosticDescriptor field or property declared anywhere in the generator assembly.</summary>
    private static readonly IReadOnlyList<(Type Owner, string Member, DiagnosticDescriptor Descriptor)> Declared = FindDeclared();

    private static readonly Lazy<DocsFile> Docs = new(() => DocsFile.Read(Path.Combine(Harness.RepoRoot, "docs", "diagnostics.md")));

    private static readonly Lazy<IReadOnlyDictionary<string, (string Category, string Severity)>> Tracked = new(() =>
        ReleaseTracking.Read(
            Path.Combine(Harness.RepoRoot, "src", "AepFlow.Generator", "AnalyzerReleases.Shipped.md"),
            Path.Combine(Harness.RepoRoot, "src", "AepFlow.Generator", "AnalyzerReleases.Unshipped.md")));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Declared.Select(d => d.Descriptor.Id).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => Declared.First(d => d.Descriptor.Id == id).Descriptor;

    [Fact]
    public void Every_descriptor_lives_in_the_one_table()
    {
        Assert.NotEmpty(Declared);
        var owners = Declared.Select(d => d.Owner.FullName).Distinct().ToList();
        Assert.Equal(["AepFlow.Generator.Diagnostics.DiagnosticDescriptors"], owners);
    }

    [Fact]
    public void Ids_are_unique()
    {
        var duplicates = Declared.GroupBy(d => d.Descriptor.Id).Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(d => d.Member))).ToList();
        Assert.True(duplicates.Count == 0, "IDs declared more than once:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void Analyzers_report_only_descriptors_of_the_table()
    {
        var table = Declared.Select(d => d.Descriptor).ToHashSet(ReferenceEqualityComparer.Instance);
        var analyzers = AepFlowTest.AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToList();
        Assert.NotEmpty(analyzers);
        foreach (var analyzer in analyzers)
        {
            foreach (var supported in analyzer.SupportedDiagnostics)
            {
                Assert.True(table.Contains(supported), $"{analyzer.GetType().Name} supports {supported.Id}, which is not the table's descriptor");
            }
        }
    }

    [Fact]
    public void Code_fixes_fix_only_ids_of_the_table()
    {
        var ids = Declared.Select(d => d.Descriptor.Id).ToHashSet();
        var providers = CodeFixesAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.NotEmpty(providers);
        foreach (var provider in providers)
        {
            Assert.NotEmpty(provider.FixableDiagnosticIds);
            foreach (var id in provider.FixableDiagnosticIds)
            {
                Assert.True(ids.Contains(id), $"{provider.GetType().Name} fixes {id}, which the descriptor table does not declare");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_is_complete(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Matches("^AEPF[0-9]{3}$", descriptor.Id);
        Assert.True(descriptor.IsEnabledByDefault, id + " is disabled by default");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), id + " has no title");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()), id + " has no message");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), id + " has no description");
        Assert.StartsWith("AepFlow.", descriptor.Category);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_at_the_ids_section_of_docs_diagnostics(string id)
    {
        var descriptor = Descriptor(id);
        string expected = RepositoryUrl() + "/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();
        Assert.Equal(expected, descriptor.HelpLinkUri);
        string anchor = descriptor.HelpLinkUri.Substring(descriptor.HelpLinkUri.IndexOf('#') + 1);
        Assert.True(Docs.Value.Anchors.Contains(anchor), $"docs/diagnostics.md has no heading with anchor #{anchor}");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Docs_give_an_example_and_the_fix(string id)
    {
        Assert.True(Docs.Value.Sections.TryGetValue(id, out var section), $"docs/diagnostics.md has no '## {id}' section");
        var descriptor = Descriptor(id);
        string severity = descriptor.DefaultSeverity.ToString();
        Assert.True(section.Contains("— " + severity, StringComparison.Ordinal), $"the {id} section does not give its severity (— {severity})");
        Assert.True(section.Contains("```", StringComparison.Ordinal) || section.Contains("Message:", StringComparison.Ordinal),
            $"the {id} section has no example (a code block or 'Message:')");
        Assert.True(Regex.IsMatch(section, @"^Fix(es)?\b.*:", RegexOptions.Multiline), $"the {id} section has no 'Fix:' paragraph");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Docs_index_lists_the_id_with_its_severity_and_title(string id)
    {
        var descriptor = Descriptor(id);
        string row = $"| [{id}](#{id.ToLowerInvariant()}) | {descriptor.DefaultSeverity} | {descriptor.Title} |";
        Assert.True(Docs.Value.Text.Contains(row, StringComparison.Ordinal), "the index of docs/diagnostics.md lacks the row\n" + row);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_is_release_tracked_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        Assert.True(Tracked.Value.TryGetValue(id, out var entry), $"{id} is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
        Assert.Equal(descriptor.Category, entry.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry.Severity);
    }

    /// <summary>
    /// A guard against an ID nobody tests, not proof of a good test: some test file under tests/ must name the ID (or its
    /// descriptor), the way an expected diagnostic, its markup or an assertion about it does.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_is_named_by_a_test(string id)
    {
        string member = Declared.First(d => d.Descriptor.Id == id).Member;
        var named = TestSources.Value.Where(f => f.Text.Contains('"' + id + '"', StringComparison.Ordinal)
            || f.Text.Contains("{|" + id + ":", StringComparison.Ordinal)
            || f.Text.Contains("DiagnosticDescriptors." + member, StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(named.Count > 0, $"no test under tests/ names {id} (or DiagnosticDescriptors.{member})");
    }

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> TestSources = new(() =>
        Directory.EnumerateFiles(Path.Combine(Harness.RepoRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != nameof(DiagnosticTableTests) + ".cs")
            .Select(f => (f, File.ReadAllText(f)))
            .ToList());

    [Fact]
    public void Docs_and_release_files_name_no_id_the_table_lacks()
    {
        var ids = Declared.Select(d => d.Descriptor.Id).ToHashSet();
        Assert.DoesNotContain(Docs.Value.Sections.Keys, k => k.StartsWith("AEPF", StringComparison.Ordinal) && !ids.Contains(k));
        Assert.DoesNotContain(Tracked.Value.Keys, k => !ids.Contains(k));
    }

    [Fact]
    public void Release_tracking_parser_applies_changed_and_removed_rules()
    {
        string dir = Directory.CreateTempSubdirectory("aepflow-releases").FullName;
        try
        {
            string shipped = Path.Combine(dir, "Shipped.md");
            string unshipped = Path.Combine(dir, "Unshipped.md");
            File.WriteAllText(shipped, """
                ## Release 1.0

                ### New Rules

                Rule ID | Category | Severity | Notes
                --------|----------|----------|-------
                X001 | A | Warning | first
                X002 | A | Error | second
                """);
            File.WriteAllText(unshipped, """
                ### Removed Rules

                Rule ID | Category | Severity | Notes
                --------|----------|----------|-------
                X002 | A | Error | gone

                ### Changed Rules

                Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
                --------|--------------|--------------|--------------|--------------|-------
                X001 | B | Error | A | Warning | stricter
                """);
            var tracked = ReleaseTracking.Read(shipped, unshipped);
            Assert.Equal(("B", "Error"), Assert.Contains("X001", tracked));
            Assert.DoesNotContain("X002", tracked.Keys);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Docs_anchors_follow_github_heading_slugs()
    {
        Assert.Equal("aepf001", DocsFile.Slug("AEPF001"));
        Assert.Equal("compile-time-checks-aepf010aepf024", DocsFile.Slug("Compile-time checks (AEPF010–AEPF024)"));
    }

    private static string RepositoryUrl()
    {
        var props = File.ReadAllText(Path.Combine(Harness.RepoRoot, "Directory.Build.props"));
        var match = Regex.Match(props, @"<RepositoryUrl[^>]*>([^<]+)</RepositoryUrl>");
        Assert.True(match.Success, "Directory.Build.props sets no RepositoryUrl");
        return match.Groups[1].Value.TrimEnd('/');
    }

    private static List<(Type, string, DiagnosticDescriptor)> FindDeclared()
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var found = new List<(Type, string, DiagnosticDescriptor)>();
        foreach (var type in GeneratorAssembly.GetTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
            {
                found.Add((type, field.Name, (DiagnosticDescriptor)field.GetValue(null)!));
            }

            foreach (var property in type.GetProperties(Static).Where(p => p.PropertyType == typeof(DiagnosticDescriptor) && p.GetIndexParameters().Length == 0))
            {
                found.Add((type, property.Name, (DiagnosticDescriptor)property.GetValue(null)!));
            }
        }

        return found;
    }

    /// <summary>docs/diagnostics.md split at its <c>##</c> headings, with the anchors GitHub gives them.</summary>
    private sealed record DocsFile(string Text, IReadOnlyDictionary<string, string> Sections, IReadOnlySet<string> Anchors)
    {
        public static DocsFile Read(string path)
        {
            var sections = new Dictionary<string, string>(StringComparer.Ordinal);
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            string? heading = null;
            var body = new System.Text.StringBuilder();
            bool inCode = false;
            foreach (var line in File.ReadLines(path).Append("## "))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                }

                var match = inCode ? Match.Empty : Regex.Match(line, "^(#{1,6}) (.*)$");
                if (!match.Success)
                {
                    body.AppendLine(line);
                    continue;
                }

                if (heading != null && match.Groups[1].Value.Length <= 2)
                {
                    Assert.True(sections.TryAdd(heading, body.ToString()), $"docs/diagnostics.md has two '## {heading}' sections");
                    heading = null;
                }

                string text = match.Groups[2].Value.Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                // GitHub suffixes repeated slugs with -1, -2, ...
                string slug = Slug(text), unique = slug;
                for (int n = 1; !anchors.Add(unique); n++)
                {
                    unique = slug + "-" + n;
                }

                if (match.Groups[1].Value.Length == 2)
                {
                    heading = text;
                    body.Clear();
                }
                else if (heading != null)
                {
                    body.AppendLine(line);
                }
            }

            return new DocsFile(File.ReadAllText(path), sections, anchors);
        }

        /// <summary>GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped, spaces to '-'.</summary>
        public static string Slug(string heading) =>
            new string(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-');
    }

    /// <summary>
    /// The release-tracking files of Microsoft.CodeAnalysis.Analyzers (RS2000–RS2008): New, Removed and Changed rule tables,
    /// applied in order (Shipped releases, then Unshipped), giving each tracked ID's current category and severity.
    /// </summary>
    private static class ReleaseTracking
    {
        public static IReadOnlyDictionary<string, (string Category, string Severity)> Read(params string[] files)
        {
            var state = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                string? table = null;
                foreach (var raw in File.ReadLines(file))
                {
                    string line = raw.Trim();
                    if (line.StartsWith("### ", StringComparison.Ordinal))
                    {
                        table = line.Substring(4).Trim();
                        continue;
                    }

                    if (line.StartsWith("##", StringComparison.Ordinal) || line.StartsWith(';') || !line.Contains('|') ||
                        line.StartsWith("Rule ID", StringComparison.Ordinal) || line.StartsWith("--", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    switch (table)
                    {
                        case "New Rules":
                            Assert.True(state.TryAdd(cells[0], (cells[1], cells[2])), $"{Path.GetFileName(file)} adds {cells[0]} twice");
                            break;
                        case "Removed Rules":
                            Assert.True(state.Remove(cells[0]), $"{Path.GetFileName(file)} removes {cells[0]}, which no release added");
                            break;
                        case "Changed Rules":
                            Assert.True(state.ContainsKey(cells[0]), $"{Path.GetFileName(file)} changes {cells[0]}, which no release added");
                            state[cells[0]] = (cells[1], cells[2]);
                            break;
                        default:
                            Assert.Fail($"{Path.GetFileName(file)}: rule row outside a New/Removed/Changed Rules table: {line}");
                            break;
                    }
                }
            }

            return state;
        }
    }
}
