using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Dsl.Runtime.Tests.Data;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port) serving fixed bodies by path, for download tests. A route can
/// announce a longer Content-Length than it sends and then close the connection (a cut-off transfer). Counts requests.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Route> routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int requests;

    public LocalHttpServer()
    {
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/data/");
        loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public int RequestCount => Volatile.Read(ref requests);

    /// <summary>Serves <paramref name="body"/> at <c>/data/{name}</c>; with <paramref name="cutAfter"/>, sends only that many bytes and closes.</summary>
    public void Serve(string name, byte[] body, int? cutAfter = null) => routes["/data/" + name] = new Route(body, cutAfter);

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal.
        }

        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            string? path = await ReadRequestPathAsync(stream);
            if (path is null)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            if (!routes.TryGetValue(path, out Route? route))
            {
                await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }

            await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {route.Body.Length}\r\nConnection: close\r\n\r\n");
            int sent = route.CutAfter ?? route.Body.Length;
            await stream.WriteAsync(route.Body.AsMemory(0, sent));
            await stream.FlushAsync();
            if (route.CutAfter is not null)
            {
                // Close abruptly: the client has been promised more bytes than it got.
                client.Client.LingerState = new LingerOption(true, 0);
            }
        }
    }

    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream)
    {
        var header = new StringBuilder();
        var buffer = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                return null;
            }

            header.Append((char)buffer[0]);
        }

        string[] requestLine = header.ToString().Split("\r\n")[0].Split(' ');
        return requestLine.Length >= 2 ? requestLine[1] : null;
    }

    private static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    private sealed record Route(byte[] Body, int? CutAfter);
}
