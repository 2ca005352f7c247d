using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <summary>
    /// The titles-and-abstracts table of works without prefix indexes: prefixes serve what is typed as it is typed,
    /// and for works that is their titles (WorkTitleSearch keeps its prefixes). Each prefix length indexed every word
    /// of every abstract once more, which made this table cost several times as much to build and keep as it does now.
    /// A prefix query still finds words in abstracts, by walking the words that start so.
    /// </summary>
    public partial class WorkSearchWithoutPrefixes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder, "");

        protected override void Down(MigrationBuilder migrationBuilder) => Create(migrationBuilder, ", prefix='2 3 4'");

        // The triggers name the table and stay as they are.
        private static void Create(MigrationBuilder migrationBuilder, string prefixes)
        {
            migrationBuilder.Sql("DROP TABLE WorkSearch");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE WorkSearch USING fts5(Title, Abstract, content='Works', content_rowid='Id', tokenize='unicode61 remove_diacritics 2'{prefixes})");
            migrationBuilder.Sql("INSERT INTO WorkSearch(WorkSearch) VALUES ('rebuild')");
        }
    }
}
