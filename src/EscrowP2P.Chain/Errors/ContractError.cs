namespace EscrowP2P.Chain.Errors;

/// <summary>A decoded revert reason: a custom error with its arguments, Error(string), or a Panic code.</summary>
public sealed record ContractError(string Name, IReadOnlyDictionary<string, string> Arguments)
{
    public override string ToString() =>
        Arguments.Count == 0 ? Name : $"{Name}({string.Join(", ", Arguments.Select(a => $"{a.Key}={a.Value}"))})";
}
