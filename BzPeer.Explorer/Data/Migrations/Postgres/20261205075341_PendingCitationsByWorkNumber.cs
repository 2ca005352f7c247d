using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingCitationsByWorkNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Edited by hand: the pending references are kept, their ids turned into numbers, before the text column goes.
            migrationBuilder.AddColumn<long>(
                name: "CitedWorkNumber",
                table: "PendingCitations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                DELETE FROM "PendingCitations" WHERE "CitedOpenAlexId" !~ '^W[0-9]{1,18}$'
                """);
            migrationBuilder.Sql("""
                UPDATE "PendingCitations" SET "CitedWorkNumber" = CAST(substr("CitedOpenAlexId", 2) AS bigint)
                """);
            migrationBuilder.Sql("""
                DELETE FROM "PendingCitations" p USING "PendingCitations" q
                WHERE p."CitingWorkId" = q."CitingWorkId" AND p."CitedWorkNumber" = q."CitedWorkNumber" AND p."CitedOpenAlexId" > q."CitedOpenAlexId"
                """);

            migrationBuilder.DropPrimaryKey(
                name: "PK_PendingCitations",
                table: "PendingCitations");

            migrationBuilder.DropIndex(
                name: "IX_PendingCitations_CitedOpenAlexId",
                table: "PendingCitations");

            migrationBuilder.DropColumn(
                name: "CitedOpenAlexId",
                table: "PendingCitations");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PendingCitations",
                table: "PendingCitations",
                columns: new[] { "CitedWorkNumber", "CitingWorkId" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingCitations_CitingWorkId",
                table: "PendingCitations",
                column: "CitingWorkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CitedOpenAlexId",
                table: "PendingCitations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "PendingCitations" SET "CitedOpenAlexId" = 'W' || "CitedWorkNumber"
                """);

            migrationBuilder.DropPrimaryKey(
                name: "PK_PendingCitations",
                table: "PendingCitations");

            migrationBuilder.DropIndex(
                name: "IX_PendingCitations_CitingWorkId",
                table: "PendingCitations");

            migrationBuilder.DropColumn(
                name: "CitedWorkNumber",
                table: "PendingCitations");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PendingCitations",
                table: "PendingCitations",
                columns: new[] { "CitingWorkId", "CitedOpenAlexId" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingCitations_CitedOpenAlexId",
                table: "PendingCitations",
                column: "CitedOpenAlexId");
        }
    }
}
