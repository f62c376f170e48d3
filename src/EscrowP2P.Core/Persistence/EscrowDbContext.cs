using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Auth;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Moderation;
using EscrowP2P.Core.Offers;
using EscrowP2P.Core.Trades;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Core.Persistence;

public sealed class EscrowDbContext(DbContextOptions<EscrowDbContext> options) : DbContext(options)
{
    public DbSet<Trade> Trades => Set<Trade>();
    public DbSet<TradeEvent> TradeEvents => Set<TradeEvent>();
    public DbSet<ChainCursor> ChainCursors => Set<ChainCursor>();
    public DbSet<RecentBlock> RecentBlocks => Set<RecentBlock>();
    public DbSet<SiweNonce> SiweNonces => Set<SiweNonce>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<ModeratorAuditEntry> ModeratorAudit => Set<ModeratorAuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<TradeId>().HaveConversion<TradeIdConverter>();
        ProviderDifferences.Apply(configurationBuilder, Database.ProviderName);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Trade>(trade =>
        {
            trade.ToTable("trades");
            trade.HasKey(t => t.TradeId);
            trade.Property(t => t.TradeId).HasMaxLength(66);
            trade.Property(t => t.Seller).HasMaxLength(42);
            trade.Property(t => t.Buyer).HasMaxLength(42);
            trade.Property(t => t.Token).HasMaxLength(42);
            trade.Property(t => t.Amount).HasMaxLength(78);
            trade.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            // Fences ingestion: a writer that read an older sequence number cannot overwrite a newer one.
            trade.Property(t => t.LastSeq).IsConcurrencyToken();
            trade.HasIndex(t => t.Seller);
            trade.HasIndex(t => t.Buyer);
            trade.HasIndex(t => t.Status);
        });

        modelBuilder.Entity<TradeEvent>(e =>
        {
            e.ToTable("trade_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.BlockHash, x.LogIndex }).IsUnique();
            e.HasIndex(x => new { x.TradeId, x.Seq });
            e.HasIndex(x => x.BlockNumber);
            e.Property(x => x.Name).HasMaxLength(32);
        });

        modelBuilder.Entity<ChainCursor>(c =>
        {
            c.ToTable("chain_cursor");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            // Fences ingestion: a batch moves the cursor only from where it started, so two ingesters never both commit.
            c.Property(x => x.BlockNumber).IsConcurrencyToken();
            c.Property(x => x.BlockHash).IsConcurrencyToken();
        });

        modelBuilder.Entity<RecentBlock>(b =>
        {
            b.ToTable("recent_blocks");
            b.HasKey(x => x.Number);
            b.Property(x => x.Number).ValueGeneratedNever();
        });

        modelBuilder.Entity<SiweNonce>(n =>
        {
            n.ToTable("siwe_nonces");
            n.HasKey(x => x.Value);
            n.Property(x => x.Value).HasMaxLength(64);
            n.HasIndex(x => x.ExpiresAt);
        });

        modelBuilder.Entity<Offer>(o =>
        {
            o.ToTable("offers");
            o.HasKey(x => x.Id);
            o.HasIndex(x => x.Seller);
            o.HasIndex(x => x.Token);
        });

        modelBuilder.Entity<ModeratorAuditEntry>(a =>
        {
            a.ToTable("moderator_audit");
            a.HasKey(x => x.Id);
            a.HasIndex(x => x.TradeId);
            a.HasIndex(x => x.RequestedAt);
            a.Property(x => x.Outcome).HasConversion(o => o.ToString().ToLowerInvariant(), s => Enum.Parse<ModeratorActionOutcome>(s, true));
        });

        modelBuilder.Entity<IdempotencyRecord>(i =>
        {
            i.ToTable("idempotency_keys");
            i.HasKey(x => new { x.Scope, x.Key });
            i.Property(x => x.Key).HasMaxLength(128);
            i.Property(x => x.TxHash).HasMaxLength(66);
        });
    }
}
