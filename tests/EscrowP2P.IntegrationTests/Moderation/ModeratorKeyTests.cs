using EscrowP2P.Chain;
using EscrowP2P.Chain.Configuration;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;

namespace EscrowP2P.IntegrationTests.Moderation;

public class ModeratorKeyTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private ModeratorSigner SignerWith(ModeratorKeyOptions keyOptions)
    {
        var chainOptions = Options.Create(new ChainOptions { RpcUrl = chain.Node.RpcUrl, ChainId = chain.Node.ChainId, EscrowAddress = DevAccounts.Admin.Address });
        var connection = new ChainConnection(chainOptions);
        return new ModeratorSigner(connection, new FeeOracle(connection, TimeProvider.System), new TransactionSimulator(connection),
            new InProcessModeratorSendLock(), Options.Create(keyOptions), chainOptions, NullLogger<ModeratorSigner>.Instance);
    }

    [Fact]
    public void The_moderator_key_can_come_from_an_encrypted_keystore_file()
    {
        var keystore = Path.GetTempFileName();
        try
        {
            var key = DevAccounts.Moderator.PrivateKey.HexToByteArray();
            var json = new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson("correct horse", key, DevAccounts.Moderator.Address,
                new ScryptParams { N = 1024, R = 8, P = 1, Dklen = 32 });
            File.WriteAllText(keystore, json);

            var signer = SignerWith(new ModeratorKeyOptions { KeystorePath = keystore, KeystorePassword = "correct horse" });

            signer.Address.ShouldBe(DevAccounts.Moderator.Address, StringCompareShould.IgnoreCase);
        }
        finally
        {
            File.Delete(keystore);
        }
    }

    [Fact]
    public void A_wrong_keystore_password_is_refused()
    {
        var keystore = Path.GetTempFileName();
        try
        {
            var json = new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson("right", DevAccounts.Moderator.PrivateKey.HexToByteArray(),
                DevAccounts.Moderator.Address, new ScryptParams { N = 1024, R = 8, P = 1, Dklen = 32 });
            File.WriteAllText(keystore, json);

            Should.Throw<Exception>(() => SignerWith(new ModeratorKeyOptions { KeystorePath = keystore, KeystorePassword = "wrong" }));
        }
        finally
        {
            File.Delete(keystore);
        }
    }

    [Fact]
    public void The_options_never_print_their_secrets() =>
        new ModeratorKeyOptions { PrivateKey = DevAccounts.Moderator.PrivateKey, KeystorePassword = "pw" }.ToString()
            .ShouldNotContain(DevAccounts.Moderator.PrivateKey[2..]);
}
