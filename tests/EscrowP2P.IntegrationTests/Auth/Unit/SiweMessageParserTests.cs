using EscrowP2P.Api.Auth;
using EscrowP2P.DevChain;
using EscrowP2P.TestSupport;

namespace EscrowP2P.IntegrationTests.Auth.Unit;

public class SiweMessageParserTests
{
    private static readonly SiweMessageText Minimal = new()
    {
        Address = DevAccounts.Traders[0].Address,
        Statement = null,
        Nonce = "abcdEFGH1234",
        IssuedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
    };

    private static SiweMessage Parsed(string text)
    {
        SiweMessageParser.TryParse(text, out var message, out var error).ShouldBeTrue(error);
        return message;
    }

    private static string Refusal(string text)
    {
        SiweMessageParser.TryParse(text, out _, out var error).ShouldBeFalse();
        return error!;
    }

    [Fact]
    public void Minimal_message_without_statement_has_two_blank_lines_after_the_address()
    {
        var text = Minimal.ToString();
        text.ShouldContain($"{Minimal.Address}\n\n\nURI: ");

        var message = Parsed(text);

        message.Scheme.ShouldBeNull();
        message.Domain.ShouldBe("escrowp2p.test");
        message.Address.ShouldBe(DevAccounts.Traders[0].Address);
        message.Statement.ShouldBeNull();
        message.Uri.ShouldBe(new Uri("https://escrowp2p.test"));
        message.Version.ShouldBe("1");
        message.ChainId.ShouldBe(31337);
        message.Nonce.ShouldBe("abcdEFGH1234");
        message.IssuedAt.ShouldBe(Minimal.IssuedAt);
        message.ExpirationTime.ShouldBeNull();
        message.NotBefore.ShouldBeNull();
        message.RequestId.ShouldBeNull();
        message.Resources.ShouldBeEmpty();
    }

    [Fact]
    public void Every_optional_field_is_read()
    {
        var text = (Minimal with
        {
            Scheme = "https",
            Domain = "localhost:5173",
            Statement = "I accept the Terms: https://escrowp2p.test/tos (v2), ok?",
            Uri = "http://localhost:5173/login?next=%2Ftrades",
            ExpirationTime = Minimal.IssuedAt.AddMinutes(10),
            NotBefore = Minimal.IssuedAt.AddMinutes(-1),
            RequestId = "req-42:abc@x",
            Resources = ["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://escrowp2p.test/terms"],
        }).ToString();

        var message = Parsed(text);

        message.Scheme.ShouldBe("https");
        message.Domain.ShouldBe("localhost:5173");
        message.Statement.ShouldBe("I accept the Terms: https://escrowp2p.test/tos (v2), ok?");
        message.Uri.ShouldBe(new Uri("http://localhost:5173/login?next=%2Ftrades"));
        message.ExpirationTime.ShouldBe(Minimal.IssuedAt.AddMinutes(10));
        message.NotBefore.ShouldBe(Minimal.IssuedAt.AddMinutes(-1));
        message.RequestId.ShouldBe("req-42:abc@x");
        message.Resources.Select(r => r.ToString()).ShouldBe(["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://escrowp2p.test/terms"]);
    }

