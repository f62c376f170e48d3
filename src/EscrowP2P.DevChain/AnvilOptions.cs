namespace EscrowP2P.DevChain;

/// <summary>How to start a local anvil node.</summary>
public sealed record AnvilOptions
{
    /// <summary>0 lets the operating system pick a free loopback port.</summary>
    public int Port { get; init; }

    public long ChainId { get; init; } = 31337;

    /// <summary>Seconds between blocks; null mines one block per transaction (automine).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>A file the chain is loaded from on start and saved to on stop, so a restarted node keeps its history.</summary>
    public string? StatePath { get; init; }

    /// <summary>Seconds between state dumps to <see cref="StatePath"/>, so even a killed node loses little.</summary>
    public int? StateIntervalSeconds { get; init; }
}
