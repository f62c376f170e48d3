using EscrowP2P.Api.Auth;
using EscrowP2P.Chain.Configuration;
using EscrowP2P.DevChain;
using EscrowP2P.IntegrationTests.Support;
using EscrowP2P.TestSupport;
using Microsoft.Extensions.Options;

namespace EscrowP2P.IntegrationTests.Auth.Unit;

public class SiweVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly DevAccount Signer = DevAccounts.Traders[0];

    private readonly SiweVerifier _verifier = new(
        Options.Create(new AuthOptions { Domains = ["escrowp2p.test", "LocalHost:5173"] }),
        Options.Create(new ChainOptions { ChainId = 31337 }),
        new ManualClock(Now));

    private static SiweMessageText Message => new() { Address = Signer.Address, Nonce = "n0nce1234567", IssuedAt = Now };

    private SiweVerification Verify(SiweMessageText message, DevAccount? signer = null)
    {
        var text = message.ToString();
        return _verifier.Verify(text, SiweLogin.Sign(text, signer ?? Signer));
    }

    private static void ShouldBeRefused(SiweVerification verification, string reason)
    {
        verification.IsValid.ShouldBeFalse();
        verification.Failure.ShouldBe(reason);
    }

    [Fact]
    public void Correctly_signed_message_is_valid()
    {
        var verification = Verify(Message);

        verification.IsValid.ShouldBeTrue(verification.Failure);
        verification.Message.Address.ShouldBe(Signer.Address);
        verification.Message.Nonce.ShouldBe("n0nce1234567");
    }

    [Theory]
    [InlineData("ESCROWP2P.test", "https://escrowp2p.test/login")]
    [InlineData("localhost:5173", "http://localhost:5173/")]
    [InlineData("escrowp2p.test", "https://escrowp2p.test:443/")]
    public void Domain_matches_the_configured_domains_ignoring_case(string domain, string uri)
    {
        Verify(Message with { Domain = domain, Uri = uri }).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("evil.test", "https://evil.test")]
    [InlineData("escrowp2p.test.evil.test", "https://escrowp2p.test.evil.test")]
    [InlineData("localhost:5174", "http://localhost:5174")]
    [InlineData("user@escrowp2p.test", "https://escrowp2p.test")]
    public void Domain_not_configured_is_refused(string domain, string uri)
    {
        ShouldBeRefused(Verify(Message with { Domain = domain, Uri = uri }), "the message's domain is not accepted here");
    }

    [Theory]
    [InlineData("https://evil.test/login")]
    [InlineData("https://escrowp2p.test.evil.test/")]
    [InlineData("https://escrowp2p.test:8443/")]
    [InlineData("urn:uuid:6f1f3d1c-0000-4000-8000-000000000000")]
    public void Uri_off_the_domain_is_refused(string uri)
    {
        ShouldBeRefused(Verify(Message with { Uri = uri }), "the message's URI is not on its domain");
    }

    [Fact]
    public void Uri_on_another_port_than_the_domains_is_refused()
    {
        ShouldBeRefused(Verify(Message with { Domain = "localhost:5173", Uri = "http://localhost:3000/" }), "the message's URI is not on its domain");
    }

    [Fact]
    public void Other_chain_id_is_refused()
    {
        ShouldBeRefused(Verify(Message with { ChainId = 1 }), "the message is for chain 1, this service runs on chain 31337");
    }

    [Fact]
    public void Issued_at_within_the_clock_skew_is_accepted_beyond_it_refused()
    {
        Verify(Message with { IssuedAt = Now + SiweVerifier.ClockSkew }).IsValid.ShouldBeTrue();
        ShouldBeRefused(Verify(Message with { IssuedAt = Now + SiweVerifier.ClockSkew + TimeSpan.FromSeconds(1) }), "the message is issued in the future");
    }

    [Fact]
    public void Expiration_time_reached_is_refused()
    {
        Verify(Message with { ExpirationTime = Now.AddSeconds(1) }).IsValid.ShouldBeTrue();
        ShouldBeRefused(Verify(Message with { ExpirationTime = Now }), "the message has expired");
        ShouldBeRefused(Verify(Message with { IssuedAt = Now.AddHours(-1), ExpirationTime = Now.AddMinutes(-1) }), "the message has expired");
    }

    [Fact]
    public void Not_before_in_the_future_is_refused()
    {
        Verify(Message with { NotBefore = Now.AddSeconds(30) }).IsValid.ShouldBeTrue();
        ShouldBeRefused(Verify(Message with { NotBefore = Now.AddMinutes(5) }), "the message is not valid yet");
    }

    [Fact]
    public void Lowercase_address_is_refused_even_when_signed_by_it()
    {
        ShouldBeRefused(Verify(Message with { Address = Signer.Address.ToLowerInvariant() }), "the message's address is not EIP-55 checksummed");
    }

    [Fact]
    public void Address_with_a_broken_checksum_is_refused()
    {
        var broken = BreakChecksum(Signer.Address);

        ShouldBeRefused(Verify(Message with { Address = broken }), "the message's address is not EIP-55 checksummed");
    }

    [Fact]
    public void Signature_by_another_key_is_refused()
    {
        ShouldBeRefused(Verify(Message, signer: DevAccounts.Traders[1]), "the signature does not match the message's address");
    }

    [Fact]
    public void Message_changed_after_signing_is_refused()
    {
        var signed = Message.ToString();
        var signature = SiweLogin.Sign(signed, Signer);
        var tampered = signed.Replace("Sign in to EscrowP2P.", "Sign in to EscrowP2P!", StringComparison.Ordinal);

        ShouldBeRefused(_verifier.Verify(tampered, signature), "the signature does not match the message's address");
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "00")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "1b")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "ff")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "1c")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "1b")]
    public void Signature_that_is_no_valid_secp256k1_signature_is_refused(string rAndS, string v)
    {
        var signature = "0x" + rAndS + rAndS + v;

        ShouldBeRefused(_verifier.Verify(Message.ToString(), signature), "the signature does not match the message's address");
    }

    [Fact]
    public void Signature_with_recovery_id_0_or_1_instead_of_27_or_28_is_accepted()
    {
        var text = Message.ToString();
        var signature = SiweLogin.Sign(text, Signer);
        var v = Convert.ToByte(signature[^2..], 16);
        var yParity = signature[..^2] + (v - 27).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);

        _verifier.Verify(text, yParity).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Malformed_message_is_refused_with_the_parse_reason()
    {
        ShouldBeRefused(Verify(Message with { Version = "2" }), "the message is not a valid EIP-4361 message (Version must be 1)");
    }

    private static string BreakChecksum(string address)
    {
        var letter = address.Select((c, i) => (c, i)).First(x => x.i >= 2 && char.IsLetter(x.c)).i;
        var flipped = char.IsUpper(address[letter]) ? char.ToLowerInvariant(address[letter]) : char.ToUpperInvariant(address[letter]);
        return address[..letter] + flipped + address[(letter + 1)..];
    }
}
