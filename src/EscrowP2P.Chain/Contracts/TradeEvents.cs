using System.Collections.Frozen;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace EscrowP2P.Chain.Contracts;

/// <summary>
/// The escrow's events about a trade, each known by the name and the topic its binding declares: a log is decoded
/// into its binding, and a stored event (name and <see cref="EventArguments"/>) is read back into it.
/// </summary>
public static class TradeEvents
{
    private static readonly Binding[] Bindings =
    [
        Bind<TradeCreatedEvent>(),
        Bind<TradePaidEvent>(),
        Bind<TradeCompletedEvent>(),
        Bind<TradeCancelledEvent>(),
        Bind<DisputeOpenedEvent>(),
        Bind<DisputeResolvedEvent>(),
        Bind<PayoutDeferredEvent>(),
    ];

    private static readonly FrozenDictionary<Type, Binding> ByType = Bindings.ToFrozenDictionary(b => b.Type);
    private static readonly FrozenDictionary<string, Binding> ByName = Bindings.ToFrozenDictionary(b => b.Name);
    private static readonly FrozenDictionary<string, Binding> ByTopic = Bindings.ToFrozenDictionary(b => b.Topic, StringComparer.OrdinalIgnoreCase);

    /// <summary>The bindings of every trade event, in the order the contract's lifecycle meets them.</summary>
    public static IEnumerable<Type> All => Bindings.Select(b => b.Type);

    public static string NameOf(ITradeEvent e) => ByType[e.GetType()].Name;

    /// <summary>The trade event a log holds, its addresses EIP-55; null for any other log (role changes, withdrawals, settings).</summary>
    public static ITradeEvent? Decode(FilterLog log) =>
        log.Topics is [{ } topic, ..] && ByTopic.TryGetValue(topic.ToString()!, out var binding) ? binding.Decode(log) : null;

    /// <summary>The event a stored name and arguments describe.</summary>
    public static ITradeEvent FromArguments(string name, IReadOnlyDictionary<string, string> arguments) =>
        (ITradeEvent)EventArguments.Read(ByName[name].Type, arguments);

    private static Binding Bind<TEvent>() where TEvent : ITradeEvent, new()
    {
        var abi = ABITypedRegistry.GetEvent<TEvent>();
        return new Binding(typeof(TEvent), abi.Name, "0x" + abi.Sha3Signature,
            log => EventArguments.WithChecksumAddresses(log.DecodeEvent<TEvent>().Event));
    }

    private sealed record Binding(Type Type, string Name, string Topic, Func<FilterLog, ITradeEvent> Decode);
}
