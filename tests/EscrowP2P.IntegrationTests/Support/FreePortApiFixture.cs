namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// <see cref="EscrowApiFixture"/> on a free loopback port, so that test classes can run in parallel. The base fixture
/// calls <c>UseKestrel(0)</c> on the factory that <c>WithWebHostBuilder</c> returned, but that factory builds its host
/// through the parent factory, which never saw the port: every base fixture binds Kestrel's default localhost:5000, and a
/// second one running at the same time (in this run or another worktree's) fails to start. Redundant, and harmless, once
/// the base fixture sets the port itself.
/// </summary>
public class FreePortApiFixture : EscrowApiFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["urls"] = "http://127.0.0.1:0";
}
