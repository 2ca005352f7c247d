using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;

namespace BzPeer.Explorer.Profiles.Researchers;

/// <summary>How far a researcher record's identity is established (DESIGN.md §3).</summary>
public enum VerificationLevel
{
    /// <summary>Name only: no stable external identifier.</summary>
    L0,
    /// <summary>Source-linked: imported from a bibliographic source with a stable identifier (OpenAlex, arXiv).</summary>
    L1,
    /// <summary>Identifier-linked: an ORCID iD in the source data. A pending claim changes nothing the public sees.</summary>
    L2,
    /// <summary>Verified: a claim approved on evidence (an ORCID sign-in matching the record's iD, institutional email and name, or a reviewer).</summary>
    L3,
}

/// <summary>
/// The stored facts the trust score is computed from. Only an approved claim counts, and only followers with confirmed
/// accounts: nothing an account can do without evidence moves the public score (DESIGN.md §3).
/// </summary>
public sealed record TrustFacts(
    RecordOrigin Origin, bool HasOrcid, bool HasApprovedClaim,
    int Works, int Citations, bool HasKnownAffiliation, int CoAuthors, int Followers)
{
    /// <summary>The source named this author without an identifier of its own (an OpenAlex authorship with no author id).</summary>
    public bool NameOnly { get; init; }
}

/// <summary>One line of the "How is this computed?" breakdown.</summary>
public sealed record TrustComponent(string Label, string Rule, double Points);

public sealed record TrustResult(int Score, string Band, VerificationLevel Level, bool IsClaimed, IReadOnlyList<TrustComponent> Components)
{
    public string Headline => $"Trust {Score} - {Band}";
}

/// <summary>The trust score, 0–100, and its verification level, computed from stored facts (DESIGN.md §3).</summary>
public static class TrustScore
{
    public static VerificationLevel LevelOf(TrustFacts facts) =>
        facts.HasApprovedClaim ? VerificationLevel.L3
        : facts.HasOrcid ? VerificationLevel.L2
        : facts.Origin is RecordOrigin.OpenAlex or RecordOrigin.Arxiv && !facts.NameOnly ? VerificationLevel.L1
        : VerificationLevel.L0;

    public static double VerificationPoints(VerificationLevel level) => level switch
    {
        VerificationLevel.L3 => 45,
        VerificationLevel.L2 => 25,
        VerificationLevel.L1 => 8,
        _ => 0,
    };

    public static string BandOf(int score) => score switch
    {
        >= 75 => "Trusted",
        >= 50 => "Established",
        >= 25 => "Emerging",
        _ => "Unverified",
    };

    public static TrustResult Compute(TrustFacts facts)
    {
        var level = LevelOf(facts);
        TrustComponent[] components =
        [
            new($"Verification {level}", "L0 0 · L1 8 · L2 25 · L3 45", VerificationPoints(level)),
            new(facts.HasApprovedClaim ? "Claimed" : "Not claimed", "claimed 10", facts.HasApprovedClaim ? 10 : 0),
            new(Wording.Counted(facts.Works, "work", "works"), "min(15, 3·ln(1 + works))", Math.Min(15, 3 * Math.Log(1 + facts.Works))),
            new(Wording.Counted(facts.Citations, "citation", "citations"), "min(10, 2·ln(1 + citations))", Math.Min(10, 2 * Math.Log(1 + facts.Citations))),
            new(facts.HasKnownAffiliation ? "Affiliation known" : "Affiliation not imported", "known affiliation 5", facts.HasKnownAffiliation ? 5 : 0),
            new(Wording.Counted(facts.CoAuthors, "co-author", "co-authors"), "min(10, 0.25·co-authors)", Math.Min(10, 0.25 * facts.CoAuthors)),
            new(Wording.Counted(facts.Followers, "follower", "followers"), "min(5, ln(1 + followers))", Math.Min(5, Math.Log(1 + facts.Followers))),
        ];
        var score = (int)Math.Clamp(Math.Round(components.Sum(c => c.Points), MidpointRounding.AwayFromZero), 0, 100);
        return new TrustResult(score, BandOf(score), level, facts.HasApprovedClaim, components);
    }
}
