using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Model;
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

        var flowNames = new HashSet<string>(StringComparer.Ordinal) { "FlowSpecCatalog", "FlowSpecEntry", "AepFlowJsonContext" };
        for (var i = 0; i < flowSpecs.Count; i++)
        {
            var name = UniqueClassName(flowSpecs[i].ClassName, flowSpecs[i].Id, flowNames);
            if (name != flowSpecs[i].ClassName)
            {
                flowSpecs[i] = flowSpecs[i] with { ClassName = name };
            }
        }

        var connectionNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < connectionSpecs.Count; i++)
        {
            var name = UniqueClassName(connectionSpecs[i].ClassName, connectionSpecs[i].Id, connectionNames);
            if (name != connectionSpecs[i].ClassName)
            {
                connectionSpecs[i] = connectionSpecs[i] with { ClassName = name };
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

    private static string UniqueClassName(string name, string id, HashSet<string> used)
    {
        // A spec class named "Environment" or "Version" would shadow the System type for all code in the namespace.
        if (Naming.IsReservedTypeName(name) || name == "AepFlow")
        {
            name += "Spec";
        }

        if (used.Add(name))
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

        return Naming.Unique(name + suffix, used);
    }
}
