using EscrowP2P.Chain;
using EscrowP2P.Chain.Configuration;
using Microsoft.Extensions.Options;
using Nethereum.Signer;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// Everything about a sign-in that needs neither the database nor the chain: the message's form, its domain, URI,
/// chain id and validity window, the EIP-55 address, and that the personal_sign signature recovers to that address.
/// </summary>
public sealed class SiweVerifier(IOptions<AuthOptions> auth, IOptions<ChainOptions> chain, TimeProvider time)
{
    /// <summary>How far a wallet's clock may run ahead of ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public SiweVerification Verify(string text, string signature)
    {
        if (!SiweMessageParser.TryParse(text, out var message, out var formatError))
        {
            return SiweVerification.Invalid($"the message is not a valid EIP-4361 message ({formatError})");
        }
        if (!auth.Value.Domains.Contains(message.Domain, StringComparer.OrdinalIgnoreCase))
        {
            return SiweVerification.Invalid("the message's domain is not accepted here");
        }
        if (!UriBelongsToDomain(message.Uri, message.Domain))
        {
            return SiweVerification.Invalid("the message's URI is not on its domain");
        }
        if (message.ChainId != chain.Value.ChainId)
        {
            return SiweVerification.Invalid($"the message is for chain {message.ChainId}, this service runs on chain {chain.Value.ChainId}");
        }

        var now = time.GetUtcNow();
        if (message.IssuedAt > now + ClockSkew) return SiweVerification.Invalid("the message is issued in the future");
        if (message.ExpirationTime <= now) return SiweVerification.Invalid("the message has expired");
        if (message.NotBefore > now + ClockSkew) return SiweVerification.Invalid("the message is not valid yet");

        if (EthereumAddress.Checksum(message.Address) != message.Address)
        {
            return SiweVerification.Invalid("the message's address is not EIP-55 checksummed");
        }
        return SignerOf(text, signature) is { } signer && EthereumAddress.AreSame(signer, message.Address)
            ? SiweVerification.Valid(message)
            : SiweVerification.Invalid("the signature does not match the message's address");
    }

    /// <summary>The URI's host and port must be the domain's (a domain without a port means the scheme's default).</summary>
    private static bool UriBelongsToDomain(Uri uri, string domain)
    {
        var portSeparator = domain.LastIndexOf(':');
        var hasPort = portSeparator > domain.LastIndexOf(']');
        var host = hasPort ? domain[..portSeparator] : domain;
        if (!string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase)) return false;
        return hasPort
            ? int.TryParse(domain.AsSpan(portSeparator + 1), out var port) && uri.Port == port
            : uri.IsDefaultPort;
    }

    private static string? SignerOf(string text, string signature)
    {
        try
        {
            return new EthereumMessageSigner().EncodeUTF8AndEcRecover(text, signature);
        }
        catch (Exception)
        {
            // Not a recoverable secp256k1 signature (recovery id, r or s out of range). Nethereum signals some of
            // these with a plain Exception, so nothing narrower catches them all.
            return null;
        }
    }
}
