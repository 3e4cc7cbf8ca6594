using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Model;

namespace AepFlow.Generator;

/// <summary>Combines bundled and user specs: user specs replace bundled ones by id, and class names are made unique.</summary>
internal static class SpecResolver
{
    public static ResolvedSpecs Resolve(ImmutableArray<ParsedSpecFile> userFiles, BundledSpecSet bundled)
    {
        var flowSpecs = new List<FlowSpecModel>();
        var connectionSpecs = new List<ConnectionSpecModel>();
        var userFlowIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var userConnectionIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var userFlows = new List<FlowSpecModel>();
        var userConnections = new List<ConnectionSpecModel>();

        // The first declaration of an id wins; files are taken in path order so the winner does not depend on item order.
        foreach (var file in SortedByPath(userFiles))
        {
            foreach (var spec in file.FlowSpecs)
            {
                if (userFlowIds.Add(spec.Id))
                {
                    userFlows.Add(spec);
                }
            }

            foreach (var spec in file.ConnectionSpecs)
            {
                if (userConnectionIds.Add(spec.Id))
                {
                    userConnections.Add(spec);
                }
            }
        }

        foreach (var spec in bundled.FlowSpecs)
        {
            if (!userFlowIds.Contains(spec.Id))
            {
                flowSpecs.Add(spec);
            }
        }

        foreach (var spec in bundled.ConnectionSpecs)
        {
            if (!userConnectionIds.Contains(spec.Id))
            {
                connectionSpecs.Add(spec);
            }
        }

        flowSpecs.AddRange(userFlows);
        connectionSpecs.AddRange(userConnections);

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
        foreach (var file in SortedByPath(userFiles))
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

    private static List<ParsedSpecFile> SortedByPath(ImmutableArray<ParsedSpecFile> files)
    {
        var sorted = new List<ParsedSpecFile>(files);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        // The same file listed twice as an AdditionalFile counts once.
        for (var i = sorted.Count - 1; i > 0; i--)
        {
            if (sorted[i].Path == sorted[i - 1].Path)
            {
                sorted.RemoveAt(i);
            }
        }

        return sorted;
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
