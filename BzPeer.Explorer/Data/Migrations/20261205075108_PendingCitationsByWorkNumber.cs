using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingCitationsByWorkNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the table is made again as a WITHOUT ROWID table (its key is the table), which EF cannot
            // express, and the pending references are kept, their ids turned into numbers.
            migrationBuilder.Sql("""
                CREATE TABLE "PendingCitations_new" (
                    "CitedWorkNumber" INTEGER NOT NULL,
                    "CitingWorkId" INTEGER NOT NULL,
                    CONSTRAINT "PK_PendingCitations" PRIMARY KEY ("CitedWorkNumber", "CitingWorkId"),
                    CONSTRAINT "FK_PendingCitations_Works_CitingWorkId" FOREIGN KEY ("CitingWorkId") REFERENCES "Works" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID
                """);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "PendingCitations_new" ("CitedWorkNumber", "CitingWorkId")
                SELECT CAST(substr("CitedOpenAlexId", 2) AS INTEGER), "CitingWorkId" FROM "PendingCitations"
                WHERE "CitedOpenAlexId" GLOB 'W[0-9]*' AND NOT substr("CitedOpenAlexId", 2) GLOB '*[^0-9]*'
                """);
            migrationBuilder.Sql("DROP TABLE \"PendingCitations\"");
            migrationBuilder.Sql("ALTER TABLE \"PendingCitations_new\" RENAME TO \"PendingCitations\"");
            migrationBuilder.CreateIndex(
                name: "IX_PendingCitations_CitingWorkId",
                table: "PendingCitations",
                column: "CitingWorkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "PendingCitations_old" (
                    "CitingWorkId" INTEGER NOT NULL,
                    "CitedOpenAlexId" TEXT NOT NULL,
                    CONSTRAINT "PK_PendingCitations" PRIMARY KEY ("CitingWorkId", "CitedOpenAlexId"),
                    CONSTRAINT "FK_PendingCitations_Works_CitingWorkId" FOREIGN KEY ("CitingWorkId") REFERENCES "Works" ("Id") ON DELETE CASCADE
                )
                """);
            migrationBuilder.Sql("""
                INSERT INTO "PendingCitations_old" ("CitingWorkId", "CitedOpenAlexId")
                SELECT "CitingWorkId", 'W' || "CitedWorkNumber" FROM "PendingCitations"
                """);
            migrationBuilder.Sql("DROP TABLE \"PendingCitations\"");
            migrationBuilder.Sql("ALTER TABLE \"PendingCitations_old\" RENAME TO \"PendingCitations\"");
            migrationBuilder.CreateIndex(
                name: "IX_PendingCitations_CitedOpenAlexId",
                table: "PendingCitations",
                column: "CitedOpenAlexId");
        }
    }
}
