using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <summary>
    /// A title-only full-text table for works beside WorkSearch (titles and abstracts), kept in step by triggers like
    /// the others: matches in titles (suggestions, the ranking's name tier, exact titles) read only titles, instead of
    /// walking every abstract holding the words. PostgreSQL needs none: its weighted vector marks title words already.
    /// </summary>
    public partial class WorkTitleSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE WorkTitleSearch USING fts5(Title, content='Works', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')");
            migrationBuilder.Sql("CREATE TRIGGER WorkTitleSearch_Insert AFTER INSERT ON Works BEGIN INSERT INTO WorkTitleSearch(rowid, Title) VALUES (new.Id, new.Title); END");
            migrationBuilder.Sql("CREATE TRIGGER WorkTitleSearch_Delete AFTER DELETE ON Works BEGIN INSERT INTO WorkTitleSearch(WorkTitleSearch, rowid, Title) VALUES ('delete', old.Id, old.Title); END");
            migrationBuilder.Sql("CREATE TRIGGER WorkTitleSearch_Update AFTER UPDATE OF Title ON Works BEGIN INSERT INTO WorkTitleSearch(WorkTitleSearch, rowid, Title) VALUES ('delete', old.Id, old.Title); INSERT INTO WorkTitleSearch(rowid, Title) VALUES (new.Id, new.Title); END");
            migrationBuilder.Sql("INSERT INTO WorkTitleSearch(WorkTitleSearch) VALUES ('rebuild')");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkTitleSearch_Insert");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkTitleSearch_Delete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkTitleSearch_Update");
            migrationBuilder.Sql("DROP TABLE IF EXISTS WorkTitleSearch");
        }
    }
}
