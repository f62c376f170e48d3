using EscrowP2P.Api.Auth;
using EscrowP2P.Chain.Contracts;
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
public sealed partial class TradeHub(
    TradeQueries trades,
    TradeJoinLimiter joinLimiter,
    ModeratorRoleCheck moderators,
    ModeratorConnections moderatorConnections,
    HubBackplaneStatus backplane,
    ILogger<TradeHub> logger) : Hub<ITradeClient>
{
    public const string Path = "/hubs/trades";

    public static string UserGroup(string address) => $"user:{address}";
    public static string TradeGroup(TradeId tradeId) => $"trade:{tradeId}";

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

    /// <summary>
    /// Joins a trade's feed and returns its state plus every update after <paramref name="afterSeq"/>. Clients send the
    /// id as its 0x string; one that is no trade id fails argument binding before this runs.
    /// </summary>
    public async Task<TradeSnapshot> JoinTrade(string tradeId, long? afterSeq)
    {
        // Parsed here rather than bound by SignalR, whose binding errors reach the client without their message.
        if (!TradeId.TryParse(tradeId, out var id)) throw new HubException("tradeId must be 0x followed by 64 hex digits.");
        var user = Context.User!;
        var address = user.Address();
        if (!joinLimiter.TryAcquire(address))
        {
            LogJoinThrottled(address);
            throw new HubException("Too many JoinTrade calls; wait a minute before joining again.");
        }

        // Allowed first, joined second: a refused caller is never in the group, not even while a query runs.
        var isModerator = user.IsModerator() && await moderators.IsModeratorAsync(address, Context.ConnectionAborted);
        if (!await trades.IsVisibleToAsync(id, address, isModerator, Context.ConnectionAborted)) throw Refused(id, address);
        if (!backplane.CanJoinGroups) throw new HubException("Live updates are unavailable right now; join again in a moment.");
        var group = TradeGroup(id);
        // Joined before the snapshot is read: an update committed meanwhile is delivered too (clients drop seq they have).
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        var snapshot = await trades.GetSnapshotAsync(id, address, isModerator, afterSeq ?? 0, Context.ConnectionAborted);
        if (snapshot is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw Refused(id, address);
        }
        return snapshot;
    }

    public Task LeaveTrade(string tradeId) =>
        TradeId.TryParse(tradeId, out var id) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, TradeGroup(id)) : Task.CompletedTask;

    /// <summary>One answer whether the trade does not exist or the caller may not see it.</summary>
    private HubException Refused(TradeId tradeId, string address)
    {
        LogJoinRefused(tradeId, address);
        return new HubException("You cannot join this trade.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "JoinTrade {TradeId} refused for {Address}: unknown trade or not theirs")]
    private partial void LogJoinRefused(TradeId tradeId, string address);

    // Debug: a client looping over the budget would otherwise write a line per call.
    [LoggerMessage(Level = LogLevel.Debug, Message = "JoinTrade refused for {Address}: over the per-user budget")]
    private partial void LogJoinThrottled(string address);
}
