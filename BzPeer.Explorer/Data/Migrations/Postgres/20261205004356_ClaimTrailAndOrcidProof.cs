using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations.Postgres
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
                type: "character varying(19)",
                maxLength: 19,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClaimDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClaimId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
