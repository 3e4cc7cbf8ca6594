using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Model;
using AepFlow.Generator.Parsing;
using AepFlow.Generator.Specs;

namespace AepFlow.Generator;

/// <summary>Combines bundled and user specs: user specs replace bundled ones by id, and class names are made unique.</summary>
internal static class SpecResolver
{
    public static ResolvedSpecs Resolve(ImmutableArray<ParsedSpecFile> userFiles, BundledSpecSet bundled)
    {
        // One precedence rule for every reader of specs (SpecRules.Resolve); duplicates are reported by DuplicateIds.
        var files = SpecRules.InPathOrder(userFiles, f => f.Path);
        var flowSpecs = SpecRules.Resolve(bundled.FlowSpecs, files.SelectMany(f => f.FlowSpecs), s => s.Id);
        var connectionSpecs = SpecRules.Resolve(bundled.ConnectionSpecs, files.SelectMany(f => f.ConnectionSpecs), s => s.Id);

        // Case-insensitively unique: the class name is also the hint name, and AddSource treats hint names that differ only
        // in case as the same file (the whole generator would fail with CS8785).
        var flowNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "FlowSpecCatalog", "FlowSpecEntry", "AepFlowJsonContext" };
        for (var i = 0; i < flowSpecs.Count; i++)
        {
            var spec = flowSpecs[i];
            var name = UniqueClassName(spec.ClassName, spec.Id, flowNames, OwnNames(SpecFileReader.FlowSpecMembers, spec.Types, "CreateFlowRequestJsonConverter"));
            if (name != spec.ClassName)
            {
                flowSpecs[i] = spec with { ClassName = name };
            }
        }

        var connectionNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < connectionSpecs.Count; i++)
        {
            var spec = connectionSpecs[i];
            var name = UniqueClassName(spec.ClassName, spec.Id, connectionNames, OwnNames(SpecFileReader.ConnectionSpecMembers, spec.Types));
            if (name != spec.ClassName)
            {
                connectionSpecs[i] = spec with { ClassName = name };
            }
        }

        return new ResolvedSpecs(EquatableArray.From(flowSpecs), EquatableArray.From(connectionSpecs));
    }

    /// <summary>AEPF004 for every user spec whose id an earlier user spec (by path, then position) already declared.</summary>
    public static List<DiagnosticInfo> DuplicateIds(ImmutableArray<ParsedSpecFile> userFiles)
    {
        var result = new List<DiagnosticInfo>();
        var first = new Dictionary<(SpecKind, string), string>();
        foreach (var file in SpecRules.InPathOrder(userFiles, f => f.Path))
        {
            foreach (var identity in file.Identities)
            {
                var key = (identity.Kind, identity.Id.ToLowerInvariant());
                if (first.TryGetValue(key, out var firstPath))
                {
                    result.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateSpecId,
                        identity.Location,
                        identity.Kind == SpecKind.FlowSpec ? "flowSpec" : "connectionSpec",
                        identity.Id,
                        firstPath));
                }
                else
                {
                    first[key] = file.Path;
                }
            }
        }

        return result;
    }

    // The names declared inside a spec class: the class itself must not take one of them (CS0542).
    private static HashSet<string> OwnNames(IEnumerable<string> members, SpecTypes types, params string[] more)
    {
        var names = new HashSet<string>(members, StringComparer.Ordinal);
        names.UnionWith(more);
        foreach (var type in types.Objects)
        {
            names.Add(type.Name);
            names.Add(type.Name + "JsonConverter");
        }

        foreach (var type in types.Enums)
        {
            names.Add(type.Name);
            names.Add(type.Name + "JsonConverter");
        }

        return names;
    }

    private static string UniqueClassName(string name, string id, HashSet<string> used, HashSet<string> ownNames)
    {
        // A spec class named "Environment" or "Version" would shadow the System type for all code in the namespace.
        if (Naming.IsReservedTypeName(name) || name == "AepFlow" || ownNames.Contains(name))
        {
            name += "Spec";
        }

        if (!ownNames.Contains(name) && used.Add(name))
        {
            return name;
        }

        var suffix = new System.Text.StringBuilder();
        foreach (var ch in id)
        {
            if (char.IsLetterOrDigit(ch) && suffix.Length < 8)
            {
                suffix.Append(ch);
            }
        }

        var candidate = name + suffix;
        for (var i = 2; ownNames.Contains(candidate) || !used.Add(candidate); i++)
        {
            candidate = name + suffix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
