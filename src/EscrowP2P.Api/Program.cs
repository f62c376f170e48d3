using EscrowP2P.Api.Admin;
using EscrowP2P.Api.Auth;
using EscrowP2P.Api.Chain;
using EscrowP2P.Api.Coordination;
using EscrowP2P.Api.Events;
using EscrowP2P.Api.Hubs;
using EscrowP2P.Api.Infrastructure;
using EscrowP2P.Api.Offers;
using EscrowP2P.Api.OpenApi;
using EscrowP2P.Api.Trades;
using EscrowP2P.DevChain;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
if (!ApiDocumentGeneration.IsRunning) await EmbeddedDevChain.AddIfNoChainConfiguredAsync(builder);
builder.AddEscrowChain();
builder.AddDatabase();
builder.AddInstanceCoordination();
builder.AddTrades();
builder.AddOffers();
builder.AddModeration();
builder.AddEventIngestion();
builder.AddTradeHub();
builder.AddSiweAuthentication();
builder.AddRateLimits();
builder.AddApiControllers();
builder.AddTrustedProxies();
builder.AddOperations();
builder.LeaveOutRuntimeWorkWhenDescribingApi();

var app = builder.Build();

if (!ApiDocumentGeneration.IsRunning)
{
    app.ClaimSqliteDatabase();
    await app.MigrateDatabaseAsync();
}
app.UseForwardedHeaders();
// Outside the exception handler: a request is logged once with the status its client got, so a refusal the handler
// turns into problem details (404, 409, …) is not logged as a server error.
app.UseRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapControllers();
app.MapTradeHub();
app.MapOperations();

await app.RunAsync();
