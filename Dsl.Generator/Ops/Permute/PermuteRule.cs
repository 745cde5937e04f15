using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>x.Permute(dims...)</c>, as in PyTorch: the new order of every axis, each once (negative counts from the
/// back); the batch stays first (0). [B, C, H, W] with (0, 2, 3, 1) gives the channels-last [B, H, W, C], which is
/// no longer a channels-first feature map, so Linear then acts on C at every position.
/// </summary>
internal sealed class PermuteRule : ShapeRule<PermuteOp>
{
    /// <summary>Permute only moves elements: int64 indices stay int64 (token ids reordered or reshaped before an Embedding, or as a class-index target).</summary>
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(PermuteOp op, ShapeContext context)
    {
        var input = context.Input;
        int rank = input.Rank;
        string all = "(0, " + string.Join(", ", Enumerable.Range(1, rank - 1)) + ")";
        var axes = op.Dims.Select(d => d < 0 ? rank + d : d).ToArray();
        if (axes.Length != rank || axes.Any(a => a < 0 || a >= rank) || axes.Distinct().Count() != rank)
        {
            return context.InvalidArgument(
                "dims",
                "(" + string.Join(", ", op.Dims) + ") is not an order of the " + rank + " axes of " + input.ShapeText + "; give each of " + all + " once");
        }

        if (axes[0] != 0)
        {
            return context.InvalidArgument("dims", "the batch must stay first, but (" + string.Join(", ", op.Dims) + ") moves it; start with 0");
        }

        return ShapeContext.Ok(new TensorType(axes.Skip(1).Select(a => input.Dims[a - 1]).ToEquatableArray(), input.DType));
    }
}
