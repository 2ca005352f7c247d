using BzPeer.Explorer.Data;
using BzPeer.Explorer.Graph;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Benchmarks;

/// <summary>
/// The ids a benchmark uses, read from the database itself: the most connected records (hubs) mixed with
/// ordinary ones picked at random (fixed seed), so the percentiles cover both.
/// </summary>
public sealed record BenchSample(
    IReadOnlyList<string> People, IReadOnlyList<string> Papers, IReadOnlyList<string> Topics, IReadOnlyList<string> Institutions,
    IReadOnlyList<string> SearchPrefixes)
{
    private const int Hubs = 10;
    private const int Ordinary = 40;

    public static async Task<BenchSample> LoadAsync(IDbContextFactory<ExplorerDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var random = new Random(7);

        var hubPeople = await db.Researchers.OrderByDescending(r => r.WorksCount).Take(Hubs).Select(r => r.Id).ToListAsync();
        var people = await IdsAsync(db.Researchers.Where(r => r.WorksCount > 0).Select(r => r.Id), hubPeople, random);
        var slugs = await db.Researchers.Where(r => people.Contains(r.Id)).Select(r => new { r.Id, r.Slug, r.DisplayName }).ToListAsync();
        var personIds = people.Select(id => slugs.First(s => s.Id == id)).ToList();

        var hubPapers = await db.Works.OrderByDescending(w => w.CitedByCount).Take(Hubs).Select(w => w.Id).ToListAsync();
        var papers = await IdsAsync(db.Works.Select(w => w.Id), hubPapers, random);

        var hubTopics = await db.Topics.OrderByDescending(t => t.WorksCount).Take(Hubs).Select(t => t.Id).ToListAsync();
        var topics = await IdsAsync(db.Topics.Select(t => t.Id), hubTopics, random);

        var hubInstitutions = await db.Institutions.OrderByDescending(i => i.WorksCount).Take(Hubs).Select(i => i.Id).ToListAsync();
        var institutions = await IdsAsync(db.Institutions.Select(i => i.Id), hubInstitutions, random);

        // What people type: one or two letters, the start of a first name, a whole first name (the most common name
        // parts: each is shared by many), a first name and the start of a surname, a surname; for papers the start of a
        // title, one word and the start of the next.
        var prefixes = personIds.SelectMany(p =>
        {
            var parts = p.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new[]
            {
                parts[0][..1],
                parts[^1][..Math.Min(2, parts[^1].Length)],
                parts[0][..Math.Min(3, parts[0].Length)],
                parts[0],
                parts.Length > 1 ? $"{parts[0]} {parts[^1][..Math.Min(2, parts[^1].Length)]}" : parts[0],
                parts[^1],
            };
        }).ToList();
        var titles = await db.Works.Where(w => papers.Contains(w.Id)).OrderBy(w => w.Id).Select(w => w.Title).ToListAsync();
        prefixes.AddRange(titles.SelectMany(title =>
        {
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length < 2 ? [title[..Math.Min(2, title.Length)]]
                : new[] { words[0][..Math.Min(2, words[0].Length)], $"{words[0]} {words[1][..Math.Min(2, words[1].Length)]}" };
        }));

        return new BenchSample(
            personIds.Select(p => NodeIds.Person(p.Slug)).ToList(),
            papers.Select(NodeIds.Paper).ToList(),
            topics.Select(NodeIds.Topic).ToList(),
            institutions.Select(NodeIds.Institution).ToList(),
            prefixes);
    }

    /// <summary>The hubs, then ordinary ids found by seeking random points of the key range, interleaved.</summary>
    private static async Task<List<int>> IdsAsync(IQueryable<int> ids, List<int> hubs, Random random)
    {
        var min = await ids.OrderBy(id => id).FirstOrDefaultAsync();
        var max = await ids.OrderByDescending(id => id).FirstOrDefaultAsync();
        var ordinary = new List<int>();
        for (var i = 0; i < Ordinary * 3 && ordinary.Count < Ordinary && max > 0; i++)
        {
            var target = random.Next(min, max + 1);
            var id = await ids.Where(x => x >= target).OrderBy(x => x).FirstOrDefaultAsync();
            if (id != 0 && !hubs.Contains(id) && !ordinary.Contains(id)) ordinary.Add(id);
        }
        var mixed = new List<int>();
        for (var i = 0; i < Math.Max(hubs.Count, ordinary.Count); i++)
        {
            if (i < ordinary.Count) mixed.Add(ordinary[i]);
            if (i < hubs.Count) mixed.Add(hubs[i]);
        }
        // Hubs first in the list, so expansion starts from the most connected person.
        return hubs.Take(1).Concat(mixed.Where(id => id != hubs.FirstOrDefault())).ToList();
    }
}
