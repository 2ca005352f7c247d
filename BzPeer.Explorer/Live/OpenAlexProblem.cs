namespace BzPeer.Explorer.Live;

public enum OpenAlexProblemKind
{
    /// <summary>OpenAlex could not be reached, did not answer in time, or refused (after retries).</summary>
    Unavailable,
    /// <summary>The day's list-call budget is spent; lookups by id still work.</summary>
    BudgetSpent,
    /// <summary>The answer was not what the API returns (malformed JSON, wrong shapes): bad input, nothing stored.</summary>
    BadAnswer,
}

/// <summary>Why a call to OpenAlex gave nothing usable; the message is for people.</summary>
public sealed class OpenAlexProblem(OpenAlexProblemKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public OpenAlexProblemKind Kind { get; } = kind;
}
