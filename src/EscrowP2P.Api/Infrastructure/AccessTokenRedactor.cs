using System.Globalization;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>
/// Browsers send the hub's JWT as the <c>access_token</c> query parameter, and ASP.NET Core's own request logs
/// (at Information and below) print query strings; other framework logs may quote a token too. Every logged value
/// that carries an access_token parameter or anything shaped like a JWT is rewritten, so a token never reaches a
/// log whatever level an operator turns on.
/// </summary>
public sealed partial class AccessTokenRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = Redact(value);
            if (!ReferenceEquals(redacted, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
        }
    }

    /// <summary>The same value when it holds no token, otherwise a copy with every token replaced.</summary>
    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: not null } scalar => RedactScalar(scalar),
        SequenceValue sequence => RedactAll(sequence.Elements, elements => new SequenceValue(elements), sequence),
        StructureValue structure => RedactStructure(structure),
        DictionaryValue dictionary => RedactDictionary(dictionary),
        _ => value,
    };

    private static ScalarValue RedactScalar(ScalarValue scalar)
    {
        var text = scalar.Value as string ?? Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? "";
        if (!TokenParameter().IsMatch(text) && !Jwt().IsMatch(text)) return scalar;
        return new ScalarValue(Jwt().Replace(TokenParameter().Replace(text, "${name}=[redacted]"), "[redacted token]"));
    }

    private static LogEventPropertyValue RedactAll(IReadOnlyList<LogEventPropertyValue> elements, Func<List<LogEventPropertyValue>, LogEventPropertyValue> rebuild, LogEventPropertyValue original)
    {
        var redacted = elements.Select(Redact).ToList();
        return redacted.Where((element, i) => !ReferenceEquals(element, elements[i])).Any() ? rebuild(redacted) : original;
    }

    private static StructureValue RedactStructure(StructureValue structure)
    {
        var properties = structure.Properties.Select(p => (Property: p, Value: Redact(p.Value))).ToList();
        return properties.Any(p => !ReferenceEquals(p.Value, p.Property.Value))
            ? new StructureValue(properties.Select(p => new LogEventProperty(p.Property.Name, p.Value)), structure.TypeTag)
            : structure;
    }

    private static DictionaryValue RedactDictionary(DictionaryValue dictionary)
    {
        var entries = dictionary.Elements.Select(e => (e.Key, Value: Redact(e.Value), Original: e.Value)).ToList();
        return entries.Any(e => !ReferenceEquals(e.Value, e.Original))
            ? new DictionaryValue(entries.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, e.Value)))
            : dictionary;
    }

    [GeneratedRegex("(?<name>access_token)=[^&\\s\"]*", RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();

    [GeneratedRegex("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();
}
