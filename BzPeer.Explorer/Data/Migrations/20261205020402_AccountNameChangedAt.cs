using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BzPeer.Explorer.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountNameChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DisplayNameChangedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayNameChangedAt",
                table: "AspNetUsers");
        }
    }
}
