namespace AepFlow.Cli;

/// <summary>Process exit codes, the same for every command so scripts can rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done; nothing breaking, nothing invalid.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found a problem: a breaking change, an invalid file, a failed pull.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the environment was wrong (unknown option, missing folder, no credentials).</summary>
    public const int Usage = 2;
}
