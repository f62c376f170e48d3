using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EscrowP2P.IntegrationTests.Hub;

public class TokenExpiryTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    /// <summary>A clock set back so that a token issued "now" by it expires a few seconds from the real now.</summary>
    private sealed class ClockSetBack(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() - by;
    }

    [Fact]
    public async Task The_server_closes_a_hub_connection_when_its_token_expires()
    {
        var options = app.Services.GetRequiredService<IOptions<AuthOptions>>();
        var lifetime = TimeSpan.FromSeconds(options.Value.AccessTokenLifetimeSeconds);
        var issuer = new JwtTokenIssuer(options, app.Services.GetRequiredService<JwtSigningKey>(), new ClockSetBack(lifetime - TimeSpan.FromSeconds(3)));
        var shortLived = issuer.Issue(DevAccounts.Traders[0].Address, []).AccessToken;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/trades"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(shortLived))
            .Build();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        await connection.StartAsync();
        connection.State.ShouldBe(HubConnectionState.Connected);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        connection.State.ShouldBe(HubConnectionState.Disconnected);
        await connection.DisposeAsync();
    }
}
