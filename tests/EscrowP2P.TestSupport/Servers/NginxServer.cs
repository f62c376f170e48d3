using System.Globalization;
using System.Text.RegularExpressions;

namespace EscrowP2P.TestSupport.Servers;

/// <summary>
/// A real nginx (the machine's package, installed by the test script) in front of API instances, configured with
/// the very template docker-compose gives the nginx image (deploy/nginx/templates/default.conf.template), its
/// ESCROWP2P_* variables filled in as that image's start-up script would.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly ServerProcess _process;
    private readonly string _directory;

    private NginxServer(ServerProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri BaseAddress { get; }

    public static async Task<NginxServer> StartAsync(Uri firstInstance, Uri secondInstance, int authRequestsPerMinute = 6000)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} was not found. The test command (scripts/test.sh) installs the Debian package nginx; install it, or run the tests through that command.");
        }
        var port = FreeTcpPort.Next();
        var directory = Path.Combine(Path.GetTempPath(), $"escrowp2p-nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);

        var variables = new Dictionary<string, string>
        {
            ["ESCROWP2P_API_1"] = firstInstance.Authority,
            ["ESCROWP2P_API_2"] = secondInstance.Authority,
            ["ESCROWP2P_PROXY_PORT"] = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["ESCROWP2P_AUTH_PER_MINUTE"] = authRequestsPerMinute.ToString(CultureInfo.InvariantCulture),
        };
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "templates", "default.conf.template"));
        var site = TemplateVariable().Replace(template, match => variables.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"the nginx template uses ${{{match.Groups[1].Value}}}, which docker-compose.yml does not set"));
        await File.WriteAllTextAsync(Path.Combine(directory, "escrowp2p.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), MainConfiguration(directory));

        var process = ServerProcess.Start("nginx", Binary, ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", "stderr"]);
        var server = new NginxServer(process, directory, port);
        try
        {
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }

    /// <summary>What the nginx image's own nginx.conf provides around the site, with every path in the test's folder.</summary>
    private static string MainConfiguration(string directory) => $$"""
        daemon off;
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log stderr warn;
        {{(Environment.UserName == "root" ? "user root;" : "")}}
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path {{directory}}/client_body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            include {{directory}}/escrowp2p.conf;
        }
        """;

    // The nginx image substitutes ${NAME} for variables its environment defines; nginx's own $variables have no braces.
    [GeneratedRegex(@"\$\{([A-Z0-9_]+)\}")]
    private static partial Regex TemplateVariable();
}
