using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes.Losses;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

/// <summary>Shared blocks: while a block is applied, the layers created join (first application) or reuse its layers.</summary>
internal sealed partial class GraphBuilder
{
    /// <summary>The block being applied, and how many layers this application has created so far.</summary>
    private (BlockRef Block, int Layers, int Site, bool Reported)? applying;

    /// <summary>Interprets one application of a shared block: layers created meanwhile join (or reuse) the block's layers.</summary>
    public NodeRef ApplyBlock(BlockRef block, int site, Func<NodeRef> body)
    {
        if (applying is not null)
        {
            throw new InterpretationError(Descriptors.Unsupported, (SyntaxNode?)null, block.Name + ".Apply", "a shared block cannot be applied inside another block's lambda");
        }

        applying = (block, 0, site, false);
        try
        {
            var result = body();
            if (block.Applications > 0 && applying.Value.Layers != block.Layers.Count && !applying.Value.Reported)
            {
                Report(Descriptors.BlockNotRepeatable, site, block.Name, $"{applying.Value.Layers} layer(s)", $"{block.Layers.Count}");
            }

            block.Applications++;
            return result;
        }
        finally
        {
            applying = null;
        }
    }
}
