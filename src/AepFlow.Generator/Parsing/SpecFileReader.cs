using AepFlow.Generator.Json;
using System;
using System.Collections.Generic;
using System.Globalization;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Model;
using AepFlow.Generator.Specs;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Parsing;

/// <summary>
/// Reads one spec file (a single spec or <c>{"items":[...]}</c>) into spec models. Never throws: a syntax error is AEPF001,
/// a JSON value that is not a spec is AEPF002, and an unexpected failure on one spec is AEPF005 while the others still load.
/// </summary>
internal static class SpecFileReader
{
    internal static readonly string[] FlowSpecMembers = { "Id", "Version", "Name", "SourceConnectionSpecIds", "TargetConnectionSpecIds", "CreateFlowRequest", "ScheduleParams" };
    internal static readonly string[] ConnectionSpecMembers = { "Id", "Name", "ProviderId", "Version", "SourceParams", "TargetParams" };

    // Members of CreateFlowRequest a transformation property must not take.
    private static readonly HashSet<string> RequestMembers = new(StringComparer.Ordinal)
    {
        "Name", "Description", "SourceConnectionIds", "TargetConnectionIds", "Schedule", "FlowSpecId", "FlowSpecVersion",

        // The record itself and the enclosing class's members its code refers to unqualified (Id, Version).
        "CreateFlowRequest", "Id", "Version", "SourceConnectionSpecIds", "TargetConnectionSpecIds",
    };

    public static ParsedSpecFile Read(string path, SourceText text, SpecKind kind, bool isBundled)
    {
        var context = new SpecReadContext(path, text);
        var flowSpecs = new List<FlowSpecModel>();
        var connectionSpecs = new List<ConnectionSpecModel>();
        var identities = new List<SpecIdentity>();
        try
        {
            var parsed = JsonTreeReader.Parse(text.ToString());
            foreach (var duplicate in parsed.DuplicateKeys)
            {
                context.Report(DiagnosticDescriptors.DuplicateJsonKey, context.LocateName(duplicate), duplicate.Name);
            }

            if (parsed.Root is null)
            {
                context.Report(DiagnosticDescriptors.InvalidJson, context.LocateOffset(parsed.Error!.Position), FileName(path), parsed.Error.Message);
            }
            else
            {
                ReadRoot(parsed.Root, context, kind, isBundled, flowSpecs, connectionSpecs, identities);
            }
        }
        catch (Exception ex)
        {
            context.Report(DiagnosticDescriptors.InternalError, context.LocateOffset(0), FileName(path), ex.GetType().Name + ": " + ex.Message);
        }

        return new ParsedSpecFile(path, EquatableArray.From(flowSpecs), EquatableArray.From(connectionSpecs), EquatableArray.From(identities), EquatableArray.From(context.Diagnostics));
    }

    private static void ReadRoot(
        JsonNode root,
        SpecReadContext context,
        SpecKind kind,
        bool isBundled,
        List<FlowSpecModel> flowSpecs,
        List<ConnectionSpecModel> connectionSpecs,
        List<SpecIdentity> identities)
    {
        if (SpecRules.Items(root, out var notAList) is not { } items)
        {
            context.Report(DiagnosticDescriptors.NotASpec, context.LocateStart(notAList!), SpecRules.Label(kind), "\"items\" is not an array");
            return;
        }

        foreach (var (node, pointer) in items)
        {
            var problem = SpecRules.WhyNotASpec(node, kind);
            if (problem is not null)
            {
                context.Report(DiagnosticDescriptors.NotASpec, context.LocateStart(node), SpecRules.Label(kind), problem);
                continue;
            }

            try
            {
                identities.Add(new SpecIdentity(kind, node.GetString("id")!, context.LocateStart(node)));
                if (kind == SpecKind.FlowSpec)
                {
                    flowSpecs.Add(ReadFlowSpec(node, context, pointer, isBundled));
                }
                else
                {
                    connectionSpecs.Add(ReadConnectionSpec(node, context, pointer, isBundled));
                }
            }
            catch (Exception ex)
            {
                context.Report(DiagnosticDescriptors.InternalError, context.LocateStart(node), FileName(context.Path), ex.GetType().Name + ": " + ex.Message);
            }
        }
    }

