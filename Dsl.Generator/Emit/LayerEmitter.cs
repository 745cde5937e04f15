using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>One statement of <c>forward</c>: the expression a node's local is set to, and an optional note written above it.</summary>
internal sealed record ForwardStep(string Expression, string? Note = null);

/// <summary>
/// The TorchSharp code of each op, from its emitter in the op catalogue (<c>Ops/&lt;Op&gt;/*TorchSharp.cs</c>).
/// Input sizes come from the analysis of the node's first input; the shape rules have already reported every
/// size that is not known where it is needed. Names of TorchSharp 0.107's API are checked by compiling
/// generated code against it (tests/Emit).
/// </summary>
internal static class LayerEmitter
{
    /// <summary>The field type of a layer op (<c>global::TorchSharp.Modules.Conv2d</c>).</summary>
    public static string FieldType(Op op) => OpCatalogue.For(op)?.TorchSharp.FieldType(op)
        ?? throw new InvalidOperationException($"{op.Kind} is not a layer with parameters.");

    /// <summary>The expression that constructs a layer with fresh weights, as PyTorch initializes them.</summary>
    public static string Construction(NodeSpec node, AnalyzedModel model) => node.Op.IsLayer && OpCatalogue.For(node.Op) is { } descriptor
        ? descriptor.TorchSharp.Construction(node, model)
        : throw new InvalidOperationException($"{node.Op.Kind} is not a layer with parameters.");

    /// <summary>The expression computing <paramref name="node"/> from the locals of its inputs.</summary>
    public static ForwardStep ForwardOf(NodeSpec node, AnalyzedModel model, MemberNames names) => OpCatalogue.For(node.Op) is { } descriptor
        ? descriptor.TorchSharp.Forward(node, model, names)
        : throw new InvalidOperationException($"The emitter has no rule for {node.Op.Kind} ('{node.Name}').");
}
