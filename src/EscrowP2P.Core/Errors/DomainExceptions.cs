namespace EscrowP2P.Core.Errors;

/// <summary>The thing asked for does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is signed in but may not do this. The message never says more than that.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request is valid but conflicts with the current state (of the trade, or of an earlier request).</summary>
public sealed class ConflictException(string message, IReadOnlyDictionary<string, object?>? details = null) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

/// <summary>A request field failed a check that needs more than the request itself (e.g. the chain's state).</summary>
public sealed class RequestFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
