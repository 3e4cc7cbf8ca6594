namespace AepFlow.Cli.Specs;

/// <summary>One spec ready to be written: its file name and canonical bytes.</summary>
internal sealed record PulledSpec(SpecKind Kind, string Id, string Name, string FileName, byte[] Content);
