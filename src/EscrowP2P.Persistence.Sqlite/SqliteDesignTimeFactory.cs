using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EscrowP2P.Persistence.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/EscrowP2P.Persistence.Sqlite --startup-project src/EscrowP2P.Persistence.Sqlite`
/// build the SQLite model without the web host.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<EscrowDbContext>
{
    public EscrowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EscrowDbContext>().UseSqliteStore("Data Source=design-time.db").Options);
}
