using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// A language server child process speaking LSP on its stdin/stdout. Its stderr (the server's own log) is kept
/// for failure messages. Disposing kills the whole process tree.
/// </summary>
public sealed class LanguageServerProcess : IDisposable
{
    private const int StderrTailLines = 60;
    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();

    private LanguageServerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                while (_stderrTail.Count > StderrTailLines)
                {
                    _stderrTail.Dequeue();
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public Stream Output => _process.StandardOutput.BaseStream;

    public Stream Input => _process.StandardInput.BaseStream;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote to stderr.</summary>
    public string StderrTail
    {
        get
        {
            lock (_stderrTail)
            {
                return string.Join("\n", _stderrTail);
            }
        }
    }

    public static LanguageServerProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Dsl.Tests.Shared.DotnetProcess.IsolateFromTestHost(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        return new LanguageServerProcess(process);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
