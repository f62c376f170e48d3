namespace EscrowP2P.Chain.Errors;

/// <summary>
/// The node answered a request with an error rather than a result: it was reached and said no (a log range too wide,
/// a transaction whose nonce another one took). The message is the node's own.
/// </summary>
public sealed class NodeRefusedException(string message, Exception innerException) : Exception(message, innerException);
