using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>Keeps every log event the app writes, rendered with its properties, so tests can search them.</summary>
public sealed class RecordingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The events themselves, for their level and exception.</summary>
    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        logEvent.RenderMessage(text, CultureInfo.InvariantCulture);
        foreach (var (name, value) in logEvent.Properties) text.Write($" {name}={value}");
        if (logEvent.Exception is not null) text.Write(" " + logEvent.Exception);
        _lines.Enqueue(text.ToString());
        _events.Enqueue(logEvent);
    }
}
