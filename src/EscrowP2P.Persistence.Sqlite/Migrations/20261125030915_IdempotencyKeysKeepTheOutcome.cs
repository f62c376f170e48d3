using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscrowP2P.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeysKeepTheOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatusCode",
                table: "idempotency_keys");

            migrationBuilder.RenameColumn(
                name: "ResponseJson",
                table: "idempotency_keys",
                newName: "OutcomeJson");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "OutcomeJson",
                table: "idempotency_keys",
                newName: "ResponseJson");

            migrationBuilder.AddColumn<int>(
                name: "StatusCode",
                table: "idempotency_keys",
                type: "INTEGER",
                nullable: true);

            // The status each stored outcome was answered with.
            migrationBuilder.Sql(
                """
                UPDATE idempotency_keys SET "StatusCode" = CASE
                    WHEN "ResponseJson" LIKE '%"tradeStatus"%' THEN 409
                    WHEN "ResponseJson" LIKE '%"status":"pending"%' THEN 202
                    ELSE 200 END
                WHERE "ResponseJson" IS NOT NULL
                """);
        }
    }
}
