using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Embedding(numEmbeddings, embeddingDim, paddingIdx)</c>: int64 indices [B, ...] to float32 vectors
/// [B, ..., embeddingDim] (any sizes, symbolic ones included). A float input is DSL0009: it holds values, not
/// indices. paddingIdx, as in PyTorch, is in [-numEmbeddings, numEmbeddings). Parameters: numEmbeddings * embeddingDim.
/// </summary>
internal sealed class EmbeddingRule : ShapeRule<EmbeddingOp>
{
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(EmbeddingOp op, ShapeContext context)
    {
        if (op.PaddingIdx is int padding && (padding < -op.NumEmbeddings || padding >= op.NumEmbeddings))
        {
            return context.InvalidArgument(
                "paddingIdx",
                "paddingIdx must index the table, from -" + ShapeContext.Text(op.NumEmbeddings) + " to " + ShapeContext.Text(op.NumEmbeddings - 1) + ", but is " + ShapeContext.Text(padding));
        }

        var input = context.Input;
        if (input.DType != DType.Int64)
        {
            return context.Fail(
                Descriptors.WrongDType,
                context.Label,
                "int64 indices (token ids)",
                input.TypeText,
                "declare the ids with g.Input(name, DType.Int64, ...) and embed them, not values computed from them");
        }

        var type = new TensorType(input.Dims.Concat(new[] { DimExpr.Of(op.EmbeddingDim) }).ToEquatableArray());
        return ShapeContext.Ok(type, SizeLimits.Multiply(op.NumEmbeddings, op.EmbeddingDim));
    }
}
