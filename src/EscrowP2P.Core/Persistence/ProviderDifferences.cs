using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EscrowP2P.Core.Persistence;

/// <summary>
/// The one place where the stored model differs between the two databases; each provider's migrations follow from it.
/// </summary>
/// <remarks>
/// SQLite has no date-time type: DateTimeOffset stored as text could not be ordered or compared, so it is stored as a
/// sortable number. PostgreSQL keeps its native <c>timestamp with time zone</c> (UTC, microseconds). Lists of strings
/// follow each provider's own mapping (JSON text on SQLite, <c>text[]</c> on PostgreSQL).
/// </remarks>
internal static class ProviderDifferences
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public static void Apply(ModelConfigurationBuilder conventions, string? providerName)
    {
        if (providerName == Sqlite)
        {
            conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
