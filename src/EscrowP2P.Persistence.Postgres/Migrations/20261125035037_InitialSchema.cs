using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EscrowP2P.Persistence.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    BlockHash = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TxHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    SignedTransaction = table.Column<string>(type: "text", nullable: true),
                    OutcomeJson = table.Column<string>(type: "text", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "moderator_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Moderator = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    TradeId = table.Column<string>(type: "text", nullable: false),
                    BuyerBps = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TxHash = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Seller = table.Column<string>(type: "text", nullable: false),
                    Token = table.Column<string>(type: "text", nullable: false),
                    MinAmount = table.Column<string>(type: "text", nullable: false),
                    MaxAmount = table.Column<string>(type: "text", nullable: false),
                    Price = table.Column<string>(type: "text", nullable: false),
                    FiatCurrency = table.Column<string>(type: "text", nullable: false),
                    PaymentMethods = table.Column<List<string>>(type: "text[]", nullable: false),
                    PaymentWindowSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Terms = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recent_blocks",
                columns: table => new
                {
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false),
                    ParentHash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recent_blocks", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "siwe_nonces",
                columns: table => new
                {
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_siwe_nonces", x => x.Value);
                });

            migrationBuilder.CreateTable(
                name: "trade_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TradeId = table.Column<string>(type: "text", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    BlockHash = table.Column<string>(type: "text", nullable: false),
                    TransactionHash = table.Column<string>(type: "text", nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    DataJson = table.Column<string>(type: "text", nullable: false),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    RemovedSeq = table.Column<long>(type: "bigint", nullable: true),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmedSeq = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trade_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    TradeId = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    Seller = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Buyer = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Token = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Amount = table.Column<string>(type: "character varying(78)", maxLength: 78, nullable: false),
                    PaymentWindowSeconds = table.Column<long>(type: "bigint", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: true),
                    FiatAmount = table.Column<string>(type: "text", nullable: true),
                    FiatCurrency = table.Column<string>(type: "text", nullable: true),
                    PaymentMethod = table.Column<string>(type: "text", nullable: true),
                    PreparedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FeeBps = table.Column<int>(type: "integer", nullable: true),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    CreatedBlock = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeq = table.Column<long>(type: "bigint", nullable: false)
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
