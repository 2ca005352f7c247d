namespace BzPeer.Explorer.Cli;

/// <summary>What a verb's exit code means: the same for every verb.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>The run failed or was refused (an unusable database, the database failing, a --strict run meeting bad input); the message says what stays.</summary>
    public const int Failure = 1;

    /// <summary>The run went through but skipped input it could not use (bad records, records OpenAlex could not give), each reported.</summary>
    public const int SkippedInput = 2;

    /// <summary>The command line itself is wrong (an unknown verb or option, a missing or malformed value): nothing was done. BSD's EX_USAGE.</summary>
    public const int Usage = 64;
}
