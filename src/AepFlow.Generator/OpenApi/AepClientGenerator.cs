using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Model;
using AepFlow.Generator.OpenApi.Digest;
using AepFlow.Generator.OpenApi.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.OpenApi;

/// <summary>
/// Emits the client operations (<c>AepFlow.Operations.*Operations</c>) and their DTOs (<c>AepFlow.Models.*</c>).
/// The bundled services come from the digest embedded at the generator's build time and are emitted only when
/// <c>AepFlowGenerateClient</c> is true (the AepFlow.Client assembly); a user's own <c>*.openapi.json|yaml</c>
/// AdditionalFile is read with NSwag at compile time and emitted into that user's compilation.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AepClientGenerator : IIncrementalGenerator
{
    private readonly Func<(ApiDigest? Digest, string? Error)> _bundled;

    /// <summary>Creates the generator over the digest embedded in this assembly.</summary>
    public AepClientGenerator()
        : this(static () => (BundledOpenApiDigest.Digest, BundledOpenApiDigest.Error))
    {
    }

    // Tests substitute the bundled digest (a missing or broken one gives AEPF092).
    internal AepClientGenerator(Func<(ApiDigest? Digest, string? Error)> bundled) => _bundled = bundled;

    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        /// <summary>Whether the compilation asked for the bundled client operations.</summary>
        public const string Enabled = "AepClient.Enabled";

        /// <summary>One user OpenAPI document after NSwag.</summary>
        public const string UserDocuments = "AepClient.UserDocuments";

        /// <summary>Whether the compilation can see AepFlow.Client (the generated code builds on it).</summary>
        public const string ClientReferenced = "AepClient.ClientReferenced";

        /// <summary>One service to emit.</summary>
        public const string Services = "AepClient.Services";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Classes only between steps, Combine over classes (PipelineValues.cs says why).
        var enabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => Flag.Of(
                options.GlobalOptions.TryGetValue("build_property.AepFlowGenerateClient", out var value)
                && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
            .WithTrackingName(Steps.Enabled);

        var userDocuments = context.AdditionalTextsProvider
            .Where(static file => UserOpenApiDocuments.IsOpenApiFile(file.Path))
            .Select(static (file, cancellationToken) => UserOpenApiDocuments.Read(file.Path, file.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(Steps.UserDocuments);

        context.RegisterSourceOutput(userDocuments, static (spc, document) =>
        {
            foreach (var problem in document.Problems)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidOpenApiDocument, Locate(document.Path, problem), System.IO.Path.GetFileName(document.Path), problem.Message));
            }
        });

        var documents = userDocuments.Collect();

        // Only a bool leaves the compilation, so edits elsewhere leave the later steps cached. Without a user document the
        // answer is not needed and the compilation's symbols are not touched.
        var clientReferenced = context.CompilationProvider
            .Combine(documents)
            .Select(static (input, _) => Flag.Of(!input.Right.IsEmpty && input.Left.GetTypeByMetadataName("AepFlow.Http.AepRequest") is not null))
            .WithTrackingName(Steps.ClientReferenced);

        var resolved = enabled
            .Combine(clientReferenced)
            .Select(static (input, _) => new Switches(input.Left.Value, input.Right.Value))
            .Combine(documents)
            .Select((input, _) => Resolve(input.Left.Enabled ? _bundled() : null, input.Right, input.Left.ClientReferenced));

        context.RegisterSourceOutput(resolved, static (spc, result) =>
        {
            foreach (var message in result.Messages)
            {
                spc.ReportDiagnostic(message.ToDiagnostic());
            }

            if (result.Services.Count > 0)
            {
                spc.AddSource(SupportEmitter.HintName, SourceText.From(SupportEmitter.Source, Encoding.UTF8));
            }
        });

        var services = resolved
            .SelectMany(static (result, _) => result.Services)
            .WithTrackingName(Steps.Services);

        context.RegisterSourceOutput(services, static (spc, service) =>
        {
            spc.AddSource($"AepFlow.Operations.{service.Name}.g.cs", SourceText.From(OperationsEmitter.Emit(service), Encoding.UTF8));
            if (service.Schemas.Count > 0)
            {
                spc.AddSource($"AepFlow.Models.{service.Name}.g.cs", SourceText.From(DtoModels.Emit(service), Encoding.UTF8));
            }
        });
    }

    // bundled: null when the compilation did not ask for the client operations.
    private static Resolution Resolve((ApiDigest? Digest, string? Error)? bundled, ImmutableArray<UserDocument> documents, bool clientReferenced)
    {
        var services = new List<ServiceDigest>();
        var messages = new List<Message>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (bundled is { } source)
        {
            if (source.Digest is { } digest)
            {
                foreach (var service in digest.Services)
                {
                    owners[service.Name] = "(bundled) " + service.Source;
                    services.Add(service);
                }
            }
            else
            {
                messages.Add(new Message(DiagnosticDescriptors.BundledOpenApiDigestMissing.Id, null, 0, 0, source.Error ?? "unknown error"));
            }
        }

        foreach (var document in documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (document.Service is not { } service)
            {
                continue;
            }

            if (!clientReferenced)
            {
                messages.Add(new Message(DiagnosticDescriptors.OpenApiClientNotReferenced.Id, document.Path, 1, 1, System.IO.Path.GetFileName(document.Path)));
                continue;
            }

            if (owners.TryGetValue(service.Name, out var owner))
            {
                messages.Add(new Message(DiagnosticDescriptors.DuplicateOpenApiService.Id, document.Path, 1, 1, service.Name, System.IO.Path.GetFileName(document.Path), owner));
                continue;
            }

            owners[service.Name] = document.Path;
            services.Add(service);
        }

        return new Resolution(new EquatableArray<ServiceDigest>(services), new EquatableArray<Message>(messages));
    }

    private static Location Locate(string path, DigestProblem problem)
    {
        var position = new LinePosition(Math.Max(0, problem.Line - 1), Math.Max(0, problem.Column - 1));
        return Location.Create(path, default, new LinePositionSpan(position, position));
    }

    private sealed record Switches(bool Enabled, bool ClientReferenced);

    private sealed record Resolution(EquatableArray<ServiceDigest> Services, EquatableArray<Message> Messages);

    // A diagnostic as plain values, so the pipeline step stays value-equal.
    private sealed record Message(string Id, string? Path, int Line, int Column, params string[] Arguments)
    {
        public bool Equals(Message? other) =>
            other is not null && Id == other.Id && Path == other.Path && Line == other.Line && Column == other.Column
            && Arguments.SequenceEqual(other.Arguments);

        public override int GetHashCode() => (Id, Path, Line, Column, string.Join("\u0001", Arguments)).GetHashCode();

        public Diagnostic ToDiagnostic()
        {
            var descriptor = Id switch
            {
                "AEPF091" => DiagnosticDescriptors.DuplicateOpenApiService,
                "AEPF093" => DiagnosticDescriptors.OpenApiClientNotReferenced,
                _ => DiagnosticDescriptors.BundledOpenApiDigestMissing,
            };
            var location = Path is null ? Location.None : Locate(Path, new DigestProblem(string.Empty, Line, Column));
            return Diagnostic.Create(descriptor, location, Arguments);
        }
    }
}
