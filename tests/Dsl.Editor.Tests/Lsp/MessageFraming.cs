using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// The LSP base protocol: each JSON-RPC message is preceded by ASCII headers, of which only
/// <c>Content-Length</c> (the byte count of the UTF-8 body) matters, and a blank line.
/// </summary>
public static class MessageFraming
{
    private const string LengthHeader = "Content-Length:";

    public static async Task WriteAsync(Stream output, byte[] body, CancellationToken cancel)
    {
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        await output.WriteAsync(header, cancel).ConfigureAwait(false);
        await output.WriteAsync(body, cancel).ConfigureAwait(false);
        await output.FlushAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The next message body, or null at the end of the stream.</summary>
    public static async Task<byte[]?> ReadAsync(Stream input, CancellationToken cancel)
    {
        int? length = null;
        while (true)
        {
            string? line = await ReadHeaderLineAsync(input, cancel).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith(LengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan(LengthHeader.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        if (length is null)
        {
            throw new InvalidDataException("LSP message without a Content-Length header");
        }

        byte[] body = new byte[length.Value];
        await input.ReadExactlyAsync(body, cancel).ConfigureAwait(false);
        return body;
    }

    /// <summary>One header line without its CR LF; null at the end of the stream before any byte of it.</summary>
    private static async Task<string?> ReadHeaderLineAsync(Stream input, CancellationToken cancel)
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            int read = await input.ReadAsync(one, cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return line.Length == 0 ? null : throw new EndOfStreamException("LSP stream ended inside a header");
            }

            char c = (char)one[0];
            if (c == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append(c);
        }
    }
}
