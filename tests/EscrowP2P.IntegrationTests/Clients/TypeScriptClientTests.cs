namespace EscrowP2P.IntegrationTests.Clients;

/// <summary>
/// The TypeScript client frontends use: its API types are what the committed OpenAPI document generates, and the
/// package with its usage example type-checks, so a change that would break a frontend's build fails here.
/// </summary>
public sealed class TypeScriptClientTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Committed_api_types_are_what_the_committed_openapi_document_generates()
    {
        await TypeScriptPackage.EnsureInstalledAsync();
        var committed = await File.ReadAllTextAsync(TypeScriptPackage.PathOf("src/api.d.ts"));

        var generate = await TypeScriptPackage.RunAsync("npm", ["run", "generate"], ToolTimeout);

        generate.ExitCode.ShouldBe(0, generate.Output);
        var regenerated = await File.ReadAllTextAsync(TypeScriptPackage.PathOf("src/api.d.ts"));
        FirstDifference(Normalized(committed), Normalized(regenerated)).ShouldBeNull(
            "clients/typescript/src/api.d.ts is stale: run `npm run generate` in clients/typescript and commit the result");
    }

    [Fact]
    public async Task Client_package_and_usage_example_type_check()
    {
        await TypeScriptPackage.EnsureInstalledAsync();

        var typeCheck = await TypeScriptPackage.RunAsync("npx", ["tsc", "--noEmit", "-p", "."], ToolTimeout);

        typeCheck.ExitCode.ShouldBe(0, typeCheck.Output);
    }

    private static string? FirstDifference(string committed, string regenerated)
    {
        string[] before = committed.Split('\n'), after = regenerated.Split('\n');
        for (var line = 0; line < Math.Max(before.Length, after.Length); line++)
        {
            var was = line < before.Length ? before[line] : "(end of file)";
            var now = line < after.Length ? after[line] : "(end of file)";
            if (was != now) return $"line {line + 1}: committed `{was.Trim()}`, generated `{now.Trim()}`";
        }
        return null;
    }

    private static string Normalized(string text) => text.ReplaceLineEndings("\n");
}
