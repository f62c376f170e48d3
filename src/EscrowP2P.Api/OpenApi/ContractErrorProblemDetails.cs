using Microsoft.AspNetCore.Mvc;

namespace EscrowP2P.Api.OpenApi;

/// <summary>
/// The shape of a 409/422 problem as DomainExceptionHandler and the controllers write it (as extension members):
/// a refused state change names the trade's status; a transaction that would revert names the decoded contract
/// error. Only the OpenAPI document uses this type.
/// </summary>
public sealed class ContractErrorProblemDetails : ProblemDetails
{
    /// <summary>The trade's status when it does not allow the action (e.g. "funded").</summary>
    public string? TradeStatus { get; init; }

    /// <summary>The contract's custom error the transaction would revert with (e.g. "PaymentWindowExpired").</summary>
    public string? ErrorName { get; init; }

    /// <summary>The custom error's arguments by name, as strings.</summary>
    public IReadOnlyDictionary<string, string>? ErrorArguments { get; init; }

    /// <summary>The transaction that was not prepared (e.g. "markPaid").</summary>
    public string? Purpose { get; init; }

    /// <summary>The moderator transaction a conflicting resolve refers to.</summary>
    public string? TxHash { get; init; }
}
