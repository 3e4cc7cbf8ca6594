using AepFlow.Generator.Specs;

namespace AepFlow.Generator.Model;

/// <summary>A spec's id and where it is declared, for the duplicate-id check (AEPF004).</summary>
internal sealed record SpecIdentity(SpecKind Kind, string Id, LocationInfo Location);

/// <summary>The result of reading one spec file: its specs, their ids with locations, and its diagnostics.</summary>
internal sealed record ParsedSpecFile(
    string Path,
    EquatableArray<FlowSpecModel> FlowSpecs,
    EquatableArray<ConnectionSpecModel> ConnectionSpecs,
    EquatableArray<SpecIdentity> Identities,
    EquatableArray<DiagnosticInfo> Diagnostics);
