using System.Net;
using System.Numerics;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;

namespace EscrowP2P.IntegrationTests.Withdrawals;

[Function("setBlacklisted")]
public sealed class SetBlacklistedFunction : FunctionMessage
{
    [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    [Parameter("bool", "blocked", 2)] public bool Blocked { get; set; }
}

/// <summary>The app with a USDT-like token that blacklists holders, allow-listed on the escrow and offered to traders.</summary>
public sealed class BlacklistTokenFixture : EscrowApiFixture
{
    public string Token { get; private set; } = "";

    protected override async Task PrepareChainAsync(IDictionary<string, string?> settings)
    {
        var admin = Web3For(DevAccounts.Admin);
        var artifact = ContractArtifacts.Get("BlacklistToken");
        var deployed = await admin.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(artifact.AbiJson, artifact.Bytecode, DevAccounts.Admin.Address, new HexBigInteger(3_000_000));
        Token = deployed.ContractAddress;
        await admin.Eth.GetContractTransactionHandler<SetTokenAllowedFunction>()
            .SendRequestAndWaitForReceiptAsync(Deployment.EscrowAddress, new SetTokenAllowedFunction { Token = Token, Allowed = true }).EnsureSucceeded();
        settings["Chain:Tokens:1:Symbol"] = "bUSD";
        settings["Chain:Tokens:1:Address"] = Token;
        settings["Chain:Tokens:1:Decimals"] = "6";
    }

    public Task BlacklistAsync(string account, bool blocked) =>
        Web3For(DevAccounts.Admin).Eth.GetContractTransactionHandler<SetBlacklistedFunction>()
            .SendRequestAndWaitForReceiptAsync(Token, new SetBlacklistedFunction { Account = account, Blocked = blocked }).EnsureSucceeded();
}

public class WithdrawalTests(BlacklistTokenFixture app) : IClassFixture<BlacklistTokenFixture>
{
    [Fact]
    public async Task A_blacklisted_buyers_share_is_deferred_listed_and_withdrawn_to_another_address()
    {
        var trade = new TradeScenario(app, DevAccounts.Traders[0], DevAccounts.Traders[1]);
        var rescue = DevAccounts.Traders[2].Address;
        BigInteger amount = 4_000_000;
        await app.Web3For(DevAccounts.Admin).Eth.GetContractTransactionHandler<MintFunction>()
            .SendRequestAndWaitForReceiptAsync(app.Token, new MintFunction { To = trade.Seller.Address, Amount = amount }).EnsureSucceeded();
        await trade.FundAsync(app.Token, amount);
        await trade.ActAsync("mark-paid", trade.Buyer);
        await app.BlacklistAsync(trade.Buyer.Address, blocked: true);

        await trade.ActAsync("release", trade.Seller);

        var buyerShare = amount - amount / 100;
        using var buyer = await app.ClientForAsync(trade.Buyer);
        var pending = (await buyer.GetOkAsync("/api/withdrawals")).EnumerateArray().Single();
        pending.GetProperty("symbol").GetString().ShouldBe("bUSD");
        pending.GetProperty("amount").GetString().ShouldBe(buyerShare.ToString());
        var history = await trade.GetAsync(trade.Buyer);
        history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldContain("PayoutDeferred");

        var withdraw = await buyer.PostOkAsync("/api/withdrawals", new { token = app.Token, to = rescue });
        withdraw.GetProperty("purpose").GetString().ShouldBe("withdraw");
        await app.SignAndSendAsync(trade.Buyer, withdraw);

        (await app.TokenBalanceAsync(app.Token, rescue)).ShouldBe(buyerShare);
        (await buyer.GetOkAsync("/api/withdrawals")).GetArrayLength().ShouldBe(0);
        var nothingLeft = await buyer.ProblemAsync(HttpMethod.Post, "/api/withdrawals", new { token = app.Token }, HttpStatusCode.Conflict);
        nothingLeft.GetProperty("errorName").GetString().ShouldBe("NothingToWithdraw");
    }

    [Fact]
    public async Task Withdrawing_an_unsupported_token_or_to_the_zero_address_is_a_bad_request()
    {
        using var buyer = await app.ClientForAsync(DevAccounts.Traders[3]);

        var unsupported = await buyer.ProblemAsync(HttpMethod.Post, "/api/withdrawals", new { token = DevAccounts.Traders[4].Address }, HttpStatusCode.BadRequest);
        unsupported.GetProperty("errors").TryGetProperty("token", out _).ShouldBeTrue();
        var zero = await buyer.ProblemAsync(HttpMethod.Post, "/api/withdrawals", new { token = app.Token, to = TradeScenario.Eth }, HttpStatusCode.BadRequest);
        zero.GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Withdrawing_to_the_escrow_itself_is_a_bad_request()
    {
        using var buyer = await app.ClientForAsync(DevAccounts.Traders[3]);

        var problem = await buyer.ProblemAsync(HttpMethod.Post, "/api/withdrawals", new { token = app.Token, to = app.Deployment.EscrowAddress }, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue(problem.ToString());
    }
}
