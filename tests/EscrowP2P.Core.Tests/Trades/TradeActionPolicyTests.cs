using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Trades;

namespace EscrowP2P.Core.Tests.Trades;

/// <summary>Who may ask for which action in which on-chain state, as the contract rules it.</summary>
public class TradeActionPolicyTests
{
    private const string Seller = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    private const string Buyer = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    private const string Outsider = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

    [Theory]
    // The buyer marks paid, only while Funded.
    [InlineData(TradeAction.MarkPaid, Buyer, TradeStatus.Funded, ActionDecision.Allowed)]
    [InlineData(TradeAction.MarkPaid, Buyer, TradeStatus.Paid, ActionDecision.WrongState)]
    [InlineData(TradeAction.MarkPaid, Buyer, TradeStatus.Disputed, ActionDecision.WrongState)]
    [InlineData(TradeAction.MarkPaid, Seller, TradeStatus.Funded, ActionDecision.WrongParty)]
    // The seller releases while Funded or Paid.
    [InlineData(TradeAction.Release, Seller, TradeStatus.Funded, ActionDecision.Allowed)]
    [InlineData(TradeAction.Release, Seller, TradeStatus.Paid, ActionDecision.Allowed)]
    [InlineData(TradeAction.Release, Seller, TradeStatus.Disputed, ActionDecision.WrongState)]
    [InlineData(TradeAction.Release, Seller, TradeStatus.Completed, ActionDecision.WrongState)]
    [InlineData(TradeAction.Release, Buyer, TradeStatus.Paid, ActionDecision.WrongParty)]
    // The buyer may always cancel while Funded or Paid; the seller only while Funded (expiry is left to the simulation).
    [InlineData(TradeAction.Cancel, Buyer, TradeStatus.Funded, ActionDecision.Allowed)]
    [InlineData(TradeAction.Cancel, Buyer, TradeStatus.Paid, ActionDecision.Allowed)]
    [InlineData(TradeAction.Cancel, Seller, TradeStatus.Funded, ActionDecision.Allowed)]
    [InlineData(TradeAction.Cancel, Seller, TradeStatus.Paid, ActionDecision.WrongState)]
    [InlineData(TradeAction.Cancel, Buyer, TradeStatus.Disputed, ActionDecision.WrongState)]
    [InlineData(TradeAction.Cancel, Seller, TradeStatus.Cancelled, ActionDecision.WrongState)]
    // Either party opens a dispute, only while Paid.
    [InlineData(TradeAction.Dispute, Buyer, TradeStatus.Paid, ActionDecision.Allowed)]
    [InlineData(TradeAction.Dispute, Seller, TradeStatus.Paid, ActionDecision.Allowed)]
    [InlineData(TradeAction.Dispute, Buyer, TradeStatus.Funded, ActionDecision.WrongState)]
    [InlineData(TradeAction.Dispute, Seller, TradeStatus.Disputed, ActionDecision.WrongState)]
    [InlineData(TradeAction.Dispute, Buyer, TradeStatus.Resolved, ActionDecision.WrongState)]
    public void Decides_by_the_callers_role_and_the_trades_state(TradeAction action, string caller, TradeStatus status, ActionDecision expected) =>
        TradeActionPolicy.Decide(action, caller, TradeIn(status)).ShouldBe(expected);

    public static TheoryData<TradeAction, TradeStatus> EveryActionInEveryState()
    {
        var data = new TheoryData<TradeAction, TradeStatus>();
        foreach (var action in Enum.GetValues<TradeAction>())
        {
            foreach (var status in Enum.GetValues<TradeStatus>()) data.Add(action, status);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionInEveryState))]
    public void Someone_who_is_neither_seller_nor_buyer_is_never_a_party(TradeAction action, TradeStatus status) =>
        TradeActionPolicy.Decide(action, Outsider, TradeIn(status)).ShouldBe(ActionDecision.NotAParty);

    [Theory]
    [InlineData(TradeStatus.None)]
    [InlineData(TradeStatus.Completed)]
    [InlineData(TradeStatus.Cancelled)]
    [InlineData(TradeStatus.Resolved)]
    public void Nothing_is_allowed_on_a_trade_that_is_not_open(TradeStatus status)
    {
        foreach (var action in Enum.GetValues<TradeAction>())
        {
            TradeActionPolicy.Decide(action, Seller, TradeIn(status)).ShouldNotBe(ActionDecision.Allowed, $"{action} by the seller");
            TradeActionPolicy.Decide(action, Buyer, TradeIn(status)).ShouldNotBe(ActionDecision.Allowed, $"{action} by the buyer");
        }
    }

    [Fact]
    public void The_caller_is_recognised_whatever_the_case_of_the_address() =>
        TradeActionPolicy.Decide(TradeAction.MarkPaid, Buyer.ToLowerInvariant(), TradeIn(TradeStatus.Funded)).ShouldBe(ActionDecision.Allowed);

    private static OnChainTrade TradeIn(TradeStatus status) =>
        new() { Seller = Seller, Buyer = Buyer, StatusValue = (byte)status, Amount = 1_000 };
}
