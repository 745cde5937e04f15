using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>Lstm / Gru / Rnn</c>, batch first: [B, T, F] to [B, T, hiddenSize * directions], the output of every step
/// (take the last with <c>.LastStep()</c>); T may be symbolic, F must be known. Parameters, as PyTorch counts them:
/// for each layer and direction, gates x hiddenSize x (in + hiddenSize) weights and two bias vectors of
/// gates x hiddenSize, where in is F for the first layer and hiddenSize x directions above it (gates: LSTM 4,
/// GRU 3, RNN 1). An initial state (h0, and c0 for an LSTM) must be [B, numLayers x directions, hiddenSize].
/// </summary>
internal sealed class RecurrentRule : ShapeRule<RecurrentOp>
{
    // The sequence, then h0 (and c0) where an initial state is given.
    public override bool AcceptsInputCount(int count) => count >= 1 && count <= 3;

    protected override NodeAnalysis? Infer(RecurrentOp op, ShapeContext context)
    {
        var input = context.Input;
        if (input.Rank != 3)
        {
            return context.WrongRank(
                "a batch-first sequence [B, T, F]",
                input.Rank == 2
                    ? "a [B, F] input has no time axis; give it one with .Reshape(T, F), or use Linear"
                    : "make it [B, T, F] first (an image [B, C, H, W] reads as rows: .Reshape(H, C * W) after moving C next to W)");
        }

        if (AxisRoles.IsTimeLast(input))
        {
            return AxisRoles.TimeLastSequence(context, input, op.Kind);
        }

        var features = input.Dims[1];
        if (!features.IsKnown)
        {
            return context.NeedsConcreteSize(input, features, "the input weights are sized by the features per step; only the time axis may be symbolic");
        }

        long width = (long)op.HiddenSize * op.Directions;
        if (width > int.MaxValue)
        {
            return context.InvalidArgument("hiddenSize", "hiddenSize " + ShapeContext.Text(op.HiddenSize) + " x 2 directions exceeds the largest size of a dimension (" + ShapeContext.Text(int.MaxValue) + ")");
        }

        // The first layer reads F features, every layer above it the width below: counted in closed form, so a
        // huge numLayers saturates (DSL0008 follows) instead of looping.
        var (firstWeights, firstParameters) = Layer(op, features.Value);
        var (upperWeights, upperParameters) = Layer(op, width);
        long parameters = SizeLimits.Add(firstParameters, SizeLimits.Multiply(op.NumLayers - 1, upperParameters));
        long stepMacs = SizeLimits.Add(firstWeights, SizeLimits.Multiply(op.NumLayers - 1, upperWeights));

        // Within what a process could allocate, the emitters still write every layer out: the count is bounded too.
        if (parameters <= SizeLimits.MaxElements && op.NumLayers > SizeLimits.MaxStackedLayers)
        {
            return context.InvalidArgument("numLayers", "numLayers " + ShapeContext.Text(op.NumLayers) + " is more than the " + ShapeContext.Text(SizeLimits.MaxStackedLayers) + " layers one recurrent op may stack (the generated module, PyTorch source and ONNX graph write every layer out); stack at most " + ShapeContext.Text(SizeLimits.MaxStackedLayers) + ", or chain several ops");
        }

        var expectedState = StateType(op);
        for (int i = 1; i < context.Inputs.Count; i++)
        {
            if (!context.Inputs[i].Dims.Equals(expectedState.Dims))
            {
                string parameter = i == 1 ? "initialState" : "initialCell";
                return context.InvalidArgument(
                    parameter,
                    $"'{parameter}' must be {expectedState.ShapeText} (every layer and direction: numLayers {ShapeContext.Text(op.NumLayers)} x {ShapeContext.Text(op.Directions)} direction(s), hiddenSize {ShapeContext.Text(op.HiddenSize)}; PyTorch's [layers x directions, B, H] with the batch first) but is {context.Inputs[i].ShapeText}; pass another recurrent layer's .FinalState() of that size, or reshape it");
            }
        }

        var steps = input.Dims[0];
        var type = new TensorType(EquatableArray.Create(steps, DimExpr.Of((int)width)));
        // The work grows with the sequence: counted where T is known.
        return ShapeContext.Ok(type, parameters, macs: steps.IsKnown ? SizeLimits.Multiply(steps.Value, stepMacs) : null);
    }

    /// <summary>The type of a state (h0, c0, h_n, c_n): [B, numLayers x directions, hiddenSize], PyTorch's layout with the batch first.</summary>
    public static TensorType StateType(RecurrentOp op) => TensorType.Of(op.StateRows, op.HiddenSize);

    /// <summary>One layer over <paramref name="inputSize"/> features, every direction: the weights (one multiply-accumulate each per step) and all parameters (with the two bias vectors).</summary>
    private static (long Weights, long Parameters) Layer(RecurrentOp op, long inputSize)
    {
        long gateRows = (long)op.Gates * op.HiddenSize;
        long weights = SizeLimits.Multiply(op.Directions, SizeLimits.Multiply(gateRows, SizeLimits.Add(inputSize, op.HiddenSize)));
        return (weights, SizeLimits.Add(weights, SizeLimits.Multiply(2L * op.Directions, gateRows)));
    }
}
