namespace EscrowP2P.Chain.Errors;

/// <summary>A decoded revert reason: a custom error with its arguments, Error(string), or a Panic code.</summary>
public sealed record ContractError(string Name, IReadOnlyDictionary<string, string> Arguments)
{
    public override string ToString() =>
        Arguments.Count == 0 ? Name : $"{Name}({string.Join(", ", Arguments.Select(a => $"{a.Key}={a.Value}"))})";
}

/// <summary>A prepared transaction failed its simulation: signing it would only burn gas.</summary>
public sealed class TransactionWouldRevertException(string purpose, ContractError error)
    : Exception($"{purpose} would revert: {error}")
{
    public string Purpose { get; } = purpose;
    public ContractError Error { get; } = error;
}
