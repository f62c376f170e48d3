using System.Globalization;
using EscrowP2P.Api.Auth;
using EscrowP2P.Api.Chain;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Api.OpenApi;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Transactions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EscrowP2P.Api.Withdrawals;

/// <summary>
/// Payouts the escrow could not push (a wallet that rejects ETH, a blacklisted token holder) are credited to the
/// party; these routes show them and prepare the withdraw transaction.
/// </summary>
[ApiController]
[Authorize]
[Route("api/withdrawals")]
public sealed class WithdrawalsController(EscrowService escrow, SupportedTokens tokens) : ControllerBase
{
    /// <summary>The caller's deferred payouts, per supported token.</summary>
    [HttpGet(Name = "listWithdrawals")]
    public async Task<IReadOnlyList<PendingWithdrawal>> List(CancellationToken cancellationToken)
    {
        var caller = User.Address();
        var balances = await Task.WhenAll(tokens.All.Select(async token =>
            (Token: token, Amount: await escrow.GetPendingWithdrawalAsync(caller, token.Address, cancellationToken))));
        return balances
            .Where(b => b.Amount > 0)
            .Select(b => new PendingWithdrawal(b.Token.Address, b.Token.Symbol, b.Token.Decimals, b.Amount.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>The unsigned withdraw transaction (refused when nothing is pending).</summary>
    [HttpPost(Name = "prepareWithdrawal")]
    [ProducesResponseType<UnsignedTransaction>(StatusCodes.Status200OK)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ContractErrorProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [EnableRateLimiting(RateLimitPolicies.Withdrawals)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public Task<UnsignedTransaction> Prepare(WithdrawRequest request, CancellationToken cancellationToken)
    {
        var caller = User.Address();
        var to = request.To is null ? caller : EthereumAddress.Checksum(request.To);
        return escrow.PrepareWithdrawAsync(caller, EthereumAddress.Checksum(request.Token!), to, cancellationToken);
    }
}
