using System.Buffers;
using System.Text;
using System.Text.Json;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Events;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace EscrowP2P.IntegrationTests.Hub.Unit;

/// <summary>The TradeUpdated message as the hub's JSON protocol writes it: the typed id and kind go out as the strings clients read.</summary>
public class TradeUpdateWireFormatTests
{
    private const string Id = "0x00ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    [Theory]
    [InlineData(TradeUpdateKind.Event, "event")]
    [InlineData(TradeUpdateKind.Confirmed, "confirmed")]
    [InlineData(TradeUpdateKind.Removed, "removed")]
    public void The_update_carries_its_trade_id_and_kind_as_strings(TradeUpdateKind kind, string wireKind)
    {
        var update = new TradeUpdate(TradeId.Parse(Id), 7, kind, "Funded", "0xSeller", "0xBuyer",
            new TradeEventView("TradePaid", new Dictionary<string, string> { ["tradeId"] = Id }, 12, "0x01", "0x02", 0, 1, false, false, 7));

        using var frame = Written(update);

        var sent = frame.RootElement.GetProperty("arguments")[0];
        sent.GetProperty("tradeId").GetString().ShouldBe(Id);
        sent.GetProperty("kind").GetString().ShouldBe(wireKind);
        sent.GetProperty("seq").GetInt64().ShouldBe(7);
        sent.GetProperty("event").GetProperty("arguments").GetProperty("tradeId").GetString().ShouldBe(Id);
    }

    /// <summary>The frame the hub sends for <c>Clients.Group(...).TradeUpdated(update)</c>, with the hub's default JSON protocol.</summary>
    private static JsonDocument Written(TradeUpdate update)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new JsonHubProtocol().WriteMessage(new InvocationMessage(nameof(Api.Hubs.ITradeClient.TradeUpdated), [update]), buffer);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\u001e'));
    }
}
