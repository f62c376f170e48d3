using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Api.Infrastructure;

public static class DatabaseExtensions
{
    /// <summary>The database of trades, events, offers, nonces and moderation: EF Core on SQLite (a file in the data folder by default).</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration["Database:ConnectionString"]
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", "escrowp2p.db")}";
        builder.Services.AddDbContextFactory<EscrowDbContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddDbContext<EscrowDbContext>(options => options.UseSqlite(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        return builder;
    }

    /// <summary>Applies pending migrations before the service takes requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStart", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscrowDbContext>();
        var folder = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        await db.Database.MigrateAsync();
        // Write-ahead logging: readers (REST, the hub) never wait for the listener's commits, and commits are cheaper.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
