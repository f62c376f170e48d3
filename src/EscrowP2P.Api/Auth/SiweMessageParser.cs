using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using EscrowP2P.Chain;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// Reads an EIP-4361 message strictly by the EIP's ABNF: lines separated by LF only, fields in the prescribed order,
/// nothing before the header and nothing after the last field. Error texts never quote the message, so they are safe to
/// return and to log.
/// </summary>
public static partial class SiweMessageParser
{
    /// <summary>Longer texts are refused unread.</summary>
    public const int MaxLength = 4096;

    public static bool TryParse(string text, [NotNullWhen(true)] out SiweMessage? message, [NotNullWhen(false)] out string? error)
    {
        try
        {
            message = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            message = null;
            error = e.Message;
            return false;
        }
    }

    private static SiweMessage Parse(string text)
    {
        if (text.Length > MaxLength) throw new FormatException($"longer than {MaxLength} characters");
        if (text.Contains('\r', StringComparison.Ordinal)) throw new FormatException("lines must end with LF only");

        var lines = new LineReader(text.Split('\n'));
        var header = Header().Match(lines.Take("the header"));
        if (!header.Success) throw new FormatException("line 1 must be '<domain> wants you to sign in with your Ethereum account:'");

        var address = lines.Take("the address");
        if (!EthereumAddress.IsWellFormed(address)) throw new FormatException("line 2 must be a 0x-prefixed 20-byte hex address");
        lines.TakeBlank();

        string? statement = null;
        if (lines.Peek() is { Length: > 0 })
        {
            statement = lines.Take("the statement");
            if (!StatementFormat().IsMatch(statement)) throw new FormatException("the statement holds characters EIP-4361 does not allow");
        }
        lines.TakeBlank();

        var uri = ParseUri(lines.TakeField("URI"), "URI");
        var version = lines.TakeField("Version");
        if (version != "1") throw new FormatException("Version must be 1");
        var chainId = ParseChainId(lines.TakeField("Chain ID"));
        var nonce = lines.TakeField("Nonce");
        if (!NonceFormat().IsMatch(nonce)) throw new FormatException("Nonce must be at least 8 letters or digits");
        var issuedAt = ParseDateTime(lines.TakeField("Issued At"), "Issued At");
        var expirationTime = lines.TakeOptionalField("Expiration Time") is { } expiry ? ParseDateTime(expiry, "Expiration Time") : (DateTimeOffset?)null;
        var notBefore = lines.TakeOptionalField("Not Before") is { } start ? ParseDateTime(start, "Not Before") : (DateTimeOffset?)null;
        var requestId = lines.TakeOptionalField("Request ID");
        if (requestId is not null && !RequestIdFormat().IsMatch(requestId)) throw new FormatException("Request ID holds characters EIP-4361 does not allow");
        var resources = ParseResources(lines);
        if (!lines.AtEnd) throw new FormatException($"line {lines.NextLineNumber} is not a field EIP-4361 allows there");

        return new SiweMessage
        {
            Scheme = header.Groups["scheme"].Success ? header.Groups["scheme"].Value : null,
            Domain = header.Groups["domain"].Value,
            Address = address,
            Statement = statement,
            Uri = uri,
            Version = version,
            ChainId = chainId,
            Nonce = nonce,
            IssuedAt = issuedAt,
            ExpirationTime = expirationTime,
            NotBefore = notBefore,
            RequestId = requestId,
            Resources = resources,
        };
    }

    private static List<Uri> ParseResources(LineReader lines)
    {
        var resources = new List<Uri>();
        if (lines.Peek() != "Resources:") return resources;
        lines.Take("Resources:");
        while (!lines.AtEnd)
        {
            var line = lines.Take("a resource");
            if (!line.StartsWith("- ", StringComparison.Ordinal)) throw new FormatException($"line {lines.NextLineNumber - 1} must be a resource ('- <uri>')");
            resources.Add(ParseUri(line[2..], "a resource"));
        }
        return resources;
    }

    private static Uri ParseUri(string text, string field) =>
        UriFormat().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new FormatException($"{field} must be an absolute RFC 3986 URI");

    private static long ParseChainId(string text) =>
        Digits().IsMatch(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId)
            ? chainId
            : throw new FormatException("Chain ID must be a decimal number");

    /// <summary>RFC 3339 date-time; fractions beyond 100 ns are cut off, leap seconds are refused.</summary>
    private static DateTimeOffset ParseDateTime(string text, string field)
    {
        var match = DateTimeFormat().Match(text);
        if (!match.Success) throw new FormatException($"{field} must be an RFC 3339 date-time");
        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        try
        {
            var offset = match.Groups["offset"].Value is "Z" or "z"
                ? TimeSpan.Zero
                : TimeSpan.FromMinutes((Part("offsetHours") * 60 + Part("offsetMinutes")) * (match.Groups["offset"].Value[0] == '-' ? -1 : 1));
            var value = new DateTimeOffset(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), offset);
            var fraction = match.Groups["fraction"].Value;
            var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
            return value.AddTicks(ticks).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"{field} is not a valid date-time");
        }
    }

    [GeneratedRegex(@"^(?:(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://)?(?<domain>(?:[A-Za-z0-9\-._~%!$&'()*+,;=:]*@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]+)(?::[0-9]*)?) wants you to sign in with your Ethereum account:\z")]
    private static partial Regex Header();

    // statement = *( reserved / unreserved / " " )
    [GeneratedRegex(@"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;= ]+\z")]
    private static partial Regex StatementFormat();

    // The characters RFC 3986 allows in a URI, after a scheme.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*\z")]
    private static partial Regex UriFormat();

    [GeneratedRegex(@"^[0-9]+\z")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[A-Za-z0-9]{8,}\z")]
    private static partial Regex NonceFormat();

    // request-id = *pchar
    [GeneratedRegex(@"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*\z")]
    private static partial Regex RequestIdFormat();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?(?<offset>[Zz]|[+\-](?<offsetHours>[0-9]{2}):(?<offsetMinutes>[0-9]{2}))\z")]
    private static partial Regex DateTimeFormat();

    private sealed class LineReader(string[] lines)
    {
        private int _next;

        public bool AtEnd => _next == lines.Length;
        public int NextLineNumber => _next + 1;

        public string? Peek() => AtEnd ? null : lines[_next];

        public string Take(string what) => AtEnd ? throw new FormatException($"{what} is missing") : lines[_next++];

        public void TakeBlank()
        {
            if (Take($"the blank line {NextLineNumber}") != "") throw new FormatException($"line {_next} must be blank");
        }

        public string TakeField(string label)
        {
            var line = Take($"'{label}: '");
            return line.StartsWith(label + ": ", StringComparison.Ordinal)
                ? line[(label.Length + 2)..]
                : throw new FormatException($"line {_next} must be '{label}: …'");
        }

        public string? TakeOptionalField(string label) =>
            Peek()?.StartsWith(label + ": ", StringComparison.Ordinal) == true ? TakeField(label) : null;
    }
}
