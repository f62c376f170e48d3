using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EscrowP2P.Core.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EscrowDbContext>
{
    public EscrowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EscrowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
