using BzPeer.Explorer.Import.OpenAlex;

namespace BzPeer.Explorer.Live;

public enum LiveStatus
{
    /// <summary>Read from OpenAlex and stored.</summary>
    Stored,
    /// <summary>Already stored and read within the freshness window: nothing was asked.</summary>
    Fresh,
    NotFound,
    /// <summary>OpenAlex:Enabled is off.</summary>
    Disabled,
    Unavailable,
    BudgetSpent,
    BadAnswer,
}

/// <param name="OpenAlexId">The record's OpenAlex id (the surviving one, when the id asked for was merged).</param>
/// <param name="Complete">False when the record came without all of its neighbourhood (the budget ran out).</param>
/// <param name="Message">What to tell a person: why it failed, or what is missing.</param>
internal sealed record LiveOutcome(LiveStatus Status, string? OpenAlexId, bool Complete, string Message, ImportCounts Counts)
{
    public bool HasRecord => Status is LiveStatus.Stored or LiveStatus.Fresh;

    public static LiveOutcome Failed(LiveStatus status, string message) => new(status, null, false, message, new ImportCounts());
}
