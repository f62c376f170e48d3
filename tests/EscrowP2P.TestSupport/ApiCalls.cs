using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace EscrowP2P.TestSupport;

/// <summary>Small helpers for JSON requests that must succeed, or must fail with a given status.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends a request expected to fail and returns its problem details (checking the media type).</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is string raw) request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        if (expected is HttpStatusCode.Unauthorized && text.Length == 0) return default;
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
