using AepFlow.Generator.Specs;

namespace AepFlow.Generator.Tests.Output;

/// <summary>
/// The bundled-spec index is computed when the generator is built (the digest tool, <c>--spec-index</c>) so a consumer's
/// build parses no spec JSON for the usage scan; it must be exactly what reading the embedded specs gives at run time.
/// </summary>
public sealed class BundledSpecIndexTests
{
    [Fact]
    public void The_embedded_index_equals_reading_the_embedded_specs()
    {
        var index = BundledSpecs.EmbeddedIndex();
        Assert.NotNull(index); // the generator's build embeds it; without it every build parses the specs again

        var expected = BundledSpecs.Sources.Select(source => (source.Path, BundledSpecIndex.Read(source.Text, source.Kind))).ToList();
        Assert.Equal(expected.Select(e => e.Path), index!.Select(f => f.ResourceName));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Item2, index[i].Entries);
        }

        // Every bundled spec is in it (28 specs, both kinds), with the class name the generator gives it.
        var entries = index.SelectMany(f => f.Entries).ToList();
        Assert.Contains(entries, e => e.Kind == SpecKind.FlowSpec && e.ClassName == "CrmToAep");
        Assert.Contains(entries, e => e.Kind == SpecKind.ConnectionSpec && e.ClassName == "Salesforce");
        Assert.Equal(BundledSpecs.Set.FlowSpecs.Count + BundledSpecs.Set.ConnectionSpecs.Count, entries.Count);
    }

    [Fact]
    public void The_index_text_reads_back_what_was_written()
    {
        var files = new List<IndexedFile>
        {
            new("AepFlow.Specs.flowspecs.a.json", [new BundledSpecEntry(SpecKind.FlowSpec, "id-1", "CRM to AEP", "CrmToAep")]),
            new("AepFlow.Specs.connectionspecs.b.json", []),
            new("AepFlow.Specs.connectionspecs.c.json",
                [new BundledSpecEntry(SpecKind.ConnectionSpec, "id-2", "s3", "S3"), new BundledSpecEntry(SpecKind.ConnectionSpec, "id-3", "class", "@class")]),
        };

        var read = BundledSpecIndex.Parse(BundledSpecIndex.Write(files));

        Assert.NotNull(read);
        Assert.Equal(files.Select(f => f.ResourceName), read!.Select(f => f.ResourceName));
        Assert.Equal(files.SelectMany(f => f.Entries), read.SelectMany(f => f.Entries));
    }

    [Theory]
    [InlineData("not an index")]
    [InlineData("AepFlow.Specs.flowspecs.a.json\tX\tid\tname\tName")]
    [InlineData("AepFlow.Specs.flowspecs.a.json\tF\tid")]
    public void Text_that_is_not_an_index_reads_as_none(string text) => Assert.Null(BundledSpecIndex.Parse(text));

    [Fact]
    public void A_name_with_a_tab_cannot_be_written()
    {
        var file = new IndexedFile("AepFlow.Specs.flowspecs.a.json", [new BundledSpecEntry(SpecKind.FlowSpec, "id", "a\tb", "AB")]);

        Assert.Throws<ArgumentException>(() => BundledSpecIndex.Write([file]));
    }
}
