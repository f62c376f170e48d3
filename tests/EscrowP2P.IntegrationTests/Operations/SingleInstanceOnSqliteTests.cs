using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Operations;

/// <summary>SQLite serves one instance: a second process on the same database file refuses to start and says why.</summary>
public class SingleInstanceOnSqliteTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    [Fact]
    public async Task A_second_instance_on_the_same_sqlite_file_refuses_to_start_until_the_first_stops()
    {
        var refusal = Should.Throw<Exception>(() => app.StartAnotherInstance().Dispose());

        var message = refusal.ToString();
        message.ShouldContain(".db.lock");
        message.ShouldContain("use PostgreSQL (Database:Provider=Postgres) to run several instances");

        await app.StopAppAsync();
        app.StartApp();
        await app.WaitForIngestionAsync();
    }
}
