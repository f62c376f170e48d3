using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>
/// Browsers send the hub's JWT as the <c>access_token</c> query parameter, and ASP.NET Core's own request logs
/// (at Information and below) print query strings. This rewrites every logged string that carries one, so a token
/// never reaches a log whatever level an operator turns on.
/// </summary>
public sealed partial class AccessTokenRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && TokenParameter().IsMatch(text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(TokenParameter().Replace(text, "${name}=[redacted]"))));
            }
        }
    }

    [GeneratedRegex("(?<name>access_token)=[^&\\s\"]*", RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();
}
