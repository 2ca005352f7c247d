using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;

namespace BzPeer.Explorer.DemoData;

/// <summary>
/// The real record the product's reference page shows: Meihao Kong and "Playing Lottery Tickets in Style Transfer
/// Models" (arXiv 2203.13802) with its five co-authors. Taken from the arXiv listing, so it carries the arXiv id and
/// no OpenAlex ids. Her own affiliation is not imported, as on the original page.
/// </summary>
internal static class ReferenceRecord
{
    public const string Slug = "meihao-kong";
    public const string PaperTitle = "Playing Lottery Tickets in Style Transfer Models";
    public const string ArxivId = "2203.13802";

    public const string PaperAbstract =
        "Style transfer has achieved great success and attracted a wide range of attention from both academic "
        + "and industrial communities due to its flexible application scenarios. However, the dependence on a "
        + "pretty large VGG-based autoencoder leads to existing style transfer models having high parameter "
        + "complexities, which limits their applications on resource-constrained devices. Compared with many "
        + "other tasks, the compression of style transfer models has been less explored. Recently, the lottery "
        + "ticket hypothesis (LTH) has shown great potential in finding extremely sparse matching subnetworks "
        + "which can achieve on par or even better performance than the original full networks when trained in "
        + "isolation. In this work, we for the first time perform an empirical study to verify whether such "
        + "trainable matching subnetworks also exist in style transfer models. Specifically, we take two most "
        + "popular style transfer models, i.e., AdaIN and SANet, as the main testbeds, which represent global "
        + "and local transformation based style transfer methods respectively. We carry out extensive "
        + "experiments and comprehensive analysis, and draw the following conclusions. (1) Compared with fixing "
        + "the VGG encoder, style transfer models can benefit more from training the whole network together. "
        + "(2) Using iterative magnitude pruning, we find the matching subnetworks at 89.2% sparsity in AdaIN "
        + "and 73.7% sparsity in SANet, which demonstrates that style transfer models can play lottery tickets "
        + "too. (3) The feature transformation module should also be pruned to obtain a much sparser model "
        + "without affecting the existence and quality of the matching subnetworks. (4) Besides AdaIN and "
        + "SANet, other models such as LST, MANet, AdaAttN and MCCNet can also play lottery tickets, which "
        + "shows that LTH can be generalized to various style transfer models.";

    /// <summary>Writes the record with keys starting at the writer's next free ids; returns the topics corpus works may share.</summary>
    public static IReadOnlyList<Topic> Write(BulkWriter writer)
    {
        var venue = new Venue
        {
            Id = writer.NextId<Venue>(), DisplayName = "arXiv", Type = "repository",
            HostOrganization = "Cornell University", HomepageUrl = "https://arxiv.org", Origin = RecordOrigin.Arxiv,
        };
        writer.Add(venue);

        var nanjing = new Institution
        {
            Id = writer.NextId<Institution>(), DisplayName = "Nanjing University", Acronyms = ["NJU"], Ror = "01rxvg760",
            CountryCode = "CN", Type = "education", City = "Nanjing", HomepageUrl = "https://www.nju.edu.cn", Origin = RecordOrigin.Arxiv,
        };
        var cardiff = new Institution
        {
            Id = nanjing.Id + 1, DisplayName = "Cardiff University", Ror = "03kk7td41",
            CountryCode = "GB", Type = "education", City = "Cardiff", HomepageUrl = "https://www.cardiff.ac.uk", Origin = RecordOrigin.Arxiv,
        };
        writer.Add(nanjing);
        writer.Add(cardiff);

        var firstTopic = writer.NextId<Topic>();
        Topic[] topics =
        [
            ComputerVisionTopic(firstTopic, "Advanced Neural Network Applications"),
            ComputerVisionTopic(firstTopic + 1, "Generative Adversarial Networks and Image Synthesis"),
        ];
        foreach (var topic in topics) writer.Add(topic);

        var work = new Work
        {
            Id = writer.NextId<Work>(), Title = PaperTitle, Abstract = PaperAbstract, Type = "preprint", Year = 2022,
            VenueId = venue.Id, ArxivId = ArxivId, IsOpenAccess = true, Language = "en", Origin = RecordOrigin.Arxiv,
        };
        writer.Add(work);
        writer.Add(new WorkTopic { WorkId = work.Id, TopicId = topics[0].Id, Score = 0.97, IsPrimary = true, WorkYear = work.Year });
        writer.Add(new WorkTopic { WorkId = work.Id, TopicId = topics[1].Id, Score = 0.91, WorkYear = work.Year });

        // Author order as on arXiv; the institution each authorship names (none for Meihao Kong).
        (string Name, Institution? Institution)[] authors =
        [
            ("Meihao Kong", null),
            ("Jing Huo", nanjing),
            ("Wenbin Li", nanjing),
            ("Jing Wu", cardiff),
            ("Yu-Kun Lai", cardiff),
            ("Yang Gao", nanjing),
        ];
        var researcherId = writer.NextId<Researcher>();
        var authorshipId = writer.NextId<Authorship>();
        for (var order = 0; order < authors.Length; order++)
        {
            var (name, institution) = authors[order];
            var researcher = new Researcher
            {
                Id = researcherId + order, Slug = Data.Slug.From(name), DisplayName = name, Origin = RecordOrigin.Arxiv,
            };
            writer.Add(researcher);
            var authorship = new Authorship
            {
                Id = authorshipId + order, WorkId = work.Id, ResearcherId = researcher.Id, AuthorOrder = order,
                Position = order == 0 ? AuthorPosition.First : order == authors.Length - 1 ? AuthorPosition.Last : AuthorPosition.Middle,
            };
            writer.Add(authorship);
            if (institution is not null)
                writer.Add(new AuthorshipInstitution { AuthorshipId = authorship.Id, InstitutionId = institution.Id });
        }
        return topics;
    }

    private static Topic ComputerVisionTopic(int id, string name) => new()
    {
        Id = id, DisplayName = name, Origin = RecordOrigin.Arxiv,
        SubfieldName = "Computer Vision and Pattern Recognition", FieldName = "Computer Science", DomainName = "Physical Sciences",
        SubfieldNumber = 1707, FieldNumber = 17, DomainNumber = 3,
    };
}
