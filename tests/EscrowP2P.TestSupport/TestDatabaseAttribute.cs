using System.Reflection;
using EscrowP2P.Api.Infrastructure;

namespace EscrowP2P.TestSupport;

/// <summary>
/// Names the database a test assembly's API fixtures run the app on; without it they use SQLite. The same test
/// sources compiled into a second project carrying <c>[assembly: TestDatabase(DatabaseProvider.Postgres)]</c> run
/// on PostgreSQL.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class TestDatabaseAttribute(DatabaseProvider provider) : Attribute
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>The database named by the test assembly loaded in this process (each test project runs in a test host of its own).</summary>
    public static DatabaseProvider OfThisTestRun() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => !assembly.IsDynamic)
            .Select(assembly => assembly.GetCustomAttribute<TestDatabaseAttribute>()?.Provider)
            .OfType<DatabaseProvider>()
            .Distinct()
            .DefaultIfEmpty(DatabaseProvider.Sqlite)
            .Single();
}
