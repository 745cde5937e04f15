using System;
using Dsl.Generator.Model;

namespace Dsl.Generator.Ops;

/// <summary>
/// What every emitter does with an attention mask, decided once: the node that holds it, whether its int64 flags
/// (nonzero: masked) become an additive mask (-infinity, or ONNX's -1e9, where masked; 0 elsewhere), and whether a
/// mask per sample ([B, T, S], or a batch of one) gets the head axis that makes it [B, 1, T, S] against the scores
/// [B, heads, T, S]. The emitters only spell each step in their language.
/// </summary>
internal sealed class AttentionMaskPlan
{
    private AttentionMaskPlan(int node, bool flags, bool addHeadAxis)
    {
        Node = node;
        Flags = flags;
        AddHeadAxis = addHeadAxis;
    }

    /// <summary>The node of the mask.</summary>
    public int Node { get; }

    /// <summary>int64 flags, made additive.</summary>
    public bool Flags { get; }

    /// <summary>A mask without a head axis ([T, S] after the batch).</summary>
    public bool AddHeadAxis { get; }

    /// <summary>The plan of the attention node's mask, or null when it has none.</summary>
    public static AttentionMaskPlan? Of(MultiheadAttentionOp op, NodeSpec node, Func<int, TensorType> typeOf)
    {
        if (!op.AttnMask)
        {
            return null;
        }

        int mask = node.Inputs[op.AttnMaskInput(node.Inputs.Count)];
        var type = typeOf(mask);
        return new AttentionMaskPlan(mask, type.DType == DType.Int64, type.Dims.Count == 2);
    }

    /// <summary>The additive [B or 1, heads or 1, T, S] mask from <paramref name="mask"/>, each step spelled by the emitter.</summary>
    public string Render(string mask, Func<string, string> additiveOfFlags, Func<string, string> withHeadAxis)
    {
        string additive = Flags ? additiveOfFlags(mask) : mask;
        return AddHeadAxis ? withHeadAxis(additive) : additive;
    }
}
