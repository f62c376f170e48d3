using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscrowP2P.DevChain;

/// <summary>
/// A deployment written as the API's own configuration (a JSON file with a "Chain" section: chain id, escrow
/// address, start block, the test stablecoin), which API instances load through Chain:SettingsFile.
/// </summary>
public static class ChainSettingsFile
{
    public static async Task WriteAsync(string path, long chainId, DevDeployment deployment, CancellationToken cancellationToken)
    {
        var settings = new JsonObject
        {
            ["Chain"] = new JsonObject
            {
                ["ChainId"] = chainId,
                ["EscrowAddress"] = deployment.EscrowAddress,
                ["StartBlock"] = deployment.DeploymentBlock,
                ["Tokens"] = new JsonArray(new JsonObject
                {
                    ["Symbol"] = "tUSD",
                    ["Address"] = deployment.StablecoinAddress,
                    ["Decimals"] = 6,
                }),
            },
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        // Written whole and then moved into place: an API instance never reads half a file.
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The deployment a file describes, or null when there is none.</summary>
    public static async Task<DevDeployment?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return null;
        var chain = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))?["Chain"];
        var escrow = chain?["EscrowAddress"]?.GetValue<string>();
        var stablecoin = chain?["Tokens"]?[0]?["Address"]?.GetValue<string>();
        var startBlock = chain?["StartBlock"]?.GetValue<ulong>();
        return escrow is null || stablecoin is null || startBlock is null
            ? null
            : new DevDeployment(escrow, stablecoin, startBlock.Value);
    }
}
