using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Moderation;

namespace EscrowP2P.Core.Tests.Moderation;

public sealed class StoredResolutionOutcomeTests
{
    private const string TxHash = "0x9f0a7c3e5b1d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a";

    public static TheoryData<ResolutionOutcome> Outcomes => new()
    {
        new ResolutionOutcome.Sent(new ModeratorTransactionResult(TxHash, ModeratorTransactionStatus.Mined, 42)),
        new ResolutionOutcome.Sent(new ModeratorTransactionResult(TxHash, ModeratorTransactionStatus.Reverted, 43)),
        new ResolutionOutcome.Sent(new ModeratorTransactionResult(TxHash, ModeratorTransactionStatus.Pending, null)),
        new ResolutionOutcome.NotDisputed(TradeStatus.Paid),
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void An_outcome_reads_back_as_it_was_stored(ResolutionOutcome outcome) =>
        StoredResolutionOutcome.FromJson(StoredResolutionOutcome.ToJson(outcome)).ShouldBe(outcome);

    [Fact]
    public void A_transaction_answer_stored_before_outcomes_had_a_type_reads_as_that_transaction() =>
        StoredResolutionOutcome.FromJson($$"""{"txHash":"{{TxHash}}","status":"mined","blockNumber":42}""")
            .ShouldBe(new ResolutionOutcome.Sent(new ModeratorTransactionResult(TxHash, ModeratorTransactionStatus.Mined, 42)));

    [Fact]
    public void A_conflict_problem_stored_before_outcomes_had_a_type_reads_as_not_disputed() =>
        StoredResolutionOutcome.FromJson("""{"status":409,"title":"Conflict","detail":"Only a disputed trade can be resolved; this one is Completed.","tradeStatus":"Completed"}""")
            .ShouldBe(new ResolutionOutcome.NotDisputed(TradeStatus.Completed));
}
