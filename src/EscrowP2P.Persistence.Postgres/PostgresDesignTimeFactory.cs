using EscrowP2P.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EscrowP2P.Persistence.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/EscrowP2P.Persistence.Postgres --startup-project src/EscrowP2P.Persistence.Postgres`
/// build the PostgreSQL model without the web host; adding a migration never connects.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<EscrowDbContext>
{
    public EscrowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EscrowDbContext>().UsePostgresStore("Host=localhost;Database=escrowp2p_design").Options);
}