    [Fact]
    public void Resources_header_may_list_no_resource()
    {
        Parsed((Minimal with { Resources = [] }).ToString()).Resources.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-11-24T12:00:00Z", "2026-11-24T12:00:00+00:00")]
    [InlineData("2026-11-24t12:00:00.123456789z", "2026-11-24T12:00:00.1234567+00:00")]
    [InlineData("2026-11-24T14:30:00+02:30", "2026-11-24T12:00:00+00:00")]
    [InlineData("2026-11-24T09:00:00-03:00", "2026-11-24T12:00:00+00:00")]
    public void Issued_at_is_any_rfc_3339_date_time_read_as_utc(string written, string expected)
    {
        var text = Minimal.ToString().Replace("Issued At: 2026-11-24T12:00:00.000Z", $"Issued At: {written}", StringComparison.Ordinal);

        Parsed(text).IssuedAt.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-24 12:00:00Z")]
    [InlineData("2026-11-24T12:00:00")]
    [InlineData("2026-13-24T12:00:00Z")]
    [InlineData("2026-11-24T12:00:60Z")]
    [InlineData("1732449600")]
    public void Issued_at_that_is_not_an_rfc_3339_date_time_is_refused(string written)
    {
        var text = Minimal.ToString().Replace("Issued At: 2026-11-24T12:00:00.000Z", $"Issued At: {written}", StringComparison.Ordinal);

        Refusal(text).ShouldContain("Issued At");
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "line 1 must" },
        { Minimal.ToString().Replace("\n", "\r\n", StringComparison.Ordinal), "LF only" },
        { Minimal.ToString() + "\n", "line 10" },
        { "https:// " + Minimal, "line 1 must" },
        { Minimal.ToString().Replace(" wants you to sign in", " wants to sign in", StringComparison.Ordinal), "line 1 must" },
        { Minimal.ToString().Replace(Minimal.Address, Minimal.Address[2..], StringComparison.Ordinal), "line 2" },
        { Minimal.ToString().Replace(Minimal.Address, Minimal.Address + "00", StringComparison.Ordinal), "line 2" },
        { Minimal.ToString().Replace("\n\n\nURI", "\n\nURI", StringComparison.Ordinal), "blank" },
        { (Minimal with { Statement = "Sign in ✓" }).ToString(), "statement" },
        { (Minimal with { Statement = "100% \"safe\"" }).ToString(), "statement" },
        { (Minimal with { Uri = "escrowp2p.test/login" }).ToString(), "URI" },
        { (Minimal with { Uri = "https://escrowp2p.test/a b" }).ToString(), "URI" },
        { (Minimal with { Version = "2" }).ToString(), "Version must be 1" },
        { (Minimal with { Version = "01" }).ToString(), "Version must be 1" },
        { Minimal.ToString().Replace("Chain ID: 31337", "Chain ID: 0x7a69", StringComparison.Ordinal), "Chain ID" },
        { Minimal.ToString().Replace("Chain ID: 31337", "Chain ID: 99999999999999999999", StringComparison.Ordinal), "Chain ID" },
        { (Minimal with { Nonce = "short12" }).ToString(), "Nonce" },
        { (Minimal with { Nonce = "abcd-efgh-1234" }).ToString(), "Nonce" },
        { Minimal.ToString().Replace("Version: 1\nChain ID: 31337", "Chain ID: 31337\nVersion: 1", StringComparison.Ordinal), "Version" },
        { (Minimal with { ExpirationTime = Minimal.IssuedAt.AddHours(1), NotBefore = Minimal.IssuedAt })
            .ToString().Replace("\nExpiration Time: 2026-11-24T13:00:00.000Z", "", StringComparison.Ordinal) + "\nExpiration Time: 2026-11-24T13:00:00.000Z", "line 11" },
        { (Minimal with { RequestId = "has space" }).ToString(), "Request ID" },
        { Minimal + "\nResources:\nhttps://escrowp2p.test", "resource" },
        { Minimal + "\nResources:\n- not a uri", "resource" },
        { Minimal + "\nNonce: again12345", "line 10" },
        { Minimal + "\nX-Custom: 1", "line 10" },
        { new string('a', SiweMessageParser.MaxLength + 1), "longer than" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Message_that_breaks_the_eip_4361_grammar_is_refused_with_a_reason(string text, string reasonMentions)
    {
        Refusal(text).ShouldContain(reasonMentions);
    }

    [Fact]
    public void Refusal_reason_never_quotes_the_message()
    {
        var text = (Minimal with { Statement = "secret\u0001stuff" }).ToString();

        Refusal(text).ShouldNotContain("secret");
    }

    [Fact]
    public void Lowercase_address_is_read_as_written_for_the_verifier_to_judge()
    {
        var lower = Minimal.Address.ToLowerInvariant();

        Parsed((Minimal with { Address = lower }).ToString()).Address.ShouldBe(lower);
    }
}
