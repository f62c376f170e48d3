namespace EscrowP2P.Chain.Transactions;

/// <summary>
/// EIP-1559 fee suggestion (max fee = 2 × base fee + priority fee), cached for a moment: every prepared
/// transaction needs one and the answer changes at most once a block.
/// </summary>
public sealed class FeeOracle(ChainConnection chain, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (Fees Fees, DateTimeOffset At)? _cached;

    public async Task<Fees> SuggestAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fees) return fees;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again) return again;
            var suggestion = await chain.Web3.FeeSuggestion.GetSimpleFeeSuggestionStrategy().SuggestFeeAsync();
            var result = new Fees(suggestion.MaxFeePerGas!.Value, suggestion.MaxPriorityFeePerGas!.Value);
            _cached = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private Fees? Fresh() =>
        _cached is { } cached && time.GetUtcNow() - cached.At < CacheFor ? cached.Fees : null;
}
