using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations.Postgres
{
    /// <summary>
    /// The full-text index on PostgreSQL: a generated tsvector column per searchable table, weighted by field (names
    /// and titles A, abstracts and places lower), with a GIN index. Accents are folded by unaccent on the way in, and
    /// the same folding is applied to queries (Search/SearchService.cs). Generated columns follow every write, so no
    /// trigger is needed.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent");
            // unaccent() is only STABLE (its dictionary could change); generated columns need IMMUTABLE functions, so
            // these wrappers name the dictionary explicitly and promise what the index relies on.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_fold(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT unaccent('unaccent'::regdictionary, array_to_string($1, ' ')) $$
                """);
            AddSearchColumn(migrationBuilder, "Researchers", ("DisplayName", 'A'), ("AlternativeNames", 'B'));
            AddSearchColumn(migrationBuilder, "Works", ("Title", 'A'), ("Abstract", 'D'));
            AddSearchColumn(migrationBuilder, "Topics", ("DisplayName", 'A'), ("SubfieldName", 'C'), ("FieldName", 'D'), ("DomainName", 'D'));
            AddSearchColumn(migrationBuilder, "Institutions", ("DisplayName", 'A'), ("Acronyms", 'B'), ("City", 'C'), ("CountryCode", 'D'));
        }

        private static void AddSearchColumn(MigrationBuilder migrationBuilder, string table, params (string Column, char Weight)[] fields)
        {
            var document = string.Join(" || ", fields.Select(f =>
                $"setweight(to_tsvector('simple'::regconfig, coalesce(search_fold(\"{f.Column}\"), '')), '{f.Weight}')"));
            migrationBuilder.Sql($"ALTER TABLE \"{table}\" ADD COLUMN \"SearchVector\" tsvector GENERATED ALWAYS AS ({document}) STORED");
            migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_SearchVector\" ON \"{table}\" USING GIN (\"SearchVector\")");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Researchers", "Works", "Topics", "Institutions" })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"SearchVector\"");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS search_fold(text[])");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS search_fold(text)");
        }
    }
}
