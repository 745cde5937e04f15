using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// JSON-RPC 2.0 over a pair of streams with LSP framing: numbered requests matched to their responses,
/// notifications both ways, and requests from the server answered by <see cref="ServerRequestHandler"/>.
/// </summary>
public sealed class JsonRpcConnection : IAsyncDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readLoop;
    private long _nextId;

    /// <param name="input">What the server writes (its stdout).</param>
    /// <param name="output">What the server reads (its stdin).</param>
    /// <param name="onNotification">Called on the read loop for each notification from the server.</param>
    /// <param name="onRequest">Answers each request from the server (method, params) with its result.</param>
    public JsonRpcConnection(Stream input, Stream output, Action<string, JsonElement> onNotification, ServerRequestHandler onRequest)
    {
        _input = new BufferedStream(input);
        _output = output;
        OnNotification = onNotification;
        OnRequest = onRequest;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public delegate JsonNode? ServerRequestHandler(string method, JsonElement parameters);

    private Action<string, JsonElement> OnNotification { get; }

    private ServerRequestHandler OnRequest { get; }

    /// <summary>Why the read loop stopped (the server closed its output or sent something unreadable); null while it runs.</summary>
    public Exception? Closed { get; private set; }

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        long id = Interlocked.Increment(ref _nextId);
        var pending = new PendingRequest(method);
        _pending[id] = pending;
        try
        {
            await SendAsync(Message(method, parameters, id)).ConfigureAwait(false);
            return await pending.Response.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the language server did not answer {method} within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) => SendAsync(Message(method, parameters, id: null));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _readLoop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The server is killed by its owner; a read blocked on its pipe ends with it.
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>A request (with an id) or notification; <c>params</c> is left out rather than sent as null.</summary>
    private static JsonObject Message(string method, JsonNode? parameters, long? id)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0" };
        if (id is not null)
        {
            message["id"] = id.Value;
        }

        message["method"] = method;
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message;
    }

    private async Task SendAsync(JsonObject message)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(message);
        await _writeLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            await MessageFraming.WriteAsync(_output, body, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await MessageFraming.ReadAsync(_input, _stop.Token).ConfigureAwait(false) is { } body)
            {
                using var document = JsonDocument.Parse(body);
                await DispatchAsync(document.RootElement.Clone()).ConfigureAwait(false);
            }

            Closed = new EndOfStreamException("the language server closed its output");
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Closed = new ObjectDisposedException(nameof(JsonRpcConnection));
        }
        catch (Exception e)
        {
            Closed = e;
        }

        foreach (var pending in _pending.Values)
        {
            pending.Response.TrySetException(new IOException($"no answer to {pending.Method}: the connection to the language server ended", Closed));
        }
    }

    private async Task DispatchAsync(JsonElement message)
    {
        bool hasMethod = message.TryGetProperty("method", out var method);
        bool hasId = message.TryGetProperty("id", out var id);
        if (hasMethod && hasId)
        {
            await AnswerServerRequestAsync(method.GetString()!, id, message).ConfigureAwait(false);
        }
        else if (hasMethod)
        {
            OnNotification(method.GetString()!, message.TryGetProperty("params", out var p) ? p : default);
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt64(), out var pending))
        {
            if (message.TryGetProperty("error", out var error))
            {
                pending.Response.TrySetException(new JsonRpcException(
                    pending.Method, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? ""));
            }
            else
            {
                pending.Response.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }

    private async Task AnswerServerRequestAsync(string method, JsonElement id, JsonElement message)
    {
        JsonNode? result = OnRequest(method, message.TryGetProperty("params", out var p) ? p : default);
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result }).ConfigureAwait(false);
    }

    private sealed class PendingRequest(string method)
    {
        public string Method { get; } = method;

        public TaskCompletionSource<JsonElement> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
