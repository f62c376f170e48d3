using EscrowP2P.Api.Auth;
using EscrowP2P.Core.Trades;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EscrowP2P.Api.Hubs;

/// <summary>
/// Live trade updates. Every connection joins its own <c>user:{address}</c> group (new trades arrive there);
/// parties and moderators join <c>trade:{id}</c> groups. Group membership does not survive a reconnect or a server
/// restart, so clients rejoin with the last <c>seq</c> they saw and get everything they missed. A moderator's
/// connections close when the role is lost.
/// </summary>
[Authorize]
public sealed class TradeHub(TradeQueries trades, ModeratorRoleCheck moderators, ModeratorConnections moderatorConnections) : Hub<ITradeClient>
{
    public const string Path = "/hubs/trades";

    public static string UserGroup(string address) => $"user:{address}";
    public static string TradeGroup(string tradeId) => $"trade:{tradeId}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(user.Address()));
        if (user.IsModerator()) moderatorConnections.Add(user.Address(), Context);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        moderatorConnections.Remove(Context.User!.Address(), Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Joins a trade's feed and returns its state plus every update after <paramref name="afterSeq"/>.</summary>
    public async Task<TradeSnapshot> JoinTrade(string tradeId, long? afterSeq)
    {
        if (!TradeId.TryParse(tradeId, out TradeId? id)) throw new HubException("tradeId must be 0x followed by 64 hex digits.");
        var user = Context.User!;
        var group = TradeGroup(id.Value.Hex);
        // Join first: an update committed while the snapshot is read is then delivered too (clients drop seq they have).
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        var isModerator = user.IsModerator() && await moderators.IsModeratorAsync(user.Address(), Context.ConnectionAborted);
        var snapshot = await trades.GetSnapshotAsync(id.Value, user.Address(), isModerator, afterSeq ?? 0, Context.ConnectionAborted);
        if (snapshot is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw new HubException("You cannot join this trade.");
        }
        return snapshot;
    }

    public Task LeaveTrade(string tradeId) =>
        TradeId.TryParse(tradeId, out TradeId? id)
            ? Groups.RemoveFromGroupAsync(Context.ConnectionId, TradeGroup(id.Value.Hex))
            : Task.CompletedTask;
}
