using Microsoft.Extensions.Logging;

namespace EscrowP2P.Core.Events;

/// <summary>Whether this instance leads event ingestion now (for readiness and metrics); every change is logged.</summary>
public sealed partial class IngestionLeadership(ILogger<IngestionLeadership> logger)
{
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    public void Lead()
    {
        if (_isLeader) return;
        _isLeader = true;
        LogLeading();
    }

    public void Follow()
    {
        if (!_isLeader) return;
        _isLeader = false;
        LogFollowing();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now leads event ingestion")]
    private partial void LogLeading();

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance stopped leading event ingestion; another instance may take over")]
    private partial void LogFollowing();
}
