using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AepFlow.Generator.Analyzers;

/// <summary>
/// How the analyzers follow a value back within one method: the operation itself and, through every local it reads, the
/// values assigned to that local anywhere in the method (a few levels deep). Used to find the connection spec behind a
/// connection id (AEPF013) and the schema and rules behind a mapping set (AEPF025).
/// </summary>
internal static class LocalTrace
{
    private const int MaxDepth = 4;

    /// <summary>The outermost operation (the method body, or the top-level statements) that holds <paramref name="operation"/>.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent != null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>Every operation in <paramref name="operation"/> and in the values assigned to the locals it reads.</summary>
    public static IEnumerable<IOperation> Reachable(IOperation operation, IOperation root) =>
        Walk(operation, root, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);

    private static IEnumerable<IOperation> Walk(IOperation operation, IOperation root, HashSet<ILocalSymbol> visited, int depth)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            yield return node;
            if (node is ILocalReferenceOperation local && depth < MaxDepth && visited.Add(local.Local))
            {
                foreach (var assigned in AssignedValues(root, local.Local))
                {
                    foreach (var reached in Walk(assigned, root, visited, depth + 1))
                    {
                        yield return reached;
                    }
                }
            }
        }
    }

    private static IEnumerable<IOperation> AssignedValues(IOperation root, ILocalSymbol local)
    {
        foreach (var node in root.DescendantsAndSelf())
        {
            if (node is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) &&
                declarator.GetVariableInitializer() is { } initializer)
            {
                yield return initializer.Value;
            }
            else if (node is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment &&
                SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                yield return assignment.Value;
            }
        }
    }
}
