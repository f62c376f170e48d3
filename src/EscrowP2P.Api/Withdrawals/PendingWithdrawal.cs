namespace EscrowP2P.Api.Withdrawals;

/// <summary>A payout the escrow could not push to the caller, waiting to be withdrawn.</summary>
public sealed record PendingWithdrawal(string Token, string Symbol, int Decimals, string Amount);
