using System.Net;
using EscrowP2P.Core.Persistence;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>The app here reads a manual clock (nonce lifetime 600 s), so nonces expire without waiting.</summary>
public sealed class NonceLifetimeTests(ManualClockApiFixture app) : IClassFixture<ManualClockApiFixture>, IDisposable
{
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromSeconds(600);
    private static DevAccount Trader => DevAccounts.Traders[4];

    private readonly HttpClient _client = app.CreateClockedClient();

    public void Dispose() => _client.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> SignInWithAsync(string nonce)
    {
        var message = new SiweMessageText { Address = Trader.Address, Nonce = nonce, IssuedAt = app.Clock.GetUtcNow() }.ToString();
        using var response = await SiweLogin.PostVerifyAsync(_client, message, SiweLogin.Sign(message, Trader));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nonce_signs_in_until_its_last_second()
    {
        var nonce = await SiweLogin.GetNonceAsync(_client);
        app.Clock.Advance(NonceLifetime - TimeSpan.FromSeconds(1));

        (await SignInWithAsync(nonce.Nonce)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expired_nonce_is_refused()
    {
        var nonce = await SiweLogin.GetNonceAsync(_client);
        app.Clock.Advance(NonceLifetime);

        var (status, body) = await SignInWithAsync(nonce.Nonce);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.ShouldContain("the nonce is not valid (unknown, expired or already used)");
    }

    [Fact]
    public async Task Expired_nonces_are_deleted_when_the_next_nonce_is_issued()
    {
        var old = await SiweLogin.GetNonceAsync(_client);
        app.Clock.Advance(NonceLifetime + TimeSpan.FromSeconds(1));

        var fresh = await SiweLogin.GetNonceAsync(_client);

        await using var db = await app.ClockedServices.GetRequiredService<IDbContextFactory<EscrowDbContext>>().CreateDbContextAsync();
        (await db.SiweNonces.AnyAsync(n => n.Value == old.Nonce)).ShouldBeFalse();
        (await db.SiweNonces.AnyAsync(n => n.Value == fresh.Nonce)).ShouldBeTrue();
    }
}
