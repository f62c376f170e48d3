using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscrowP2P.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TradesFirstSeenOnChainWereNeverPrepared : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Trades first seen on-chain were stored with the default time (0): they were never prepared. Its own
            // migration: on SQLite the column change before it rebuilds the table, which must come first.
            migrationBuilder.Sql("UPDATE trades SET PreparedAt = NULL WHERE PreparedAt = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE trades SET PreparedAt = 0 WHERE PreparedAt IS NULL;");
        }
    }
}
