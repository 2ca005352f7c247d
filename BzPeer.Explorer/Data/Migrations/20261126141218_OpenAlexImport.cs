using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenAlexImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Authorships_ResearcherId_WorkId",
                table: "Authorships");

            migrationBuilder.AddColumn<DateOnly>(
                name: "UpdatedDate",
                table: "Venues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UpdatedDate",
                table: "Topics",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MergedIds",
                columns: table => new
                {
                    OpenAlexId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MergedIntoId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MergeDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedIds", x => x.OpenAlexId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Authorships_ResearcherId_WorkId",
                table: "Authorships",
                columns: new[] { "ResearcherId", "WorkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MergedIds_MergedIntoId",
                table: "MergedIds",
                column: "MergedIntoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MergedIds");

            migrationBuilder.DropIndex(
                name: "IX_Authorships_ResearcherId_WorkId",
                table: "Authorships");

            migrationBuilder.DropColumn(
                name: "UpdatedDate",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "UpdatedDate",
                table: "Topics");

            migrationBuilder.CreateIndex(
                name: "IX_Authorships_ResearcherId_WorkId",
                table: "Authorships",
                columns: new[] { "ResearcherId", "WorkId" });
        }
    }
}
