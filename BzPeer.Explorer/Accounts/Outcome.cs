namespace BzPeer.Explorer.Accounts;

public enum OutcomeKind
{
    Succeeded,
    /// <summary>The action needs a signed-in account.</summary>
    SignInRequired,
    /// <summary>Signed in, but this account may not do this.</summary>
    Forbidden,
    /// <summary>No such record, or none this account may see (the two are not told apart).</summary>
    NotFound,
    /// <summary>The input breaks a rule (too long, missing, malformed); the message says which.</summary>
    Invalid,
    /// <summary>A limit is reached (per day, one at a time); the message says which.</summary>
    LimitReached,
}

/// <summary>Why an action was refused, with a message a person can act on.</summary>
public readonly record struct Refusal(OutcomeKind Kind, string Message)
{
    public static Refusal SignInRequired => new(OutcomeKind.SignInRequired, "Sign in first.");
    public static Refusal Forbidden(string message) => new(OutcomeKind.Forbidden, message);
    public static Refusal NotFound(string message = "Not found.") => new(OutcomeKind.NotFound, message);
    public static Refusal Invalid(string message) => new(OutcomeKind.Invalid, message);
    public static Refusal LimitReached(string message) => new(OutcomeKind.LimitReached, message);
}

/// <summary>The result of a state-changing action: done (with a message to show), or refused.</summary>
public record Outcome(OutcomeKind Kind, string Message)
{
    public bool Succeeded => Kind == OutcomeKind.Succeeded;

    public static Outcome Done(string message = "") => new(OutcomeKind.Succeeded, message);

    public static implicit operator Outcome(Refusal refusal) => new(refusal.Kind, refusal.Message);
}

/// <summary>An outcome that carries a value when the action succeeded.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, string Message, T? Value) : Outcome(Kind, Message)
{
    public static Outcome<T> Done(T value, string message = "") => new(OutcomeKind.Succeeded, message, value);

    public static implicit operator Outcome<T>(Refusal refusal) => new(refusal.Kind, refusal.Message, default);
}
