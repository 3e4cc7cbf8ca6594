using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AepFlow.Generator.Tests.Infrastructure;

/// <summary>
/// A compiled test assembly loaded in its own collectible context. AepFlow.Client resolves from the default
/// context, so the test can use <c>IAepModel</c> and <c>ValidationResult</c> directly on generated objects.
/// </summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static LoadedAssembly Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(
            result.Success,
            "Emit failed:\n" + DiagnosticText.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext($"generated-{compilation.AssemblyName}", isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>A type by its reflection name (nested types use '+'), failing with the names that exist nearby.</summary>
    public Type GetType(string fullName)
    {
        var type = Assembly.GetType(fullName);
        if (type is null)
        {
            var ns = fullName.Contains('.') ? fullName[..fullName.LastIndexOf('.')] : string.Empty;
            var nearby = Assembly.GetTypes().Where(t => t.FullName!.StartsWith(ns, StringComparison.Ordinal))
                .Select(t => t.FullName).Order().Take(60);
            Assert.Fail($"Type '{fullName}' not generated. Types in {ns}: {string.Join(", ", nearby)}");
        }

        return type!;
    }

    /// <summary>Calls a public static method (e.g. a probe written in the test's user source).</summary>
    public object? Invoke(string typeName, string method, params object?[] args)
    {
        var info = GetType(typeName).GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeName}.{method} not found.");
        try
        {
            return info.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => _context.Unload();
}
