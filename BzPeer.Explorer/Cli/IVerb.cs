using System.CommandLine;

namespace BzPeer.Explorer.Cli;

/// <summary>
/// A command-line verb. Each lives with its feature and is registered with the host (<c>AddVerb</c>); the command line
/// parses and dispatches whatever is registered, so it names no feature.
/// </summary>
public interface IVerb
{
    /// <summary>The verb's name, one-line description (shown in the list of verbs), arguments and options.</summary>
    Command Command { get; }

    /// <summary>What its <c>--help</c> says after the usage and options: what it does in full, and its exit codes.</summary>
    string Details { get; }

    /// <summary>Whether it runs at a lower CPU priority when started from a console, so an app serving the same machine keeps answering.</summary>
    bool RunsInBackground => false;

    /// <summary>What is left of a run that fails or is interrupted, for the closing message.</summary>
    string WhatStays => "nothing was written";

    /// <summary>Settings the run's host needs beyond the app's (added over the configuration).</summary>
    IReadOnlyDictionary<string, string?> Settings(ParseResult parse) => new Dictionary<string, string?>();

    /// <summary>Does the work and returns an exit code from <see cref="ExitCodes"/>; throws <see cref="VerbFailure"/> to stop with a reason.</summary>
    Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken);
}
