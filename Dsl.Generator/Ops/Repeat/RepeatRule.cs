using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary><c>x.Repeat(repeats...)</c>: one count per axis after the batch; each size is multiplied by its count (the batch is kept).</summary>
internal sealed class RepeatRule : ShapeRule<RepeatOp>
{
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(RepeatOp op, ShapeContext context)
    {
        var x = context.Input;
        if (op.Repeats.Count != x.Dims.Count)
        {
            return context.InvalidArgument(
                "repeats",
                "give one count per axis after the batch of " + x.ShapeText + " (" + x.Dims.Count + "; 1 keeps an axis) but " + op.Repeats.Count + (op.Repeats.Count == 1 ? " is" : " are") + " given");
        }

        var dims = new DimExpr[x.Dims.Count];
        for (int i = 0; i < dims.Length; i++)
        {
            if (x.Dims[i].Times(op.Repeats[i]) is not { } size)
            {
                return context.NeedsConcreteSize(x, x.Dims[i], "the repeated size does not fit in 32 bits; repeat fewer times");
            }

            dims[i] = size;
        }

        return ShapeContext.Ok(new TensorType(dims.ToEquatableArray(), x.DType) { BatchOne = x.BatchOne });
    }
}
