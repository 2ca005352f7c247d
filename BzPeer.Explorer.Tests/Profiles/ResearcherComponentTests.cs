using Bunit;
using BzPeer.Explorer.Accounts.Follows;
using BzPeer.Explorer.Data;
using Microsoft.Extensions.DependencyInjection;
using BzPeer.Explorer.Profiles.Researchers;
using BzPeer.Explorer.Profiles.Shared;

namespace BzPeer.Explorer.Tests.Profiles;

public class ResearcherComponentTests : ComponentTestContext
{
    public ResearcherComponentTests()
    {
        // The connect panels' follow button talks to the follow service; a visitor's panels never call it.
        Services.AddSingleton(new FollowService(ExplorerDatabase.CreateFactory("Data Source=:memory:"), TimeProvider.System));
    }

    private static readonly TrustFacts Unclaimed = new(RecordOrigin.Arxiv, false, false, 1, 0, false, 5, 0);

    [Fact]
    public void Quick_read_shows_score_band_level_claim_state_and_counts()
    {
        var snapshot = Render<TrustSnapshot>(p => p
            .Add(c => c.Trust, TrustScore.Compute(Unclaimed))
            .Add(c => c.Works, 1).Add(c => c.Followers, 0).Add(c => c.Topics, 2).Add(c => c.CloseCollaborators, 5));

        var chips = snapshot.FindAll(".trust-chip").Select(c => c.TextContent).ToArray();
        Assert.Equal(["Trust 11 - Unverified", "Verification L1", "Unclaimed author"], chips);
        var counts = snapshot.FindAll(".count").Select(c => c.TextContent).ToArray();
        Assert.Equal(["1work", "0followers", "2topics", "5close collaborators"], counts);
    }

    [Fact]
    public void Counts_are_pluralised_for_one_and_many()
    {
        var snapshot = Render<TrustSnapshot>(p => p
            .Add(c => c.Trust, TrustScore.Compute(Unclaimed))
            .Add(c => c.Works, 2).Add(c => c.Followers, 1).Add(c => c.Topics, 1).Add(c => c.CloseCollaborators, 1));

        var labels = snapshot.FindAll(".count-label").Select(c => c.TextContent).ToArray();
        Assert.Equal(["works", "follower", "topic", "close collaborator"], labels);
    }

    [Fact]
    public void The_breakdown_adds_up_to_the_score_a_reader_sees()
    {
        var trust = TrustScore.Compute(Unclaimed);
        var snapshot = Render<TrustSnapshot>(p => p
            .Add(c => c.Trust, trust).Add(c => c.Works, 1).Add(c => c.Followers, 0).Add(c => c.Topics, 2).Add(c => c.CloseCollaborators, 5));

        Assert.Equal("How is this computed?", snapshot.Find(".trust-breakdown summary").TextContent);
        var points = snapshot.FindAll(".trust-breakdown tbody td.points")
            .Select(td => double.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(7, points.Count);
        Assert.Equal(11, (int)Math.Round(points.Sum()));
        Assert.Equal("11", snapshot.Find(".trust-breakdown tfoot td.points").TextContent);
    }

    [Fact]
    public void A_claimed_record_reads_claimed_author()
    {
        var snapshot = Render<TrustSnapshot>(p => p
            .Add(c => c.Trust, TrustScore.Compute(Unclaimed with { HasApprovedClaim = true }))
            .Add(c => c.Works, 1).Add(c => c.Followers, 0).Add(c => c.Topics, 2).Add(c => c.CloseCollaborators, 5));

        Assert.Contains("Claimed author", snapshot.FindAll(".trust-chip").Select(c => c.TextContent));
        Assert.Contains("Verification L3", snapshot.FindAll(".trust-chip").Select(c => c.TextContent));
    }

    [Fact]
    public void Signed_out_visitors_of_an_unclaimed_record_are_asked_to_log_in_and_collaboration_is_locked()
    {
        var panels = Render<ConnectPanels>(p => p.Add(c => c.Researcher, Summary("meihao-kong")).Add(c => c.Followers, 0).Add(c => c.IsClaimed, false));

        Assert.Contains("Follow researcher", panels.Find("[data-panel=follow] .connect-button").TextContent);
        Assert.Equal("0", panels.Find(".follower-count").TextContent);
        Assert.Contains("Claiming links this public author record to a researcher profile and unlocks direct collaboration workflows.",
            panels.Find("[data-panel=claim]").TextContent);
        var logIn = panels.Find("[data-panel=claim] .connect-button");
        Assert.Equal("Log in to claim", logIn.TextContent);
        Assert.Equal("Account/Login?ReturnUrl=%2Fresearchers%2Fmeihao-kong", logIn.GetAttribute("href"));
        Assert.Contains("Open a focused conversation when the fit is right", panels.Find("[data-panel=collaboration]").TextContent);
        Assert.Equal("Claim this author entity first to unlock direct invitations.", panels.Find(".state.locked span").TextContent);
    }

    [Fact]
    public void A_claimed_record_unlocks_collaboration_and_hides_the_claim_button()
    {
        var panels = Render<ConnectPanels>(p => p.Add(c => c.Researcher, Summary("someone")).Add(c => c.Followers, 3).Add(c => c.IsClaimed, true));

        Assert.Empty(panels.FindAll("[data-panel=claim] .connect-button"));
        Assert.Contains("has been claimed", panels.Find("[data-panel=claim]").TextContent);
        Assert.Empty(panels.FindAll(".state.locked"));
        Assert.Equal("Log in to start a conversation", panels.Find("[data-panel=collaboration] .connect-button").TextContent);
        Assert.Equal("3", panels.Find(".follower-count").TextContent);
    }

    [Fact]
    public void The_header_shows_affiliation_or_says_it_was_not_imported()
    {
        var without = Render<ResearcherHeader>(p => p.Add(c => c.Profile, Profile("Meihao Kong", institution: null, open: true)));
        Assert.Equal("Affiliation not imported", without.Find(".researcher-affiliation").TextContent);
        Assert.Equal("Open to collaborate", without.Find(".badge.open").TextContent);

        var with = Render<ResearcherHeader>(p => p.Add(c => c.Profile, Profile("Jing Huo", institution: (3, "Nanjing University"), open: false)));
        var affiliation = with.Find("a.researcher-affiliation");
        Assert.Equal("Nanjing University", affiliation.TextContent);
        Assert.Equal("institutions/3", affiliation.GetAttribute("href"));
        Assert.Empty(with.FindAll(".badge.open"));
    }

    [Fact]
    public void A_name_with_markup_shows_as_text()
    {
        var header = Render<ResearcherHeader>(p => p.Add(c => c.Profile, Profile("<script>alert(1)</script>", null, true)));
        Assert.Empty(header.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", header.Find("h1").TextContent);
    }

    private static ResearcherSummary Summary(string slug) => new(1, slug, "Someone", null, null, null, true, 1, 0, RecordOrigin.Arxiv);

    private static ResearcherProfile Profile(string name, (int Id, string Name)? institution, bool open) => new(
        new ResearcherSummary(1, "slug", name, null, institution?.Id, institution?.Name, open, 1, 0, RecordOrigin.Arxiv),
        "A description.", new ResearcherIdentifiers(null, null, null), TrustScore.Compute(Unclaimed),
        0, 2, 5, 1, 0, 0, [], [], [], [], []);
}
