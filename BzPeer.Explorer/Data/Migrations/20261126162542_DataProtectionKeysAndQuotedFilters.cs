using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeysAndQuotedFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Works_ArxivId",
                table: "Works");

            migrationBuilder.DropIndex(
                name: "IX_Works_Doi",
                table: "Works");

            migrationBuilder.DropIndex(
                name: "IX_Works_OpenAlexId",
                table: "Works");

            migrationBuilder.DropIndex(
                name: "IX_Venues_IssnL",
                table: "Venues");

            migrationBuilder.DropIndex(
                name: "IX_Venues_OpenAlexId",
                table: "Venues");

            migrationBuilder.DropIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics");

            migrationBuilder.DropIndex(
                name: "IX_Researchers_OpenAlexId",
                table: "Researchers");

            migrationBuilder.DropIndex(
                name: "IX_Researchers_Orcid",
                table: "Researchers");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_OpenAlexId",
                table: "Institutions");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_Ror",
                table: "Institutions");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationInvitations_OnePendingPerPair",
                table: "CollaborationInvitations");

            migrationBuilder.DropIndex(
                name: "IX_AuthorClaims_OneApproved",
                table: "AuthorClaims");

            migrationBuilder.DropIndex(
                name: "IX_AuthorClaims_OnePendingPerAccount",
                table: "AuthorClaims");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Works_ArxivId",
                table: "Works",
                column: "ArxivId",
                filter: "\"ArxivId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Works_Doi",
                table: "Works",
                column: "Doi",
                filter: "\"Doi\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Works_OpenAlexId",
                table: "Works",
                column: "OpenAlexId",
                unique: true,
                filter: "\"OpenAlexId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_IssnL",
                table: "Venues",
                column: "IssnL",
                filter: "\"IssnL\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_OpenAlexId",
                table: "Venues",
                column: "OpenAlexId",
                unique: true,
                filter: "\"OpenAlexId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics",
                column: "OpenAlexId",
                unique: true,
                filter: "\"OpenAlexId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Researchers_OpenAlexId",
                table: "Researchers",
                column: "OpenAlexId",
                unique: true,
                filter: "\"OpenAlexId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Researchers_Orcid",
                table: "Researchers",
                column: "Orcid",
                filter: "\"Orcid\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_OpenAlexId",
                table: "Institutions",
                column: "OpenAlexId",
                unique: true,
                filter: "\"OpenAlexId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Ror",
                table: "Institutions",
                column: "Ror",
                unique: true,
                filter: "\"Ror\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationInvitations_OnePendingPerPair",
                table: "CollaborationInvitations",
                columns: new[] { "SenderUserId", "RecipientUserId" },
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorClaims_OneApproved",
                table: "AuthorClaims",
                column: "ResearcherId",
                unique: true,
                filter: "\"Status\" = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorClaims_OnePendingPerAccount",
                table: "AuthorClaims",
                columns: new[] { "ResearcherId", "UserId" },
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_Works_ArxivId",
                table: "Works");

            migrationBuilder.DropIndex(
                name: "IX_Works_Doi",
                table: "Works");

            migrationBuilder.DropIndex(
                name: "IX_Works_OpenAlexId",
                table: "Works");

            migrationBuilder.DropIndex(
                name: "IX_Venues_IssnL",
                table: "Venues");

            migrationBuilder.DropIndex(
                name: "IX_Venues_OpenAlexId",
                table: "Venues");

            migrationBuilder.DropIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics");

            migrationBuilder.DropIndex(
                name: "IX_Researchers_OpenAlexId",
                table: "Researchers");

            migrationBuilder.DropIndex(
                name: "IX_Researchers_Orcid",
                table: "Researchers");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_OpenAlexId",
                table: "Institutions");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_Ror",
                table: "Institutions");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationInvitations_OnePendingPerPair",
                table: "CollaborationInvitations");

            migrationBuilder.DropIndex(
                name: "IX_AuthorClaims_OneApproved",
                table: "AuthorClaims");

            migrationBuilder.DropIndex(
                name: "IX_AuthorClaims_OnePendingPerAccount",
                table: "AuthorClaims");

            migrationBuilder.CreateIndex(
                name: "IX_Works_ArxivId",
                table: "Works",
                column: "ArxivId",
                filter: "ArxivId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Works_Doi",
                table: "Works",
                column: "Doi",
                filter: "Doi IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Works_OpenAlexId",
                table: "Works",
                column: "OpenAlexId",
                unique: true,
                filter: "OpenAlexId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_IssnL",
                table: "Venues",
                column: "IssnL",
                filter: "IssnL IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_OpenAlexId",
                table: "Venues",
                column: "OpenAlexId",
                unique: true,
                filter: "OpenAlexId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics",
                column: "OpenAlexId",
                unique: true,
                filter: "OpenAlexId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Researchers_OpenAlexId",
                table: "Researchers",
                column: "OpenAlexId",
                unique: true,
                filter: "OpenAlexId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Researchers_Orcid",
                table: "Researchers",
                column: "Orcid",
                filter: "Orcid IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_OpenAlexId",
                table: "Institutions",
                column: "OpenAlexId",
                unique: true,
                filter: "OpenAlexId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Ror",
                table: "Institutions",
                column: "Ror",
                unique: true,
                filter: "Ror IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationInvitations_OnePendingPerPair",
                table: "CollaborationInvitations",
                columns: new[] { "SenderUserId", "RecipientUserId" },
                unique: true,
                filter: "Status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorClaims_OneApproved",
                table: "AuthorClaims",
                column: "ResearcherId",
                unique: true,
                filter: "Status = 'Approved'");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorClaims_OnePendingPerAccount",
                table: "AuthorClaims",
                columns: new[] { "ResearcherId", "UserId" },
                unique: true,
                filter: "Status = 'Pending'");
        }
    }
}
