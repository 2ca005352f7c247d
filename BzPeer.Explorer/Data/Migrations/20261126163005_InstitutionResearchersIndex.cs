using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionResearchersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Affiliations_InstitutionId_LastYear",
                table: "Affiliations");

            migrationBuilder.CreateIndex(
                name: "IX_Affiliations_InstitutionId_LastYear_ResearcherId",
                table: "Affiliations",
                columns: new[] { "InstitutionId", "LastYear", "ResearcherId" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Affiliations_InstitutionId_LastYear_ResearcherId",
                table: "Affiliations");

            migrationBuilder.CreateIndex(
                name: "IX_Affiliations_InstitutionId_LastYear",
                table: "Affiliations",
                columns: new[] { "InstitutionId", "LastYear" },
                descending: new[] { false, true });
        }
    }
}
