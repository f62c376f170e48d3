using System.Net;
using System.Text.Json.Nodes;
using EscrowP2P.TestSupport;
using EscrowP2P.TestSupport.Servers;

namespace EscrowP2P.IntegrationTests.Operations;

public class OpenApiDocumentTests(EscrowApiFixture app) : IClassFixture<EscrowApiFixture>
{
    private static readonly string CommittedFile = Path.Combine(RepositoryPaths.Root, "openapi", "escrowp2p.json");
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonObject> ServedDocumentAsync()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<List<(string Route, JsonObject Operation)>> OperationsAsync() =>
        (await ServedDocumentAsync())["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key))
                .Select(op => ($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value!.AsObject())))
            .ToList();

    [Fact]
    public async Task The_committed_document_matches_the_one_the_app_serves()
    {
        var served = await ServedDocumentAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedFile))!;

        JsonNode.DeepEquals(served, committed).ShouldBeTrue(
            $"{CommittedFile} differs from the document the app serves; regenerate it with `dotnet build src/EscrowP2P.Api` and commit it.");
    }

    [Fact]
    public async Task The_document_is_served_anonymously_outside_development_as_openapi_3_1()
    {
        var document = await ServedDocumentAsync();

        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    [Fact]
    public async Task Every_operation_that_needs_a_token_declares_the_bearer_scheme_and_401_and_anonymous_ones_none()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => o.Route, o => o.Operation);

        string[] anonymous = ["GET /api/p2p/offers", "GET /api/chain", "POST /api/auth/nonce", "POST /api/auth/verify"];
        foreach (var (route, operation) in operations)
        {
            var secured = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey("Bearer")) == true;
            secured.ShouldBe(!anonymous.Contains(route), route);
            if (secured) operation["responses"]!.AsObject().ContainsKey("401").ShouldBeTrue(route);
        }
        operations["POST /api/admin/trades/{tradeId}/resolve"]["responses"]!.AsObject().ContainsKey("403").ShouldBeTrue();
    }

    [Fact]
    public async Task Every_error_response_is_a_problem_and_rate_limited_operations_declare_429_with_retry_after()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => o.Route, o => o.Operation);

        foreach (var (route, operation) in operations)
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')))
            {
                response!["content"]!.AsObject().Select(c => c.Key).ShouldBe(["application/problem+json"], $"{route} {status}");
            }
        }
        string[] rateLimited = ["POST /api/p2p/trades", "POST /api/p2p/offers", "DELETE /api/p2p/offers/{offerId}", "POST /api/withdrawals", "POST /api/auth/nonce", "POST /api/auth/verify"];
        foreach (var route in rateLimited)
        {
            operations[route]["responses"]!["429"]!["headers"]!.AsObject().ContainsKey("Retry-After").ShouldBeTrue(route);
        }
        foreach (var route in new[] { "POST /api/p2p/trades", "POST /api/trades/{tradeId}/mark-paid", "POST /api/admin/trades/{tradeId}/resolve", "GET /api/trades" })
        {
            operations[route]["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()
                .ShouldEndWith("/ValidationProblemDetails", customMessage: route);
        }
        operations["POST /api/trades/{tradeId}/mark-paid"]["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!
            .GetValue<string>().ShouldEndWith("/ContractErrorProblemDetails");
    }

    [Fact]
    public async Task Resolve_declares_the_required_idempotency_key_and_its_200_and_202_bodies()
    {
        var resolve = (await OperationsAsync()).Single(o => o.Route == "POST /api/admin/trades/{tradeId}/resolve").Operation;

        var header = resolve["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        header["in"]!.GetValue<string>().ShouldBe("header");
        header["required"]!.GetValue<bool>().ShouldBeTrue();
        foreach (var status in new[] { "200", "202" })
        {
            resolve["responses"]![status]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
                .ShouldEndWith("/ModeratorTransactionResult", customMessage: status);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id()
    {
        var ids = (await OperationsAsync()).Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();

        ids.ShouldAllBe(id => !string.IsNullOrEmpty(id));
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.ShouldContain("prepareTrade");
        ids.ShouldContain("resolveDispute");
    }

    [Fact]
    public async Task Query_parameters_are_camel_case_and_successful_bodies_are_json_only()
    {
        foreach (var (route, operation) in await OperationsAsync())
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["in"]!.GetValue<string>() != "query") continue;
                var name = parameter["name"]!.GetValue<string>();
                char.IsLower(name[0]).ShouldBeTrue($"{route}: query parameter {name}");
            }
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (!status.StartsWith('2') || response!["content"] is not JsonObject content) continue;
                content.Select(c => c.Key).ShouldBe(["application/json"], $"{route} {status}");
            }
        }
    }
}
