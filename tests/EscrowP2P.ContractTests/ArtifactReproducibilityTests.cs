using System.Diagnostics;
using EscrowP2P.DevChain;

namespace EscrowP2P.ContractTests;

public class ArtifactReproducibilityTests
{
    [Fact]
    public async Task Committed_artifacts_are_byte_identical_to_a_fresh_compile()
    {
        var start = new ProcessStartInfo("node", "scripts/compile.js --check")
        {
            WorkingDirectory = ContractToolchain.ContractsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var compile = Process.Start(start)!;
        var output = await compile.StandardOutput.ReadToEndAsync();
        var errors = await compile.StandardError.ReadToEndAsync();
        await compile.WaitForExitAsync();

        compile.ExitCode.ShouldBe(0, $"{output}\n{errors}");
        output.ShouldContain("artifacts reproducible");
    }
}
