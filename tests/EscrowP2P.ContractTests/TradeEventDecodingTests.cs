using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Events;
using EscrowP2P.TestSupport;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using static EscrowP2P.ContractTests.EscrowHarness;

namespace EscrowP2P.ContractTests;

/// <summary>
/// The escrow's logs decode into its typed trade events, whose arguments read exactly as decoding against the compiled
/// ABI reads them (the strings stored and sent to clients), and read back into the same event.
/// </summary>
public class TradeEventDecodingTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static readonly Dictionary<string, EventABI> CompiledEvents =
        new ABIJsonDeserialiser().DeserialiseContract(ContractArtifacts.Get("P2PEscrow").AbiJson).Events
            .ToDictionary(e => "0x" + e.Sha3Signature, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task Every_trade_event_reads_as_the_compiled_abi_reads_it_and_back()
    {
        var logs = await EveryKindOfLogAsync();

        var decoded = logs.Select(EscrowEventDecoder.Decode).OfType<DecodedTradeEvent>().ToList();

        decoded.Select(e => e.Name).Distinct().Order().ShouldBe(
            ["DisputeOpened", "DisputeResolved", "PayoutDeferred", "TradeCancelled", "TradeCompleted", "TradeCreated", "TradePaid"]);
        foreach (var (log, e) in logs.Zip(logs.Select(EscrowEventDecoder.Decode)).Where(pair => pair.Second is not null))
        {
            var (name, arguments) = AsTheCompiledAbiReadsIt(log);
            e!.Name.ShouldBe(name);
            EventArguments.Of(e.Event).ToList().ShouldBe(arguments);
            e.TradeId.Hex.ShouldBe(arguments[0].Value);
            EventArguments.Of(TradeEvents.FromArguments(name, arguments.ToDictionary())).ToList().ShouldBe(arguments);
        }
    }

    [Fact]
    public async Task Logs_about_no_trade_decode_to_nothing()
    {
        var logs = await EveryKindOfLogAsync();

        var undecoded = logs.Where(log => EscrowEventDecoder.Decode(log) is null).Select(log => AsTheCompiledAbiReadsIt(log).Name);

        undecoded.Distinct().Order().ShouldBe(["RoleGranted", "Withdrawn"]);
    }

    /// <summary>A dispute resolved, a release to a wallet that rejects ETH and its withdrawal, a cancellation, a role granted.</summary>
    private async Task<List<FilterLog>> EveryKindOfLogAsync()
    {
        var escrow = await DeployAsync(chain);
        var receipts = new List<TransactionReceipt>();

        var (salt, disputed) = NewTrade();
        receipts.Add(await escrow.CreateEthTradeAsync(salt, Eth(1)));
        receipts.Add(await escrow.MarkPaidAsync(disputed));
        receipts.Add(await escrow.OpenDisputeAsync(disputed, Buyer));
        receipts.Add(await escrow.ResolveAsync(disputed, 2_500));

        var wallet = await escrow.DeployPartyContractAsync(rejectEth: true);
        (salt, var released) = NewTrade();
        receipts.Add(await escrow.CreateEthTradeAsync(salt, Eth(1), buyer: wallet));
        receipts.Add(await escrow.ReleaseAsync(released));
        receipts.Add(await escrow.ExecuteAsync(wallet, new WithdrawFunction { Token = ZeroAddress, To = Payee.Address }));

        (salt, var cancelled) = NewTrade();
        receipts.Add(await escrow.CreateEthTradeAsync(salt, Eth(1)));
        receipts.Add(await escrow.CancelAsync(cancelled, Buyer));

        receipts.Add(await escrow.GrantModeratorAsync(Outsider.Address));
        return receipts.SelectMany(r => r.Logs).Where(log => log.Address.Equals(escrow.Escrow, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The event's name and arguments decoded against the compiled ABI, each written as clients have always read it.</summary>
    private static (string Name, List<KeyValuePair<string, string>> Arguments) AsTheCompiledAbiReadsIt(FilterLog log)
    {
        var abi = CompiledEvents[log.Topics[0].ToString()!];
        var arguments = abi.DecodeEventDefaultTopics(log).Event
            .Select(p => KeyValuePair.Create(p.Parameter.Name, p.Result switch
            {
                byte[] bytes => bytes.ToHex(prefix: true),
                string address when p.Parameter.Type == "address" => AddressUtil.Current.ConvertToChecksumAddress(address),
                BigInteger number => number.ToString(CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
            }))
            .ToList();
        return (abi.Name, arguments);
    }
}