    private static FlowSpecModel ReadFlowSpec(JsonNode node, SpecReadContext context, string pointer, bool isBundled)
    {
        var name = node.GetString("name")!;
        var className = Naming.ToPascalCase(name);
        var types = new TypeBuilder(context, className, FlowSpecMembers);

        var transformations = new List<TransformationModel>();
        var transformationSpecs = new List<(string TypeName, JsonNode? Spec, string Pointer)>();
        var specsKey = node["transformationSpecs"] is not null ? "transformationSpecs" : "transformationSpec";
        if (node[specsKey] is { Kind: JsonNodeKind.Array } transformationList)
        {
            var propertyNames = new HashSet<string>(RequestMembers, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < transformationList.Items!.Count; i++)
            {
                var transformation = transformationList.Items[i];
                var transformationName = transformation.IsObject ? transformation.GetString("name") : null;
                if (transformationName is null || !seen.Add(transformationName))
                {
                    continue;
                }

                var pascal = Naming.ToPascalCase(transformationName);
                var propertyName = RequestMembers.Contains(pascal) || Naming.IsRecordMemberName(pascal) ? pascal + "Transformation" : pascal;
                propertyName = Naming.Unique(propertyName, propertyNames);
                var typeName = types.Claim(pascal + "Params");
                transformations.Add(new TransformationModel(transformationName, propertyName, typeName));
                transformationSpecs.Add((typeName, transformation["spec"], pointer + "/" + specsKey + "/" + i.ToString(CultureInfo.InvariantCulture) + "/spec"));
            }
        }

        foreach (var (typeName, spec, specPointer) in transformationSpecs)
        {
            types.AddRecord(typeName, spec, specPointer);
        }

        string? scheduleTypeName = null;
        if (node["scheduleSpec"] is { Kind: JsonNodeKind.Object } scheduleSpec && scheduleSpec["spec"] is { Kind: JsonNodeKind.Object } scheduleSchema)
        {
            scheduleTypeName = "ScheduleParams";
            types.AddRecord(scheduleTypeName, scheduleSchema, pointer + "/scheduleSpec/spec");
        }

        return new FlowSpecModel(
            node.GetString("id")!,
            name,
            node.GetString("version") ?? "1.0",
            className,
            node.GetString("description"),
            Strings(node["sourceConnectionSpecIds"]),
            Strings(node["targetConnectionSpecIds"]),
            EquatableArray.From(transformations),
            scheduleTypeName,
            types.Build(),
            isBundled);
    }

    private static ConnectionSpecModel ReadConnectionSpec(JsonNode node, SpecReadContext context, string pointer, bool isBundled)
    {
        var name = node.GetString("name")!;
        var className = Naming.ToPascalCase(name);
        var types = new TypeBuilder(context, className, ConnectionSpecMembers);

        var authSpecs = new List<AuthSpecModel>();
        var authSchemas = new List<(string TypeName, JsonNode? Spec, string Pointer)>();
        var authNode = node["authSpec"];
        var authList = authNode switch
        {
            { Kind: JsonNodeKind.Array } => authNode.Items!,
            { Kind: JsonNodeKind.Object } => new List<JsonNode> { authNode },
            _ => new List<JsonNode>(),
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < authList.Count; i++)
        {
            var auth = authList[i];
            var authName = auth.IsObject ? auth.GetString("name") ?? auth.GetString("type") : null;
            if (authName is null || !seen.Add(authName))
            {
                continue;
            }

            var authType = Naming.ToPascalCase(authName);
            if (Naming.IsReservedTypeName(authType) || Naming.IsRecordMemberName(authType))
            {
                authType += "Auth";
            }

            var typeName = types.Claim(authType);
            authSpecs.Add(new AuthSpecModel(authName, typeName));
            var authPointer = authNode!.IsArray ? "/authSpec/" + i.ToString(CultureInfo.InvariantCulture) : "/authSpec";
            authSchemas.Add((typeName, auth["spec"], pointer + authPointer + "/spec"));
        }

        foreach (var (typeName, spec, specPointer) in authSchemas)
        {
            types.AddRecord(typeName, spec, specPointer);
        }

        string? sourceParams = null;
        var tabular = TabularSource.IsTabular(node);
        if (node["sourceSpec"] is { Kind: JsonNodeKind.Object } sourceSpec
            && sourceSpec["spec"] is { Kind: JsonNodeKind.Object } sourceSchema
            && sourceSchema["properties"] is { Kind: JsonNodeKind.Object, Members.Count: > 0 })
        {
            sourceParams = "SourceParams";
            types.AddRecord(sourceParams, sourceSchema, pointer + "/sourceSpec/spec");
        }
        else if (tabular)
        {
            // A tabular source without a sourceSpec (Salesforce): the params its tutorials send, typed all the same.
            sourceParams = "SourceParams";
            types.AddRecord(sourceParams, TabularSource.ParamsSchema, "#/sourceSpec/spec");
        }

        string? targetParams = null;
        if (node["targetSpec"] is { Kind: JsonNodeKind.Object } targetSpec
            && targetSpec["spec"] is { Kind: JsonNodeKind.Object } targetSchema
            && targetSchema["properties"] is { Kind: JsonNodeKind.Object, Members.Count: > 0 })
        {
            targetParams = "TargetParams";
            types.AddRecord(targetParams, targetSchema, pointer + "/targetSpec/spec");
        }

        return new ConnectionSpecModel(
            node.GetString("id")!,
            name,
            className,
            node.GetString("providerId"),
            node.GetString("description"),
            EquatableArray.From(authSpecs),
            sourceParams,
            types.Build(),
            isBundled)
        {
            Version = node.GetString("version") ?? "1.0",
            TargetParamsTypeName = targetParams,
            SourceDataFormat = tabular ? TabularSource.DataFormat : null,
        };
    }

    private static EquatableArray<string> Strings(JsonNode? node)
    {
        var result = new List<string>();
        if (node is { Kind: JsonNodeKind.Array })
        {
            foreach (var item in node.Items!)
            {
                if (item.IsString && !result.Contains(item.Text!))
                {
                    result.Add(item.Text!);
                }
            }
        }

        return EquatableArray.From(result);
    }


    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
