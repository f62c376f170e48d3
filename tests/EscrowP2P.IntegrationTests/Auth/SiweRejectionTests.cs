using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth;

/// <summary>
/// Every refused sign-in answers 401 problem details and changes nothing: the nonce it named still signs in afterwards,
/// because only a fully valid message and signature spend a nonce.
/// </summary>
public sealed class SiweRejectionTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>, IDisposable
{
    private const string NonceRefusal = "Sign-in failed: the nonce is not valid (unknown, expired or already used)";
    private static DevAccount Trader => DevAccounts.Traders[2];

    private readonly HttpClient _client = app.CreateClient();

    public void Dispose() => _client.Dispose();

    private async Task<SiweMessageText> FreshMessageAsync() => SiweLogin.MessageFor(Trader, await SiweLogin.GetNonceAsync(_client));

    private async Task<(HttpStatusCode Status, JsonElement Body, string Raw)> VerifyAsync(string message, string signature)
    {
        using var response = await SiweLogin.PostVerifyAsync(_client, message, signature);
        var raw = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        return (response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    /// <summary>Posts the message signed by <paramref name="signer"/>, expects 401 with the detail, then proves the nonce still works.</summary>
    private async Task ShouldBeRefusedAndLeaveTheNonceUsableAsync(SiweMessageText message, string detail, DevAccount? signer = null)
    {
        var text = message.ToString();
        var signature = SiweLogin.Sign(text, signer ?? Trader);

        var (status, body, raw) = await VerifyAsync(text, signature);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.GetProperty("status").GetInt32().ShouldBe(401);
        body.GetProperty("title").GetString().ShouldBe("Sign-in failed");
        body.GetProperty("detail").GetString().ShouldBe(detail);
        raw.ShouldNotContain(signature[2..], Case.Insensitive);

        var retry = (SiweLogin.MessageFor(Trader, new(message.Nonce, default, default, EscrowApiFixture.SiweDomain, app.Node.ChainId))).ToString();
        (await VerifyAsync(retry, SiweLogin.Sign(retry, Trader))).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Replayed_message_and_signature_are_refused_the_second_time()
    {
        var message = (await FreshMessageAsync()).ToString();
        var signature = SiweLogin.Sign(message, Trader);

        (await VerifyAsync(message, signature)).Status.ShouldBe(HttpStatusCode.OK);
        var (status, body, _) = await VerifyAsync(message, signature);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.GetProperty("detail").GetString().ShouldBe(NonceRefusal);
    }

    [Fact]
    public async Task Concurrent_sign_ins_with_one_nonce_let_exactly_one_through()
    {
        var message = (await FreshMessageAsync()).ToString();
        var signature = SiweLogin.Sign(message, Trader);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VerifyAsync(message, signature)));

        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.Status == HttpStatusCode.Unauthorized).ShouldBe(7);
    }

    [Fact]
    public async Task Unknown_nonce_is_refused_with_the_same_words_as_a_used_one()
    {
        var message = ((await FreshMessageAsync()) with { Nonce = "NeverIssuedByTheServer42" }).ToString();

        var (status, body, _) = await VerifyAsync(message, SiweLogin.Sign(message, Trader));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.GetProperty("detail").GetString().ShouldBe(NonceRefusal);
    }

    [Fact]
    public async Task Wrong_domain_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { Domain = "evil.test", Uri = "https://evil.test" },
            "Sign-in failed: the message's domain is not accepted here");

    [Fact]
    public async Task Uri_on_another_host_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { Uri = "https://evil.test/escrowp2p.test" },
            "Sign-in failed: the message's URI is not on its domain");

    [Fact]
    public async Task Wrong_chain_id_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { ChainId = 1 },
            "Sign-in failed: the message is for chain 1, this service runs on chain 31337");

    [Fact]
    public async Task Expired_message_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { IssuedAt = DateTimeOffset.UtcNow.AddHours(-2), ExpirationTime = DateTimeOffset.UtcNow.AddHours(-1) },
            "Sign-in failed: the message has expired");

    [Fact]
    public async Task Message_issued_in_the_future_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { IssuedAt = DateTimeOffset.UtcNow.AddHours(1) },
            "Sign-in failed: the message is issued in the future");

    [Fact]
    public async Task Message_not_valid_before_a_future_time_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { NotBefore = DateTimeOffset.UtcNow.AddHours(1) },
            "Sign-in failed: the message is not valid yet");

    [Fact]
    public async Task Signature_by_another_key_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            await FreshMessageAsync(),
            "Sign-in failed: the signature does not match the message's address",
            signer: DevAccounts.Traders[3]);

    [Fact]
    public async Task Address_line_naming_another_account_than_the_signer_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { Address = DevAccounts.Traders[3].Address },
            "Sign-in failed: the signature does not match the message's address");

    [Fact]
    public async Task Unchecksummed_address_line_is_refused() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { Address = Trader.Address.ToLowerInvariant() },
            "Sign-in failed: the message's address is not EIP-55 checksummed");

    [Fact]
    public async Task Message_tampered_after_signing_is_refused_and_the_nonce_stays_usable()
    {
        var message = await FreshMessageAsync();
        var signed = message.ToString();
        var tampered = (message with { Statement = "Sign in to EscrowP2P and approve everything." }).ToString();

        var (status, body, _) = await VerifyAsync(tampered, SiweLogin.Sign(signed, Trader));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.GetProperty("detail").GetString().ShouldBe("Sign-in failed: the signature does not match the message's address");
        (await VerifyAsync(signed, SiweLogin.Sign(signed, Trader))).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Message_breaking_the_eip_4361_grammar_is_refused_with_the_reason() =>
        await ShouldBeRefusedAndLeaveTheNonceUsableAsync(
            (await FreshMessageAsync()) with { Version = "2" },
            "Sign-in failed: the message is not a valid EIP-4361 message (Version must be 1)");

    [Fact]
    public async Task Hex_signature_that_is_no_secp256k1_signature_is_refused_not_an_error()
    {
        var message = (await FreshMessageAsync()).ToString();

        var (status, body, _) = await VerifyAsync(message, "0x" + new string('f', 130));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.GetProperty("detail").GetString().ShouldBe("Sign-in failed: the signature does not match the message's address");
    }

    private static readonly string WellFormedSignature = "0x" + new string('0', 130);

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { $$"""{"signature":"{{WellFormedSignature}}"}""", "message" },
        { $$"""{"message":"","signature":"{{WellFormedSignature}}"}""", "message" },
        { $$"""{"message":null,"signature":"{{WellFormedSignature}}"}""", "message" },
        { $$"""{"message":"{{new string('a', 4097)}}","signature":"{{WellFormedSignature}}"}""", "message" },
        { """{"message":"hello"}""", "signature" },
        { """{"message":"hello","signature":"0x1234"}""", "signature" },
        { $$"""{"message":"hello","signature":"{{new string('0', 130)}}"}""", "signature" },
        { $$"""{"message":"hello","signature":"0x{{new string('g', 130)}}"}""", "signature" },
        { $$"""{"message":"hello","signature":"0x{{new string('0', 132)}}"}""", "signature" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_body_is_400_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync(new Uri("/api/auth/verify", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }
}
