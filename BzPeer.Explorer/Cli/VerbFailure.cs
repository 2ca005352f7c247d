namespace BzPeer.Explorer.Cli;

/// <summary>A verb that cannot go on (an unusable database, a target that exists, …): reported as one line, exit code 1.</summary>
public sealed class VerbFailure(string message) : Exception(message);
