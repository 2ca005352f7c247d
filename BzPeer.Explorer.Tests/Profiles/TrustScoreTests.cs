using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Researchers;

namespace BzPeer.Explorer.Tests.Profiles;

public class TrustScoreTests
{
    private static readonly TrustFacts ReferenceRecord = new(
        RecordOrigin.Arxiv, HasOrcid: false, HasApprovedClaim: false,
        Works: 1, Citations: 0, HasKnownAffiliation: false, CoAuthors: 5, Followers: 0);

    [Fact]
    public void The_reference_record_gives_trust_11_unverified_at_L1()
    {
        var trust = TrustScore.Compute(ReferenceRecord);

        Assert.Equal(11, trust.Score);
        Assert.Equal("Unverified", trust.Band);
        Assert.Equal("Trust 11 - Unverified", trust.Headline);
        Assert.Equal(VerificationLevel.L1, trust.Level);
        Assert.False(trust.IsClaimed);
        Assert.Equal(8 + 3 * Math.Log(2) + 0.25 * 5, trust.Components.Sum(c => c.Points), 9);
    }

    [Theory]
    [InlineData(RecordOrigin.Synthetic, false, false, VerificationLevel.L0)]
    [InlineData(RecordOrigin.Arxiv, false, false, VerificationLevel.L1)]
    [InlineData(RecordOrigin.OpenAlex, false, false, VerificationLevel.L1)]
    [InlineData(RecordOrigin.OpenAlex, true, false, VerificationLevel.L2)]
    [InlineData(RecordOrigin.Synthetic, false, true, VerificationLevel.L3)]
    [InlineData(RecordOrigin.OpenAlex, true, true, VerificationLevel.L3)]
    public void Verification_level_follows_the_strongest_evidence(RecordOrigin origin, bool orcid, bool approved, VerificationLevel expected) =>
        Assert.Equal(expected, TrustScore.LevelOf(ReferenceRecord with { Origin = origin, HasOrcid = orcid, HasApprovedClaim = approved }));

    [Theory]
    [InlineData(0, "Unverified")]
    [InlineData(24, "Unverified")]
    [InlineData(25, "Emerging")]
    [InlineData(49, "Emerging")]
    [InlineData(50, "Established")]
    [InlineData(74, "Established")]
    [InlineData(75, "Trusted")]
    [InlineData(100, "Trusted")]
    public void Bands_split_the_score_at_25_50_and_75(int score, string band) => Assert.Equal(band, TrustScore.BandOf(score));

    [Fact]
    public void An_author_the_source_names_without_an_id_stays_at_L0()
    {
        var nameOnly = ReferenceRecord with { Origin = RecordOrigin.OpenAlex, NameOnly = true };

        Assert.Equal(VerificationLevel.L0, TrustScore.LevelOf(nameOnly));
        Assert.Equal(VerificationLevel.L2, TrustScore.LevelOf(nameOnly with { HasOrcid = true }));
        Assert.Equal(3, TrustScore.Compute(nameOnly).Score);
    }

    [Fact]
    public void Every_part_is_capped_so_the_score_never_passes_100()
    {
        var trust = TrustScore.Compute(new TrustFacts(RecordOrigin.OpenAlex, true, true,
            Works: 1_000_000, Citations: 10_000_000, HasKnownAffiliation: true, CoAuthors: 100_000, Followers: 1_000_000));

        Assert.Equal(100, trust.Score);
        Assert.True(trust.IsClaimed);
        Assert.Equal([45, 10, 15, 10, 5, 10, 5], trust.Components.Select(c => c.Points).ToArray());
    }

    [Fact]
    public void A_claimed_record_with_an_approved_claim_counts_claim_and_L3()
    {
        var trust = TrustScore.Compute(ReferenceRecord with { HasApprovedClaim = true });
        // 45 (L3) + 10 (claimed) + 2.08 + 1.25 = 58.33
        Assert.Equal(58, trust.Score);
        Assert.Equal("Established", trust.Band);
    }

    [Fact]
    public void The_breakdown_lists_each_fact_with_its_rule()
    {
        var trust = TrustScore.Compute(ReferenceRecord with { Followers = 1, CoAuthors = 1 });
        Assert.Equal(
            ["Verification L1", "Not claimed", "1 work", "0 citations", "Affiliation not imported", "1 co-author", "1 follower"],
            trust.Components.Select(c => c.Label).ToArray());
        Assert.All(trust.Components, c => Assert.False(string.IsNullOrWhiteSpace(c.Rule)));
    }
}
