using System.Text;
using System.Text.Json;
using EscrowP2P.Chain.Events;

namespace EscrowP2P.ChainTests.Events;

public class NodeMessageTests
{
    private static NodeMessage Parse(string json) => NodeMessage.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_new_heads_notification_gives_the_block_number()
    {
        var message = Parse("""
            {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0x4a8a4c0517381924f9838102c5a4dcb7",
             "result":{"number":"0x1b4","hash":"0x88e96d4537bea4d9c05d12549907b32561d3bf31f45aae734cdc119f13406cb6","parentHash":"0x00"}}}
            """);

        message.ShouldBe(new NodeMessage(NodeMessageKind.NewHead, BlockNumber: 436));
    }

    [Fact]
    public void The_subscription_confirmation_is_a_response_to_its_request_id()
    {
        Parse("""{"jsonrpc":"2.0","id":1,"result":"0x4a8a4c0517381924f9838102c5a4dcb7"}""")
            .ShouldBe(new NodeMessage(NodeMessageKind.Response, ResponseId: 1));
    }

    [Fact]
    public void An_error_response_carries_the_error()
    {
        var message = Parse("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}""");

        message.Kind.ShouldBe(NodeMessageKind.Response);
        message.Error.ShouldNotBeNull().ShouldContain("Method not found");
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0x1","result":{"address":"0xab"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0x1","result":{"number":"zz"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0x1","result":{"number":"0xffffffffffffffff"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"something_else","params":[]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"text-id","result":"0x1"}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"}]""")]
    public void Anything_else_is_ignored(string json)
    {
        Parse(json).Kind.ShouldBe(NodeMessageKind.Other);
    }

    [Fact]
    public void A_message_that_is_not_json_throws()
    {
        Should.Throw<JsonException>(() => Parse("not json"));
    }
}
