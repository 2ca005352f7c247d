using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using BzPeer.Explorer.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Data;

public class BulkWriterTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Rows_gathered_children_first_and_in_numbers_that_fill_no_whole_statement_are_all_stored_as_given(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        const int works = 1_000;
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            using (var writer = new BulkWriter(db))
            {
                var topicId = writer.NextId<Topic>();
                var firstWork = writer.NextId<Work>();
                for (var i = 0; i < works; i++)
                {
                    // The link before the rows it refers to: the writer orders the tables, not the caller.
                    writer.Add(new WorkTopic { WorkId = firstWork + i, TopicId = topicId, Score = i / 1000.0, IsPrimary = i % 2 == 0, WorkYear = 2000 + i % 20 });
                    writer.Add(new Work
                    {
                        Id = firstWork + i, Title = $"Work {i}", Abstract = i % 3 == 0 ? null : $"About {i}", Type = "article", Year = 2000 + i % 20,
                        PublicationDate = new DateOnly(2000 + i % 20, 1, 1 + i % 28), Origin = RecordOrigin.Synthetic,
                    });
                    if (i == 0)
                        writer.Add(new Topic { Id = topicId, DisplayName = "Bulk", SubfieldName = "S", FieldName = "F", DomainName = "D", Origin = RecordOrigin.Synthetic });
                }
                writer.Flush();
            }
            await transaction.CommitAsync();
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.Works.OrderBy(w => w.Id).ToListAsync();
            Assert.Equal(works, stored.Count);
            Assert.Equal(works, await db.WorkTopics.CountAsync());
            var last = stored[^1];
            Assert.Equal(($"Work {works - 1}", null, new DateOnly(2019, 1, 1 + (works - 1) % 28)), (last.Title, last.Abstract, last.PublicationDate));
            Assert.Equal($"About {works - 2}", stored[^2].Abstract);
            Assert.Equal(works / 2, await db.WorkTopics.CountAsync(t => t.IsPrimary));
        }
        if (provider == DatabaseProvider.Sqlite)
            Assert.Equal(works - (works + 2) / 3, await DatabaseContent.CountAsync(database, "SELECT COUNT(*) FROM WorkSearch WHERE WorkSearch MATCH 'about'"));
    }
}
