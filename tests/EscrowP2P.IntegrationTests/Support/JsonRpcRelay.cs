using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EscrowP2P.IntegrationTests.Support;

/// <summary>
/// A JSON-RPC HTTP relay in front of a real node, on a free loopback port. It forwards every call and can put its
/// client in the situations a real node or load balancer can: the chain reorganising between two reads (an action
/// runs after the node answered a chosen call and before that answer is returned), a log server that lags behind
/// the head server, and log answers carrying logs nobody asked for.
/// </summary>
public sealed class JsonRpcRelay : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly HttpClient _node;
    private readonly Lock _gate = new();
    private readonly List<(Func<RelayedCall, bool> Match, Func<Task> Action, TaskCompletionSource Done)> _actions = [];
    private (long LastKnownBlock, TaskCompletionSource Withheld)? _lag;
    private (Func<JsonArray, IReadOnlyList<JsonObject>> Extra, TaskCompletionSource Done)? _injection;
    private long _latestHeadAnswered = -1;

    private JsonRpcRelay(WebApplication host, HttpClient node)
    {
        _host = host;
        _node = node;
    }

    public string Url => _host.Urls.Single();

    /// <summary>The highest head this relay has answered to eth_blockNumber so far.</summary>
    public long LatestHeadAnswered
    {
        get
        {
            lock (_gate) return _latestHeadAnswered;
        }
    }

    public static async Task<JsonRpcRelay> StartAsync(string nodeUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var host = builder.Build();
        var relay = new JsonRpcRelay(host, new HttpClient { BaseAddress = new Uri(nodeUrl) });
        host.MapPost("/", relay.RelayAsync);
        await host.StartAsync();
        return relay;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, right after the node answered the first call that matches and before
    /// that answer goes back. The returned task completes when the action has run.
    /// </summary>
    public Task RunAfter(Func<RelayedCall, bool> match, Func<Task> action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _actions.Add((match, action, done));
        return done.Task;
    }

    /// <summary>
    /// From now on eth_getLogs answers as a log server that has seen blocks up to <paramref name="lastKnownBlock"/>
    /// only: ranges leave out later blocks' logs, a later block's hash is unknown. Completes once such an answer
    /// went out; <see cref="CatchUpLogs"/> ends the lag.
    /// </summary>
    public Task LagLogsAfter(long lastKnownBlock)
    {
        var withheld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _lag = (lastKnownBlock, withheld);
        return withheld.Task;
    }

    public void CatchUpLogs()
    {
        lock (_gate) _lag = null;
    }

    /// <summary>
    /// Adds the logs <paramref name="extra"/> makes of the first eth_getLogs answer for which it makes any.
    /// Completes once they went out.
    /// </summary>
    public Task InjectIntoLogs(Func<JsonArray, IReadOnlyList<JsonObject>> extra)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _injection = (extra, done);
        return done.Task;
    }

    /// <summary>Forgets every pending action, lag and injection: from now on the relay only forwards.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _actions.Clear();
            _lag = null;
            _injection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _node.Dispose();
    }

    private async Task RelayAsync(HttpContext context)
    {
        using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await body.ReadToEndAsync(context.RequestAborted);
        if (JsonNode.Parse(text) is not JsonObject request)
        {
            await AnswerAsync(context, await ForwardAsync(text, context.RequestAborted));
            return;
        }

        var call = new RelayedCall(request["method"]!.GetValue<string>(), request["params"] as JsonArray ?? [], null);
        var withheld = call.Method == "eth_getLogs" ? await WithheldLogsAsync(call, context.RequestAborted) : null;
        if (withheld is not null)
        {
            await AnswerAsync(context, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]?.DeepClone(), ["error"] = withheld });
            return;
        }

        var answer = JsonNode.Parse(await ForwardAsync(text, context.RequestAborted))!.AsObject();
        call = call with { Result = answer["result"] };
        if (call.Method == "eth_blockNumber" && call.Result is not null)
        {
            lock (_gate) _latestHeadAnswered = Math.Max(_latestHeadAnswered, RelayedCall.Quantity(call.Result));
        }
        if (call.Method == "eth_getLogs" && call.Result is JsonArray logs)
        {
            HideUnseenLogs(call, logs);
            Inject(logs);
        }
        await RunMatchingActionsAsync(call);
        await AnswerAsync(context, answer);
    }

    /// <summary>The error a lagging log server gives for a block hash it does not know yet; null to forward.</summary>
    private async Task<JsonObject?> WithheldLogsAsync(RelayedCall call, CancellationToken cancellationToken)
    {
        var lag = CurrentLag();
        if (lag is null || call.Params[0]?["blockHash"] is not { } hash) return null;
        var block = await SendAsync("eth_getBlockByHash", new JsonArray(hash.DeepClone(), false), cancellationToken);
        if (block is JsonObject known && RelayedCall.Quantity(known["number"]!) <= lag.Value.LastKnownBlock) return null;
        lag.Value.Withheld.TrySetResult();
        return new JsonObject { ["code"] = -32000, ["message"] = "unknown block" };
    }

    private void HideUnseenLogs(RelayedCall call, JsonArray logs)
    {
        var lag = CurrentLag();
        if (lag is null || call.Params[0]?["blockHash"] is not null) return;
        var unseen = logs.Where(l => RelayedCall.Quantity(l!["blockNumber"]!) > lag.Value.LastKnownBlock).ToList();
        foreach (var log in unseen) logs.Remove(log);
        var to = call.Params[0]?["toBlock"]?.GetValue<string>();
        var reachesPastLag = to is null or "latest" or "pending" or "safe" or "finalized" || RelayedCall.Quantity(to) > lag.Value.LastKnownBlock;
        if (reachesPastLag) lag.Value.Withheld.TrySetResult();
    }

    private void Inject(JsonArray logs)
    {
        (Func<JsonArray, IReadOnlyList<JsonObject>> Extra, TaskCompletionSource Done)? injection;
        lock (_gate) injection = _injection;
        if (injection is null) return;
        var extra = injection.Value.Extra(logs);
        if (extra.Count == 0) return;
        lock (_gate)
        {
            if (_injection != injection) return;
            _injection = null;
        }
        foreach (var log in extra) logs.Add(log);
        injection.Value.Done.TrySetResult();
    }

    private async Task RunMatchingActionsAsync(RelayedCall call)
    {
        List<(Func<RelayedCall, bool> Match, Func<Task> Action, TaskCompletionSource Done)> due;
        lock (_gate)
        {
            due = _actions.Where(a => a.Match(call)).ToList();
            foreach (var action in due) _actions.Remove(action);
        }
        foreach (var (_, action, done) in due)
        {
            try
            {
                await action();
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }
    }

    private (long LastKnownBlock, TaskCompletionSource Withheld)? CurrentLag()
    {
        lock (_gate) return _lag;
    }

    private async Task<JsonNode?> SendAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = parameters };
        return JsonNode.Parse(await ForwardAsync(request.ToJsonString(), cancellationToken))!["result"];
    }

    private async Task<string> ForwardAsync(string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _node.PostAsync(new Uri("/", UriKind.Relative), content, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static async Task AnswerAsync(HttpContext context, JsonNode answer) => await AnswerAsync(context, answer.ToJsonString());

    private static async Task AnswerAsync(HttpContext context, string answer)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }
}
