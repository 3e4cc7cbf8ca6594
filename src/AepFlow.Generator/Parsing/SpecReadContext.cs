using AepFlow.Generator.Json;
using System.Collections.Generic;
using AepFlow.Generator.Diagnostics;
using AepFlow.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AepFlow.Generator.Parsing;

/// <summary>Where a spec is read from, and the diagnostics reading it produced.</summary>
internal sealed class SpecReadContext
{
    private readonly SourceText _text;

    public SpecReadContext(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public string Path { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The whole value's span.</summary>
    public LocationInfo Locate(JsonNode node) => LocationInfo.Create(Path, _text, node.Start, node.End - node.Start);

    /// <summary>Just the value's first character (an object's opening brace).</summary>
    public LocationInfo LocateStart(JsonNode node) => LocationInfo.Create(Path, _text, node.Start, 1);

    /// <summary>An object member's name, quotes included.</summary>
    public LocationInfo LocateName(JsonMember member) => LocationInfo.Create(Path, _text, member.NameStart, member.NameEnd - member.NameStart);

    public LocationInfo LocateOffset(int offset) => LocationInfo.Create(Path, _text, offset, offset < _text.Length ? 1 : 0);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    public void ReportUnsupported(JsonNode node, string construct, string pointer, string consequence) =>
        Report(DiagnosticDescriptors.UnsupportedSchema, Locate(node), construct, pointer, consequence);
}
