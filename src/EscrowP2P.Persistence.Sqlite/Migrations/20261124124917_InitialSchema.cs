using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EscrowP2P.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chain_cursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockHash = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseJson = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "moderator_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Moderator = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    TradeId = table.Column<string>(type: "TEXT", nullable: false),
                    BuyerBps = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TxHash = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seller = table.Column<string>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", nullable: false),
                    MinAmount = table.Column<string>(type: "TEXT", nullable: false),
                    MaxAmount = table.Column<string>(type: "TEXT", nullable: false),
                    Price = table.Column<string>(type: "TEXT", nullable: false),
                    FiatCurrency = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentMethods = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentWindowSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recent_blocks",
                columns: table => new
                {
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    ParentHash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recent_blocks", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "siwe_nonces",
                columns: table => new
                {
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsumedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siwe_nonces", x => x.Value);
                });

            migrationBuilder.CreateTable(
                name: "trade_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TradeId = table.Column<string>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockHash = table.Column<string>(type: "TEXT", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", nullable: false),
                    LogIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedSeq = table.Column<long>(type: "INTEGER", nullable: true),
                    ObservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmedSeq = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trade_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    TradeId = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    Seller = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Buyer = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Amount = table.Column<string>(type: "TEXT", maxLength: 78, nullable: false),
                    PaymentWindowSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FiatAmount = table.Column<string>(type: "TEXT", nullable: true),
                    FiatCurrency = table.Column<string>(type: "TEXT", nullable: true),
                    PaymentMethod = table.Column<string>(type: "TEXT", nullable: true),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FeeBps = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBlock = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trades", x => x.TradeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_moderator_audit_RequestedAt",
                table: "moderator_audit",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_audit_TradeId",
                table: "moderator_audit",
                column: "TradeId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_Seller",
                table: "offers",
                column: "Seller");

            migrationBuilder.CreateIndex(
                name: "IX_offers_Token",
                table: "offers",
                column: "Token");

            migrationBuilder.CreateIndex(
                name: "IX_siwe_nonces_ExpiresAt",
                table: "siwe_nonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_trade_events_BlockHash_LogIndex",
                table: "trade_events",
                columns: new[] { "BlockHash", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trade_events_BlockNumber",
                table: "trade_events",
                column: "BlockNumber");

            migrationBuilder.CreateIndex(
                name: "IX_trade_events_TradeId_Seq",
                table: "trade_events",
                columns: new[] { "TradeId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_Buyer",
                table: "trades",
                column: "Buyer");

            migrationBuilder.CreateIndex(
                name: "IX_trades_Seller",
                table: "trades",
                column: "Seller");

            migrationBuilder.CreateIndex(
                name: "IX_trades_Status",
                table: "trades",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chain_cursor");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "moderator_audit");

            migrationBuilder.DropTable(
                name: "offers");

            migrationBuilder.DropTable(
                name: "recent_blocks");

            migrationBuilder.DropTable(
                name: "siwe_nonces");

            migrationBuilder.DropTable(
                name: "trade_events");

            migrationBuilder.DropTable(
                name: "trades");
        }
    }
}
