using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <summary>
    /// The full-text index: an FTS5 table per kind over its entity table (external content), kept in step by
    /// triggers, filled from the rows already stored. Accent and case folding come from the tokenizer.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ResearcherSearch USING fts5(DisplayName, AlternativeNames, content='Researchers', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')");
            migrationBuilder.Sql("CREATE TRIGGER ResearcherSearch_Insert AFTER INSERT ON Researchers BEGIN INSERT INTO ResearcherSearch(rowid, DisplayName, AlternativeNames) VALUES (new.Id, new.DisplayName, new.AlternativeNames); END");
            migrationBuilder.Sql("CREATE TRIGGER ResearcherSearch_Delete AFTER DELETE ON Researchers BEGIN INSERT INTO ResearcherSearch(ResearcherSearch, rowid, DisplayName, AlternativeNames) VALUES ('delete', old.Id, old.DisplayName, old.AlternativeNames); END");
            migrationBuilder.Sql("CREATE TRIGGER ResearcherSearch_Update AFTER UPDATE OF DisplayName, AlternativeNames ON Researchers BEGIN INSERT INTO ResearcherSearch(ResearcherSearch, rowid, DisplayName, AlternativeNames) VALUES ('delete', old.Id, old.DisplayName, old.AlternativeNames); INSERT INTO ResearcherSearch(rowid, DisplayName, AlternativeNames) VALUES (new.Id, new.DisplayName, new.AlternativeNames); END");
            migrationBuilder.Sql("INSERT INTO ResearcherSearch(ResearcherSearch) VALUES ('rebuild')");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE WorkSearch USING fts5(Title, Abstract, content='Works', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')");
            migrationBuilder.Sql("CREATE TRIGGER WorkSearch_Insert AFTER INSERT ON Works BEGIN INSERT INTO WorkSearch(rowid, Title, Abstract) VALUES (new.Id, new.Title, new.Abstract); END");
            migrationBuilder.Sql("CREATE TRIGGER WorkSearch_Delete AFTER DELETE ON Works BEGIN INSERT INTO WorkSearch(WorkSearch, rowid, Title, Abstract) VALUES ('delete', old.Id, old.Title, old.Abstract); END");
            migrationBuilder.Sql("CREATE TRIGGER WorkSearch_Update AFTER UPDATE OF Title, Abstract ON Works BEGIN INSERT INTO WorkSearch(WorkSearch, rowid, Title, Abstract) VALUES ('delete', old.Id, old.Title, old.Abstract); INSERT INTO WorkSearch(rowid, Title, Abstract) VALUES (new.Id, new.Title, new.Abstract); END");
            migrationBuilder.Sql("INSERT INTO WorkSearch(WorkSearch) VALUES ('rebuild')");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE TopicSearch USING fts5(DisplayName, SubfieldName, FieldName, DomainName, content='Topics', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')");
            migrationBuilder.Sql("CREATE TRIGGER TopicSearch_Insert AFTER INSERT ON Topics BEGIN INSERT INTO TopicSearch(rowid, DisplayName, SubfieldName, FieldName, DomainName) VALUES (new.Id, new.DisplayName, new.SubfieldName, new.FieldName, new.DomainName); END");
            migrationBuilder.Sql("CREATE TRIGGER TopicSearch_Delete AFTER DELETE ON Topics BEGIN INSERT INTO TopicSearch(TopicSearch, rowid, DisplayName, SubfieldName, FieldName, DomainName) VALUES ('delete', old.Id, old.DisplayName, old.SubfieldName, old.FieldName, old.DomainName); END");
            migrationBuilder.Sql("CREATE TRIGGER TopicSearch_Update AFTER UPDATE OF DisplayName, SubfieldName, FieldName, DomainName ON Topics BEGIN INSERT INTO TopicSearch(TopicSearch, rowid, DisplayName, SubfieldName, FieldName, DomainName) VALUES ('delete', old.Id, old.DisplayName, old.SubfieldName, old.FieldName, old.DomainName); INSERT INTO TopicSearch(rowid, DisplayName, SubfieldName, FieldName, DomainName) VALUES (new.Id, new.DisplayName, new.SubfieldName, new.FieldName, new.DomainName); END");
            migrationBuilder.Sql("INSERT INTO TopicSearch(TopicSearch) VALUES ('rebuild')");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE InstitutionSearch USING fts5(DisplayName, Acronyms, City, CountryCode, content='Institutions', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')");
            migrationBuilder.Sql("CREATE TRIGGER InstitutionSearch_Insert AFTER INSERT ON Institutions BEGIN INSERT INTO InstitutionSearch(rowid, DisplayName, Acronyms, City, CountryCode) VALUES (new.Id, new.DisplayName, new.Acronyms, new.City, new.CountryCode); END");
            migrationBuilder.Sql("CREATE TRIGGER InstitutionSearch_Delete AFTER DELETE ON Institutions BEGIN INSERT INTO InstitutionSearch(InstitutionSearch, rowid, DisplayName, Acronyms, City, CountryCode) VALUES ('delete', old.Id, old.DisplayName, old.Acronyms, old.City, old.CountryCode); END");
            migrationBuilder.Sql("CREATE TRIGGER InstitutionSearch_Update AFTER UPDATE OF DisplayName, Acronyms, City, CountryCode ON Institutions BEGIN INSERT INTO InstitutionSearch(InstitutionSearch, rowid, DisplayName, Acronyms, City, CountryCode) VALUES ('delete', old.Id, old.DisplayName, old.Acronyms, old.City, old.CountryCode); INSERT INTO InstitutionSearch(rowid, DisplayName, Acronyms, City, CountryCode) VALUES (new.Id, new.DisplayName, new.Acronyms, new.City, new.CountryCode); END");
            migrationBuilder.Sql("INSERT INTO InstitutionSearch(InstitutionSearch) VALUES ('rebuild')");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ResearcherSearch_Insert");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ResearcherSearch_Delete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ResearcherSearch_Update");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ResearcherSearch");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkSearch_Insert");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkSearch_Delete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS WorkSearch_Update");
            migrationBuilder.Sql("DROP TABLE IF EXISTS WorkSearch");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TopicSearch_Insert");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TopicSearch_Delete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TopicSearch_Update");
            migrationBuilder.Sql("DROP TABLE IF EXISTS TopicSearch");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS InstitutionSearch_Insert");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS InstitutionSearch_Delete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS InstitutionSearch_Update");
            migrationBuilder.Sql("DROP TABLE IF EXISTS InstitutionSearch");
        }
    }
}
