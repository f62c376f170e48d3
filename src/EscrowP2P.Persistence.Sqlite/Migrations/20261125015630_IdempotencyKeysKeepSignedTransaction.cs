using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscrowP2P.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeysKeepSignedTransaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SignedTransaction",
                table: "idempotency_keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TxHash",
                table: "idempotency_keys",
                type: "TEXT",
                maxLength: 66,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignedTransaction",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "TxHash",
                table: "idempotency_keys");
        }
    }
}
