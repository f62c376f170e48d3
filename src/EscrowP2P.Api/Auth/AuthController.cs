using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EscrowP2P.Api.Auth;

[ApiController]
[Route("api/auth")]
public sealed class AuthController(SiweSignIn signIn) : ControllerBase
{
    /// <summary>A single-use nonce for the next SIWE message, with the domain and chain id the message must name.</summary>
    [HttpPost("nonce", Name = "issueNonce")]
    [EnableRateLimiting(AuthRateLimiting.Policy)]
    [ProducesResponseType<NonceResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public Task<NonceResponse> IssueNonce(CancellationToken cancellationToken) => signIn.IssueNonceAsync(cancellationToken);

    /// <summary>Checks a signed EIP-4361 message and answers an access token, or 401.</summary>
    [HttpPost("verify", Name = "signIn")]
    [EnableRateLimiting(AuthRateLimiting.Policy)]
    [ProducesResponseType<SignInResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<SignInResponse>> Verify(VerifyRequest request, CancellationToken cancellationToken)
    {
        // VerifyRequestValidator has already refused a missing message or signature.
        var outcome = await signIn.SignInAsync(request.Message!, request.Signature!, cancellationToken);
        return outcome.Response is { } response
            ? response
            : Problem(title: "Sign-in failed", detail: $"Sign-in failed: {outcome.Failure}", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>The caller's own identity, read from their access token.</summary>
    [HttpGet("me", Name = "getMe")]
    [Authorize]
    [ProducesResponseType<MeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public MeResponse Me() => new(User.Address(), User.GrantedRoles());
}
