namespace EscrowP2P.Api.Infrastructure;

/// <summary>The database the store lives in (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A file under the app's data folder: one instance, no setup.</summary>
    Sqlite,

    /// <summary>Shared by several instances.</summary>
    Postgres,
}
