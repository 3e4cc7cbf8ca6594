namespace AepFlow.Cli.Diff;

/// <summary>Whether a change can break a build or a request that worked before.</summary>
internal enum ChangeSeverity
{
    /// <summary>Code or flows that worked against the old spec may fail against the new one.</summary>
    Breaking,

    /// <summary>Everything that worked before still works.</summary>
    Compatible,
}

/// <summary>One difference inside a spec: where (<c>scheduleSpec: interval</c>) and what.</summary>
internal sealed record SpecChange(ChangeSeverity Severity, string Where, string What);
