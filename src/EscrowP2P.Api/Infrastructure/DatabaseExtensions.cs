using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Api.Infrastructure;

public static class DatabaseExtensions
{
    /// <summary>
    /// The database of trades, events, offers, nonces and moderation: EF Core on SQLite (a file in the data folder by
    /// default) or on PostgreSQL, which several instances share (see <see cref="DatabaseSettings"/>).
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDbContextFactory<EscrowDbContext>(database.Configure);
        builder.Services.AddDbContext<EscrowDbContext>(database.Configure, optionsLifetime: ServiceLifetime.Singleton);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations before the service takes requests. Instances starting together on one PostgreSQL
    /// database take turns: EF Core holds a lock on the migrations history while it migrates.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStart", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscrowDbContext>();
        if (db.Database.IsSqlite()) CreateDataFolder(db);
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers (REST, the hub) never wait for the listener's commits, and commits are cheaper.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private static void CreateDataFolder(EscrowDbContext db)
    {
        var folder = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
