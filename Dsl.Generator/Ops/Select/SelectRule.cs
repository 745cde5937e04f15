using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Select(dim, index)</c>: removes the non-batch axis <c>dim</c> (negative counts from the back), keeping
/// position <c>index</c> (negative counts from the end, as in Python). A known size bounds the index; a symbolic
/// one accepts any (-1, the last, is always there). <c>LastStep()</c> is <c>Select(1, -1)</c>: [B, T, F] to [B, F].
/// </summary>
internal sealed class SelectRule : ShapeRule<SelectOp>
{
    /// <summary>Select only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(SelectOp op, ShapeContext context)
    {
        var input = context.Input;
        if (Axes.NonBatchOrFail(context, "dim", op.Dim, input) is not int axis)
        {
            return null;
        }

        var size = input.Dims[axis - 1];
        if (size.IsKnown && (op.Index < -size.Value || op.Index >= size.Value))
        {
            return context.InvalidArgument("index", "index " + ShapeContext.Text(op.Index) + " is outside dim " + ShapeContext.Text(axis) + " of " + input.ShapeText + "; use 0 to " + (size.Value - 1) + " or -" + size.Value + " to -1");
        }

        if (!size.IsKnown && op.Index < -1)
        {
            return context.InvalidArgument("index", "index " + ShapeContext.Text(op.Index) + " needs dim " + ShapeContext.Text(axis) + " of " + input.ShapeText + " to have at least " + ShapeContext.Text(-(long)op.Index) + " positions, which its symbolic size does not promise; use 0 or -1");
        }

        var type = new TensorType(input.Dims.Where((_, i) => i != axis - 1).ToEquatableArray(), input.DType);
        var source = context.Spec.Nodes[context.Node.Inputs[0]];
        if (axis == 1 && OpCatalogue.For(source.Op)?.BidirectionalHalf(source.Op) is int half)
        {
            // The classic mistake of reading a bidirectional layer like a unidirectional one (Keras' Bidirectional
            // without return_sequences returns each direction's final state, which no single step holds).
            string step = op.Index < 0 ? "T" + ShapeContext.Text(op.Index) : ShapeContext.Text(op.Index);
            context.Warn(Descriptors.BidirectionalStep, context.Label, step, source.Op.Kind + " '" + source.Name + "'",
                ShapeContext.Text(half), input.ShapeText, type.ShapeText);
        }

        return ShapeContext.Ok(type);
    }
}
