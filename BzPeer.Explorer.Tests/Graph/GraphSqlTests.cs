using BzPeer.Explorer.Data;
using BzPeer.Explorer.Graph;
using BzPeer.Explorer.Tests.DemoData;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Graph;

/// <summary>Every statement behind graph slices, run on both engines over the same demo data.</summary>
public class GraphSqlTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    public static TheoryData<NodeKind> Kinds => new() { NodeKind.Person, NodeKind.Paper, NodeKind.Topic, NodeKind.Institution };

    [Theory, SqliteData, PostgresData]
    public async Task Every_neighbour_group_reads_a_page_that_agrees_with_its_count(DatabaseProvider provider)
    {
        await using var db = (await fixture.DatabaseAsync(provider)).CreateContext();
        foreach (var kind in Kinds)
        {
            var owner = await BusiestAsync(db, kind);
            foreach (var group in NeighbourGroups.Of(kind))
            {
                var page = await group.ReadPage(db, owner, 0, group.Cap, CancellationToken.None);
                var total = page.Total ?? await group.ReadCount!(db, owner, int.MaxValue, CancellationToken.None);
                Assert.True(total > 0, $"the demo data's busiest {kind} has {group.Noun}");
                if (group.ReadCount is { } count) Assert.Equal(Math.Min(total, 2), await count(db, owner, 2, CancellationToken.None));
                Assert.Equal(Math.Min(total, group.Cap), page.Neighbours.Count);
                Assert.All(page.Neighbours, n => Assert.Equal(group.Kind, n.Node.Kind));
                var next = await group.ReadPage(db, owner, group.Cap, group.Cap, CancellationToken.None);
                Assert.Equal(Math.Clamp(total - group.Cap, 0, group.Cap), next.Neighbours.Count);
                Assert.Empty(next.Neighbours.Select(n => n.Node.Id).Intersect(page.Neighbours.Select(n => n.Node.Id)));
            }
        }
    }

    [Theory, PostgresData]
    public async Task PostgreSQL_gives_every_group_and_every_link_the_same_answer_as_SQLite(DatabaseProvider provider)
    {
        await using var postgres = (await fixture.DatabaseAsync(provider)).CreateContext();
        await using var sqlite = (await fixture.DatabaseAsync(DatabaseProvider.Sqlite)).CreateContext();
        foreach (var kind in Kinds)
        {
            var owner = await BusiestAsync(sqlite, kind);
            Assert.Equal(owner, await BusiestAsync(postgres, kind));
            foreach (var group in NeighbourGroups.Of(kind))
                Assert.Equal(await ReadAsync(sqlite, group, owner), await ReadAsync(postgres, group, owner));
        }

        var papers = await sqlite.Works.OrderByDescending(w => w.CitedByCount).ThenBy(w => w.Id).Select(w => w.Id).Take(40).ToListAsync();
        var people = await sqlite.Researchers.OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id).Select(r => r.Id).Take(40).ToListAsync();
        foreach (var kind in Enum.GetValues<LinkKind>())
        {
            var from = kind is LinkKind.Institution or LinkKind.CoAuthor ? people : papers;
            var select = GraphSql.LinkSelect(kind, from);
            var fromSqlite = Sorted(await GraphSql.LinksAsync(sqlite, [select], CancellationToken.None));
            Assert.NotEmpty(fromSqlite);
            Assert.Equal(fromSqlite, Sorted(await GraphSql.LinksAsync(postgres, [select], CancellationToken.None)));
        }

        static List<LinkRow> Sorted(List<LinkRow> rows) => rows.OrderBy(r => r.FromId).ThenBy(r => r.ToId).ToList();
    }

    private static async Task<List<string>> ReadAsync(ExplorerDbContext db, NeighbourGroup group, int owner)
    {
        var page = await group.ReadPage(db, owner, 0, group.Cap, CancellationToken.None);
        var total = page.Total ?? await group.ReadCount!(db, owner, int.MaxValue, CancellationToken.None);
        return page.Neighbours.Select(n => $"{n.Node.Id} {n.Node.Label} {n.Node.Detail} {n.Node.Count} {n.Weight}").Append($"total {total}").ToList();
    }

    /// <summary>The record of a kind with the most works, so that each of its groups has neighbours.</summary>
    private static Task<int> BusiestAsync(ExplorerDbContext db, NodeKind kind) => kind switch
    {
        NodeKind.Person => db.Researchers.OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        NodeKind.Paper => db.Works.Where(w => w.VenueId != null && db.Citations.Any(c => c.CitingWorkId == w.Id))
            .OrderByDescending(w => db.Citations.Count(c => c.CitedWorkId == w.Id)).ThenBy(w => w.Id).Select(w => w.Id).FirstAsync(),
        NodeKind.Topic => db.Topics.OrderByDescending(t => t.WorksCount).ThenBy(t => t.Id).Select(t => t.Id).FirstAsync(),
        _ => db.Institutions.OrderByDescending(i => i.WorksCount).ThenBy(i => i.Id).Select(i => i.Id).FirstAsync(),
    };
}
