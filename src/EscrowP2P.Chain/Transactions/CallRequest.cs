using System.Numerics;

namespace EscrowP2P.Chain.Transactions;

/// <summary>A contract call a user is about to make: what it is for, who sends it, where, with what data and value.</summary>
public sealed record CallRequest(string Purpose, string From, string To, string Data, BigInteger Value);
