using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>Keeps every log event the app writes, rendered with its properties, so tests can search them.</summary>
public sealed class RecordingLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEventLevel Level, string Line)> _entries = new();

    public IReadOnlyCollection<string> Lines => _entries.Select(e => e.Line).ToList();

    /// <summary>The lines written at exactly <paramref name="level"/>.</summary>
    public IReadOnlyList<string> LinesAt(LogEventLevel level) => _entries.Where(e => e.Level == level).Select(e => e.Line).ToList();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        logEvent.RenderMessage(text, CultureInfo.InvariantCulture);
        foreach (var (name, value) in logEvent.Properties) text.Write($" {name}={value}");
        if (logEvent.Exception is not null) text.Write(" " + logEvent.Exception);
        _entries.Enqueue((logEvent.Level, text.ToString()));
    }
}
