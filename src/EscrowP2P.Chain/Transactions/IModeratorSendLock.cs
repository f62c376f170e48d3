namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// Serialises the moderator's sends — pending nonce, sign, record, broadcast — among everything that signs with the
/// same key: one process's requests, or every instance's when several share a database.
/// </summary>
public interface IModeratorSendLock
{
    /// <summary>Waits until no other send of <paramref name="signer"/> is under way; disposing the result lets the next one in.</summary>
    Task<IAsyncDisposable> AcquireAsync(string signer, CancellationToken cancellationToken);
}
