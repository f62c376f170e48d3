using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>Keeps every log event the app writes, rendered with its properties, so tests can search them.</summary>
public sealed class RecordingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEvent Event, string Line)> _entries = new();

    public IReadOnlyCollection<string> Lines => _entries.Select(e => e.Line).ToList();

    /// <summary>The lines written at exactly <paramref name="level"/>.</summary>
    public IReadOnlyList<string> LinesAt(LogEventLevel level) => _entries.Where(e => e.Event.Level == level).Select(e => e.Line).ToList();

    /// <summary>The events themselves, for their level and exception.</summary>
    public IReadOnlyCollection<LogEvent> Events => _entries.Select(e => e.Event).ToList();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        logEvent.RenderMessage(text, CultureInfo.InvariantCulture);
        foreach (var (name, value) in logEvent.Properties) text.Write($" {name}={value}");
        if (logEvent.Exception is not null) text.Write(" " + logEvent.Exception);
        _entries.Enqueue((logEvent, text.ToString()));
    }
}
