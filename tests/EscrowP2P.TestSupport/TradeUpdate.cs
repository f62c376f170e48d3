using EscrowP2P.Core.Events;

namespace EscrowP2P.TestSupport;

/// <summary>
/// The hub's TradeUpdated message as a browser's JSON reads it: the trade id, kind and status are plain strings, so
/// tests that receive it also hold the wire format in place.
/// </summary>
public sealed record TradeUpdate(string TradeId, long Seq, string Kind, string Status, string Seller, string Buyer, TradeEventView Event)
{
    public const string EventKind = "event";
    public const string ConfirmedKind = "confirmed";
    public const string RemovedKind = "removed";
}
