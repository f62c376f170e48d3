namespace EscrowP2P.Chain.Errors;

/// <summary>A prepared transaction failed its simulation: signing it would only burn gas.</summary>
public sealed class TransactionWouldRevertException(string purpose, ContractError error)
    : Exception($"{purpose} would revert: {error}")
{
    public string Purpose { get; } = purpose;
    public ContractError Error { get; } = error;
}
