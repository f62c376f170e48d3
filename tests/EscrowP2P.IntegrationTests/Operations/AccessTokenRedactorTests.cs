using EscrowP2P.Api.Infrastructure;
using Serilog.Events;
using Serilog.Parsing;

namespace EscrowP2P.IntegrationTests.Operations;

public class AccessTokenRedactorTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDEifQ.c2lnbmF0dXJl";

    private static LogEvent Enrich(params LogEventProperty[] properties)
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("test"), properties);
        new AccessTokenRedactor().Enrich(logEvent, null!);
        return logEvent;
    }

    [Fact]
    public void An_access_token_query_parameter_is_redacted_and_the_rest_kept()
    {
        var logged = Enrich(new LogEventProperty("QueryString", new ScalarValue($"?id=7&access_token={Jwt}&x=1")));

        logged.Properties["QueryString"].ToString().ShouldBe("\"?id=7&access_token=[redacted]&x=1\"");
    }

    [Fact]
    public void A_jwt_inside_a_uri_a_sequence_or_a_structure_is_redacted()
    {
        var logged = Enrich(
            new LogEventProperty("Uri", new ScalarValue(new Uri($"http://host/hubs/trades?token={Jwt}"))),
            new LogEventProperty("Headers", new SequenceValue([new ScalarValue($"Bearer {Jwt}")])),
            new LogEventProperty("Request", new StructureValue([new LogEventProperty("Authorization", new ScalarValue($"Bearer {Jwt}"))])));

        foreach (var property in logged.Properties.Values) property.ToString().ShouldNotContain("c2lnbmF0dXJl");
        logged.Properties["Headers"].ToString().ShouldContain("[redacted token]");
    }

    [Fact]
    public void Values_without_tokens_are_left_untouched()
    {
        var value = new ScalarValue("GET /api/trades?page=2");

        var logged = Enrich(new LogEventProperty("Path", value));

        logged.Properties["Path"].ShouldBeSameAs(value);
    }
}
