using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EscrowP2P.Api.Coordination;

public static class CoordinationExtensions
{
    /// <summary>
    /// What instances agree on: who ingests chain events and whose turn it is to send a moderator transaction. On
    /// PostgreSQL (Database:Provider=Postgres) advisory locks in the shared database; on SQLite there is one instance,
    /// which always leads and serialises in process.
    /// </summary>
    public static WebApplicationBuilder AddInstanceCoordination(this WebApplicationBuilder builder)
    {
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = AdvisoryLockSessions.ConnectionString(database.ConnectionString);
            builder.Services.AddSingleton<IIngestionLock>(new PostgresIngestionLock(connectionString));
            builder.Services.AddSingleton<IModeratorSendLock>(new PostgresModeratorSendLock(connectionString));
        }
        else
        {
            builder.Services.AddSingleton<IIngestionLock, SoleInstanceIngestionLock>();
            builder.Services.AddSingleton<IModeratorSendLock, InProcessModeratorSendLock>();
            builder.Services.AddSingleton<SqliteInstanceLock>();
        }
        return builder;
    }

    /// <summary>
    /// On a SQLite file, claims it for this process before anything reads or migrates it; the claim ends when the app
    /// stops. Fails the start-up when another instance holds it.
    /// </summary>
    public static WebApplication ClaimSqliteDatabase(this WebApplication app)
    {
        var instanceLock = app.Services.GetService<SqliteInstanceLock>();
        if (instanceLock is null) return app;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EscrowDbContext>();
        if (!db.Database.IsSqlite()) return app;
        if (SqliteInstanceLock.DatabaseFile(db.Database.GetConnectionString()) is { } file) instanceLock.Claim(file);
        return app;
    }
}
