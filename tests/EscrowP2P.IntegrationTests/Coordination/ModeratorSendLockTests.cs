using EscrowP2P.Api.Coordination;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using EscrowP2P.TestSupport.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;

namespace EscrowP2P.IntegrationTests.Coordination;

/// <summary>
/// Two moderator signers with one key, as two instances have them, sending at once: only a lock they share keeps
/// them from taking the same nonce.
/// </summary>
public sealed class ModeratorSendLockTests(AnvilFixture chain) : IClassFixture<AnvilFixture>, IAsyncLifetime
{
    private const int SendsPerSigner = 6;
    private PostgresServer _server = null!;
    private string _database = "";
    private string _token = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
        _token = (await chain.DeployDevContractsAsync()).StablecoinAddress;
    }

    public Task DisposeAsync() => _server.DropDatabaseAsync(_database);

    [Fact]
    public async Task Signers_of_two_instances_sharing_the_postgres_lock_send_every_transaction_with_its_own_nonce()
    {
        var sends = await SendFromTwoSignersAsync(new PostgresModeratorSendLock(_database), new PostgresModeratorSendLock(_database));

        sends.ShouldAllBe(s => s.Error == null);
        var nonces = sends.Select(s => s.Signed!.Nonce).ToList();
        nonces.Distinct().Count().ShouldBe(2 * SendsPerSigner);
        foreach (var send in sends)
        {
            var receipt = await chain.Reader.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(send.Signed!.Hash);
            receipt.ShouldNotBeNull($"{send.Signed.Hash} was mined");
            receipt.Status.Value.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Signers_of_two_instances_locking_only_in_process_take_the_same_nonce()
    {
        using var first = new InProcessModeratorSendLock();
        using var second = new InProcessModeratorSendLock();

        var sends = await SendFromTwoSignersAsync(first, second);

        var sent = sends.Where(s => s.Error is null).Select(s => s.Signed!.Nonce).ToList();
        var collided = sends.Any(s => s.Error is not null) || sent.Distinct().Count() < sent.Count;
        collided.ShouldBeTrue("without a shared lock both instances read the same pending nonce");
    }

    /// <summary>
    /// Each signer sends <see cref="SendsPerSigner"/> transactions at once. The first send of each waits, while it holds
    /// its signer's lock (nonce read, transaction signed, not yet broadcast), until the other's first send is there too
    /// — which a lock shared by both never lets happen, so then it goes on after a short deadline.
    /// </summary>
    private async Task<List<(SignedTransaction? Signed, Exception? Error)>> SendFromTwoSignersAsync(IModeratorSendLock firstLock, IModeratorSendLock secondLock)
    {
        var signers = new[] { Signer(firstLock), Signer(secondLock) };
        var firstInside = new[] { Signal(), Signal() };
        var sends = signers.SelectMany((signer, s) => Enumerable.Range(0, SendsPerSigner).Select(i => Task.Run(async () =>
        {
            try
            {
                var approve = new ApproveFunction { Spender = DevAccounts.Traders[0].Address, Value = s * 1_000 + i + 1 };
                var signed = await signer.SendAsync("approve", _token, approve, async _ =>
                {
                    if (i != 0) return;
                    firstInside[s].TrySetResult();
                    await Task.WhenAny(firstInside[1 - s].Task, Task.Delay(TimeSpan.FromSeconds(2)));
                }, CancellationToken.None);
                return ((SignedTransaction?)signed, (Exception?)null);
            }
            catch (Exception ex)
            {
                return (null, ex);
            }
        })));
        return [.. await Task.WhenAll(sends)];
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ModeratorSigner Signer(IModeratorSendLock sendLock)
    {
        var chainOptions = Options.Create(new ChainOptions { RpcUrl = chain.Node.RpcUrl, ChainId = chain.Node.ChainId, EscrowAddress = DevAccounts.Admin.Address });
        var connection = new ChainConnection(chainOptions);
        return new ModeratorSigner(connection, new FeeOracle(connection, TimeProvider.System), new TransactionSimulator(connection), sendLock,
            Options.Create(new ModeratorKeyOptions { PrivateKey = DevAccounts.Moderator.PrivateKey }), chainOptions, NullLogger<ModeratorSigner>.Instance);
    }
}
