using System;
using System.Text;
using System.Threading;

namespace Dsl.Generator.Emit;

/// <summary>
/// A small text writer for generated C#: whole lines at the current indentation (four spaces a level), braces
/// that open and close a level, and <c>\n</c> line ends whatever the host, so the output is the same everywhere.
/// Empty lines carry no trailing spaces. Every emitter writes through one, line by line, so the writer is where a
/// cancelled build stops emitting (a cancellation token checked at every line).
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder text = new();
    private readonly CancellationToken cancellationToken;
    private int depth;

    public IndentedWriter(CancellationToken cancellationToken = default) => this.cancellationToken = cancellationToken;

    /// <summary>The current indentation level.</summary>
    public int Depth => depth;

    /// <summary>Writes one line at the current indentation; a text with line breaks writes several lines.</summary>
    public IndentedWriter Line(string line = "")
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (line.IndexOf('\n') >= 0)
        {
            foreach (var part in line.Split('\n'))
            {
                Line(part.TrimEnd('\r'));
            }

            return this;
        }

        if (line.Length > 0)
        {
            for (int i = 0; i < depth; i++)
            {
                text.Append(IndentUnit);
            }

            text.Append(line);
        }

        text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (when given) and <c>{</c>, then indents.</summary>
    public IndentedWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        depth++;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/> (<c>;</c>, <c>,</c>, <c>)</c>).</summary>
    public IndentedWriter Close(string suffix = "")
    {
        if (depth == 0)
        {
            throw new InvalidOperationException("IndentedWriter.Close without a matching Open.");
        }

        depth--;
        return Line("}" + suffix);
    }

    /// <summary>Indents the following lines one level without writing a brace.</summary>
    public IndentedWriter Indent()
    {
        depth++;
        return this;
    }

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    public IndentedWriter Outdent()
    {
        if (depth == 0)
        {
            throw new InvalidOperationException("IndentedWriter.Outdent without a matching Indent.");
        }

        depth--;
        return this;
    }

    public override string ToString() => text.ToString();
}
