using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// The latest <c>textDocument/publishDiagnostics</c> per document, numbered in arrival order, with waits for a
/// condition on them. csharp-ls publishes without a document version, so a wait ignores what arrived before the
/// edit (by number) and then waits for a condition the edited text must produce: a publication computed on the old
/// text but sent after the edit cannot be told apart otherwise.
/// </summary>
public sealed class PublishedDiagnostics
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Number, IReadOnlyList<LspDiagnostic> Diagnostics)> _latest = new(StringComparer.Ordinal);
    private TaskCompletionSource _arrived = NewSignal();
    private long _count;

    /// <summary>The number of the latest publication for any document; a wait after an edit passes the value from before it.</summary>
    public long Mark()
    {
        lock (_gate)
        {
            return _count;
        }
    }

    public void Publish(Uri document, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _latest[Key(document)] = (++_count, diagnostics);
            arrived = _arrived;
            _arrived = NewSignal();
        }

        arrived.SetResult();
    }

    /// <summary>The latest diagnostics of <paramref name="document"/> published after <paramref name="mark"/>, once they satisfy <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> WaitAsync(Uri document, long mark, Func<IReadOnlyList<LspDiagnostic>, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task arrived;
            IReadOnlyList<LspDiagnostic>? latest = null;
            lock (_gate)
            {
                arrived = _arrived.Task;
                if (_latest.TryGetValue(Key(document), out var entry) && entry.Number > mark)
                {
                    latest = entry.Diagnostics;
                }
            }

            if (latest is not null && until(latest))
            {
                return latest;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new DiagnosticsTimeoutException(timeout, latest);
            }

            await Task.WhenAny(arrived, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    private static string Key(Uri document) => document.LocalPath;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
