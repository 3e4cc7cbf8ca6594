using AepFlow.Generator.Analyzers;
using static AepFlow.Analyzers.Tests.AepFlowTest;

namespace AepFlow.Analyzers.Tests;

/// <summary>
/// AEPF013/014 on flow requests. The request types are written here the way the generator shapes them (an IFlowRequest
/// nested in a class with <c>const string Id</c>), so the tests do not depend on the generator core's output.
/// </summary>
public class FlowCompositionTests
{
    private const string Types = """
        using System.Collections.Generic;
        using System.Text.Json;
        using AepFlow.Validation;

        namespace Specs
        {
            public abstract record RequestBase : IFlowRequest
            {
                public required IReadOnlyList<string> SourceConnectionIds { get; init; }
                public required IReadOnlyList<string> TargetConnectionIds { get; init; }
                public abstract string FlowSpecId { get; }
                public string FlowSpecVersion => "1.0";
                public ValidationResult Validate() => ValidationResult.Valid;
                public void ValidateInto(ref ValidationCollector collector) { }
                public void WriteJson(Utf8JsonWriter writer) { }
            }

            public static class CloudStorageToAep
            {
                public const string Id = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";
                public sealed record MappingParams { public string? MappingId { get; init; } }
                public sealed record CreateFlowRequest : RequestBase
                {
                    public override string FlowSpecId => Id;
                    public MappingParams? Mapping { get; init; }
                }
            }

            public static class CrmToAep
            {
                public const string Id = "14518937-270c-4525-bdec-c2ba7cce3860";
                public sealed record CopyParams { public string? Column { get; init; } }
                public sealed record CreateFlowRequest : RequestBase
                {
                    public override string FlowSpecId => Id;
                    public CopyParams? Copy { get; init; }
                }
            }
        }

        namespace AepFlow.ConnectionSpecs
        {
            public static class Salesforce { public const string Id = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"; }
            public static class AmazonS3 { public const string Id = "ecadc60c-7455-4d87-84dc-2a0e293d997b"; }
            public static class DataLake { public const string Id = "c604ff05-7f1a-43c0-8e18-33bf874cb11c"; }
        }

        public sealed record Connection(string Id);

        public static class Api
        {
            public static System.Threading.Tasks.Task<Connection> CreateSourceConnectionAsync(string connectionSpecId, string baseConnectionId) =>
                System.Threading.Tasks.Task.FromResult(new Connection("x"));
        }
        """;

    private static AnalyzerTest<FlowCompositionAnalyzer> Test(string code) => new() { TestState = { Sources = { Types, code } } };

    [Fact]
    public Task Salesforce_source_under_CloudStorageToAEP_is_AEPF013_on_the_connection_id()
    {
        var test = Test("""
            using Specs;
            using AepFlow.ConnectionSpecs;
            static class Use
            {
                static async System.Threading.Tasks.Task<object> M(string baseId, string targetId)
                {
                    var source = await Api.CreateSourceConnectionAsync(Salesforce.Id, baseId);
                    return new CloudStorageToAep.CreateFlowRequest { SourceConnectionIds = [{|#0:source.Id|}], TargetConnectionIds = [targetId] };
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic("AEPF013").WithLocation(0).WithMessage(
            "source connection source.Id comes from connection spec salesforce (cfc0fee1-7dc0-40ef-b73e-d8b134c436f5), which flowSpec CloudStorageToAEP does not list as a source: use a flowSpec that lists it, such as CRMToAEP"));
        return test.RunAsync();
    }

    [Fact]
    public Task Accepted_specs_and_untraceable_ids_produce_nothing() => Test("""
        using Specs;
        using AepFlow.ConnectionSpecs;
        static class Use
        {
            static async System.Threading.Tasks.Task<object> M(string baseId, string someId)
            {
                var s3 = await Api.CreateSourceConnectionAsync(AmazonS3.Id, baseId);
                string target = (await Api.CreateSourceConnectionAsync(DataLake.Id, baseId)).Id;
                return new CloudStorageToAep.CreateFlowRequest { SourceConnectionIds = [s3.Id, someId], TargetConnectionIds = new[] { target } };
            }
        }
        """).RunAsync();

    [Fact]
    public Task Target_from_a_source_spec_is_reported_through_a_list_initializer()
    {
        var test = Test("""
            using Specs;
            static class Use
            {
                const string SpecId = "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5";
                static async System.Threading.Tasks.Task<object> M(string baseId, string sourceId)
                {
                    var wrong = await Api.CreateSourceConnectionAsync(SpecId, baseId);
                    return new CloudStorageToAep.CreateFlowRequest { SourceConnectionIds = [sourceId], TargetConnectionIds = new System.Collections.Generic.List<string> { {|#0:wrong.Id|} } };
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic("AEPF013").WithLocation(0).WithMessage(
            "target connection wrong.Id comes from connection spec salesforce (cfc0fee1-7dc0-40ef-b73e-d8b134c436f5), which flowSpec CloudStorageToAEP does not list as a target: no known flowSpec accepts it as a target; connect a target whose spec CloudStorageToAEP lists"));
        return test.RunAsync();
    }

    [Fact]
    public Task CRMToAEP_request_without_Copy_is_AEPF014_on_the_type()
    {
        var test = Test("""
            using Specs;
            static class Use
            {
                static object A() => new {|#0:CrmToAep.CreateFlowRequest|} { SourceConnectionIds = ["a"], TargetConnectionIds = ["b"] };
                static object B() => new CrmToAep.CreateFlowRequest { SourceConnectionIds = ["a"], TargetConnectionIds = ["b"], Copy = new() { Column = "c" } };
                static object C() => new CloudStorageToAep.CreateFlowRequest { SourceConnectionIds = ["a"], TargetConnectionIds = ["b"] };
                static object D(CrmToAep.CreateFlowRequest r) => r with { Copy = null };
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic("AEPF014").WithLocation(0).WithMessage(
            "flowSpec CRMToAEP requires the Copy transformation (its params require deltaColumn): set Copy = new CrmToAep.CopyParams { … }"));
        return test.RunAsync();
    }

    [Fact]
    public Task User_flowSpec_file_changes_what_is_required_and_accepted()
    {
        const string userSpec = """
            { "items": [ { "id": "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "name": "MyCloudStorage", "version": "1.0",
              "sourceConnectionSpecIds": ["cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"], "targetConnectionSpecIds": [],
              "transformationSpecs": [ { "name": "Mapping", "spec": { "type": "object", "required": ["mappingId"] } } ] } ] }
            """;
        var test = Test("""
            using Specs;
            using AepFlow.ConnectionSpecs;
            static class Use
            {
                static async System.Threading.Tasks.Task<object> M(string baseId)
                {
                    var source = await Api.CreateSourceConnectionAsync(Salesforce.Id, baseId);
                    return new {|#0:CloudStorageToAep.CreateFlowRequest|} { SourceConnectionIds = [source.Id], TargetConnectionIds = ["t"] };
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/p/mine.flowspec.json", userSpec));
        test.ExpectedDiagnostics.Add(Diagnostic("AEPF014").WithLocation(0).WithMessage(
            "flowSpec MyCloudStorage requires the Mapping transformation (its params require mappingId): set Mapping = new CloudStorageToAep.MappingParams { … }"));
        return test.RunAsync();
    }
}
