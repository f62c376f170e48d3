using EscrowP2P.Chain;
using EscrowP2P.Core.Auth;
using Microsoft.Extensions.Options;

namespace EscrowP2P.Api.Auth;

/// <summary>Sign-In with Ethereum: hands out nonces, and turns a verified, signed message into an access token.</summary>
public sealed partial class SiweSignIn(
    SiweVerifier verifier,
    NonceStore nonces,
    RoleResolver roles,
    JwtTokenIssuer tokens,
    ChainConnection chain,
    IOptions<AuthOptions> options,
    ILogger<SiweSignIn> logger)
{
    public async Task<NonceResponse> IssueNonceAsync(CancellationToken cancellationToken)
    {
        var nonce = await nonces.IssueAsync(TimeSpan.FromSeconds(options.Value.NonceLifetimeSeconds), cancellationToken);
        return new NonceResponse(nonce.Value, nonce.IssuedAt, nonce.ExpiresAt, options.Value.Domains[0], chain.ChainId);
    }

    public async Task<SignInOutcome> SignInAsync(string message, string signature, CancellationToken cancellationToken)
    {
        var verification = verifier.Verify(message, signature);
        if (!verification.IsValid) return Refused(verification.Failure);

        // The nonce is spent only by a message that passed every other check, signature included: anyone can read a
        // nonce off a login page, and must not be able to burn it by posting garbage with it.
        if (!await nonces.TryConsumeAsync(verification.Message.Nonce, cancellationToken))
        {
            // One wording for unknown, expired and used nonces: the answer never tells which.
            return Refused("the nonce is not valid (unknown, expired or already used)");
        }

        var address = verification.Message.Address;
        var granted = await roles.RolesOfAsync(address);
        var token = tokens.Issue(address, granted);
        LogSignedIn(address, granted);
        return SignInOutcome.Succeeded(new SignInResponse(token.AccessToken, token.ExpiresAt, address, granted));
    }

    private SignInOutcome Refused(string reason)
    {
        LogRefused(reason);
        return SignInOutcome.Refused(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in {Address} with roles {Roles}")]
    private partial void LogSignedIn(string address, IReadOnlyList<string> roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused: {Reason}")]
    private partial void LogRefused(string reason);
}
