using EscrowP2P.Chain.Contracts;

namespace EscrowP2P.Chain;

/// <summary>
/// The escrow's admin-set parameters (payment-window bounds, fee, pause), read from the contract and cached briefly:
/// requests are validated against what the contract will enforce, without a round trip each time.
/// </summary>
public sealed class EscrowParameters(ChainConnection chain, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (EscrowSettings Settings, DateTimeOffset At)? _cached;

    public async Task<EscrowSettings> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && time.GetUtcNow() - cached.At < CacheFor) return cached.Settings;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() - again.At < CacheFor) return again.Settings;
            var eth = chain.Web3.Eth;
            var escrow = chain.EscrowAddress;
            var min = eth.GetContractQueryHandler<MinPaymentWindowFunction>().QueryAsync<ulong>(escrow, new MinPaymentWindowFunction());
            var max = eth.GetContractQueryHandler<MaxPaymentWindowFunction>().QueryAsync<ulong>(escrow, new MaxPaymentWindowFunction());
            var fee = eth.GetContractQueryHandler<FeeBpsFunction>().QueryAsync<ushort>(escrow, new FeeBpsFunction());
            var paused = eth.GetContractQueryHandler<PausedFunction>().QueryAsync<bool>(escrow, new PausedFunction());
            await Task.WhenAll(min, max, fee, paused).WaitAsync(cancellationToken);
            var settings = new EscrowSettings(await min, await max, await fee, await paused);
            _cached = (settings, time.GetUtcNow());
            return settings;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
