using System.Runtime.CompilerServices;
using System.Text;

namespace AepFlow.Validation;

/// <summary>
/// Gathers errors while generated validators walk a value. It is a <see langword="ref struct"/> that keeps the
/// current JSON Pointer as a fixed stack of segments, so a valid value is checked without allocating:
/// strings are built only when an error is reported.
/// </summary>
public ref struct ValidationCollector
{
    private const int MaxDepth = 32;
    private SegmentStack _segments;
    private int _depth;
    private List<ValidationError>? _errors;

    /// <summary><see langword="true"/> once any error was reported.</summary>
    public readonly bool HasErrors => _errors is { Count: > 0 };

    /// <summary>How many errors were reported so far (used to roll back speculative checks such as <c>anyOf</c>).</summary>
    public readonly int ErrorCount => _errors?.Count ?? 0;

    /// <summary>Descends into the member named <paramref name="name"/> (its JSON name).</summary>
    public void Enter(string name) => Push(new Segment(name, -1));

    /// <summary>Descends into the array element at <paramref name="index"/>.</summary>
    public void Enter(int index) => Push(new Segment(null, index));

    /// <summary>Returns to the parent of the current position.</summary>
    public void Exit()
    {
        if (_depth > 0)
        {
            _depth--;
        }
    }

    /// <summary>Reports an error at the current position.</summary>
    public void Add(string keyword, string message) => Add(null, keyword, message);

    /// <summary>Reports an error at the member <paramref name="member"/> of the current position.</summary>
    public void Add(string? member, string keyword, string message)
    {
        (_errors ??= []).Add(new ValidationError(BuildPath(member), keyword, message));
    }

    /// <summary>Drops errors reported after <paramref name="count"/> were present (for <c>anyOf</c>/<c>oneOf</c>/<c>not</c>/<c>if</c>).</summary>
    public void Truncate(int count)
    {
        if (_errors is not null && _errors.Count > count)
        {
            _errors.RemoveRange(count, _errors.Count - count);
        }
    }

    /// <summary>The result: <see cref="ValidationResult.Valid"/> when nothing was reported.</summary>
    public readonly ValidationResult ToResult() =>
        _errors is null || _errors.Count == 0 ? ValidationResult.Valid : ValidationResult.FromErrors(_errors.ToArray());

    private void Push(Segment segment)
    {
        if (_depth < MaxDepth)
        {
            _segments[_depth] = segment;
        }

        _depth++;
    }

    private readonly string BuildPath(string? member)
    {
        var builder = new StringBuilder();
        var depth = Math.Min(_depth, MaxDepth);
        for (var i = 0; i < depth; i++)
        {
            var segment = _segments[i];
            builder.Append('/');
            if (segment.Name is null)
            {
                builder.Append(segment.Index);
            }
            else
            {
                AppendEscaped(builder, segment.Name);
            }
        }

        if (member is not null)
        {
            builder.Append('/');
            AppendEscaped(builder, member);
        }

        return builder.ToString();
    }

    // RFC 6901: '~' becomes "~0" and '/' becomes "~1".
    private static void AppendEscaped(StringBuilder builder, string name)
    {
        foreach (var ch in name)
        {
            _ = ch switch
            {
                '~' => builder.Append("~0"),
                '/' => builder.Append("~1"),
                _ => builder.Append(ch),
            };
        }
    }

    private readonly record struct Segment(string? Name, int Index);

    [InlineArray(MaxDepth)]
    private struct SegmentStack
    {
        private Segment _element0;
    }
}
