using EscrowP2P.Api.Infrastructure;
using EscrowP2P.TestSupport;

// Every API fixture of this assembly runs the app on a fresh database in the test run's PostgreSQL server.
[assembly: TestDatabase(DatabaseProvider.Postgres)]
