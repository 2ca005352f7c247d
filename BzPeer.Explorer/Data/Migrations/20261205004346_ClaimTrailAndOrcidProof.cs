using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClaimTrailAndOrcidProof : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProvenOrcid",
                table: "AuthorClaims",
                type: "TEXT",
                maxLength: 19,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClaimDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimDecisions_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClaimDecisions_AuthorClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "AuthorClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimDecisions_ByUserId",
                table: "ClaimDecisions",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimDecisions_ClaimId_At",
                table: "ClaimDecisions",
                columns: new[] { "ClaimId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimDecisions");

            migrationBuilder.DropColumn(
                name: "ProvenOrcid",
                table: "AuthorClaims");
        }
    }
}
