using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscrowP2P.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DetachableTradeTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "PreparedAt",
                table: "trades",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            // Trades first seen on-chain were stored with the default time (0): they were never prepared.
            migrationBuilder.Sql("UPDATE trades SET PreparedAt = NULL WHERE PreparedAt = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE trades SET PreparedAt = 0 WHERE PreparedAt IS NULL;");

            migrationBuilder.AlterColumn<long>(
                name: "PreparedAt",
                table: "trades",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
