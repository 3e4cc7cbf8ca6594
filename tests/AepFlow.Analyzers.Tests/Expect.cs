namespace AepFlow.Analyzers.Tests;

/// <summary>Assertion helpers: exact diagnostic sets by id and 1-based span.</summary>
public static class Expect
{
    /// <summary>Asserts the diagnostics are exactly these (id, line, column, end line, end column), in file order.</summary>
    public static void Exactly(IReadOnlyList<Reported> actual, params (string Id, int Line, int Column, int EndLine, int EndColumn)[] expected)
    {
        var got = actual.Select(d => (d.Id, d.Line, d.Column, d.EndLine, d.EndColumn)).ToList();
        Assert.True(expected.SequenceEqual(got),
            "Expected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", actual.Select(a => a.ToString())));
    }
}
