using System.Globalization;
using System.Text;

namespace EscrowP2P.TestSupport;

/// <summary>
/// Writes EIP-4361 message text the way wallets do, written here from the EIP independently of the server's parser,
/// with defaults that the test app accepts. Change a field with <c>with</c> to make a message the app must refuse.
/// </summary>
public sealed record SiweMessageText
{
    public const string DefaultUri = "https://escrowp2p.test";

    public string? Scheme { get; init; }
    public string Domain { get; init; } = EscrowApiFixture.SiweDomain;
    public required string Address { get; init; }
    public string? Statement { get; init; } = "Sign in to EscrowP2P.";
    public string Uri { get; init; } = DefaultUri;
    public string Version { get; init; } = "1";
    public long ChainId { get; init; } = 31337;
    public required string Nonce { get; init; }
    public DateTimeOffset IssuedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? ExpirationTime { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? RequestId { get; init; }
    public IReadOnlyList<string>? Resources { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Scheme is null ? "" : Scheme + "://").Append(Domain).Append(" wants you to sign in with your Ethereum account:\n")
            .Append(Address).Append("\n\n")
            .Append(Statement is null ? "" : Statement + "\n").Append('\n')
            .Append("URI: ").Append(Uri).Append('\n')
            .Append("Version: ").Append(Version).Append('\n')
            .Append("Chain ID: ").Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("Nonce: ").Append(Nonce).Append('\n')
            .Append("Issued At: ").Append(Rfc3339(IssuedAt));
        if (ExpirationTime is { } expiry) text.Append("\nExpiration Time: ").Append(Rfc3339(expiry));
        if (NotBefore is { } notBefore) text.Append("\nNot Before: ").Append(Rfc3339(notBefore));
        if (RequestId is not null) text.Append("\nRequest ID: ").Append(RequestId);
        if (Resources is not null)
        {
            text.Append("\nResources:");
            foreach (var resource in Resources) text.Append("\n- ").Append(resource);
        }
        return text.ToString();
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
