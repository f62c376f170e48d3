using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EscrowP2P.IntegrationTests.Support;

public static class ModeratorCalls
{
    /// <summary>POST /api/admin/trades/{tradeId}/resolve with an Idempotency-Key; returns the status and the JSON body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ResolveAsync(
        this HttpClient moderator, string tradeId, int buyerBps, string idempotencyKey, string reason = "buyer proved partial payment")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/admin/trades/{tradeId}/resolve", UriKind.Relative))
        {
            Content = JsonContent.Create(new { buyerBps, reason }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await moderator.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
