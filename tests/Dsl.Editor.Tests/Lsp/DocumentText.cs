using System;
using System.Collections.Generic;
using System.Linq;

namespace Dsl.Editor.Tests.Lsp;

/// <summary>
/// An immutable document text with conversions between string offsets and LSP positions (lines end at '\n';
/// characters are UTF-16 code units, the LSP default encoding, as are .NET strings).
/// </summary>
public sealed class DocumentText(string text)
{
    public string Text { get; } = text;

    public LspPosition PositionAt(int offset)
    {
        if (offset < 0 || offset > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LspPosition(line, offset - lineStart);
    }

    public int OffsetOf(LspPosition position)
    {
        int offset = 0;
        for (int line = 0; line < position.Line; line++)
        {
            offset = Text.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(position), $"line {position.Line} is past the end of the document");
            }
        }

        return offset + position.Character;
    }

    /// <summary>The range of the one occurrence of <paramref name="marker"/>; throws unless it occurs exactly once.</summary>
    public LspRange RangeOf(string marker)
    {
        int index = Text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0 || Text.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"the document must contain '{marker}' exactly once:\n{Text}");
        }

        return new LspRange(PositionAt(index), PositionAt(index + marker.Length));
    }

    public string TextIn(LspRange range) => Text[OffsetOf(range.Start)..OffsetOf(range.End)];

    /// <summary>The text after all <paramref name="edits"/>, whose ranges refer to this text and must not overlap (as in an LSP <c>TextEdit[]</c>).</summary>
    public DocumentText Apply(IEnumerable<TextEdit> edits)
    {
        var ordered = edits.Select(e => (Start: OffsetOf(e.Range.Start), End: OffsetOf(e.Range.End), e.NewText))
            .OrderByDescending(e => e.Start)
            .ThenByDescending(e => e.End)
            .ToList();
        string text = Text;
        foreach (var (start, end, newText) in ordered)
        {
            text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
        }

        return new DocumentText(text);
    }

    public DocumentText Apply(TextEdit edit) => Apply([edit]);
}
