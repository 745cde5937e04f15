using Dsl.Generator.Diagnostics;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Losses;

/// <summary>
/// The argument readers the losses share: what a loss compares with (<c>target:</c> a node of the graph or a
/// constant), the class options of cross entropy and NLL (<c>classDim:</c>, <c>ignoreIndex:</c>) and label
/// smoothing. A descriptor's <see cref="LossDescriptor.Read"/> combines them with its own options.
/// </summary>
internal static class LossArguments
{
    /// <summary>A loss whose only option is <paramref name="argument"/> and that compares with a target column or, through <c>target:</c>, a node.</summary>
    public static LossFunctionRef WithNodeTarget(Call call, LossDescriptor kind, double argument = 0) =>
        new(kind, TargetNode(call), argument, call.SiteOf("target"));

    /// <summary>A loss without a <c>target:</c> parameter: it compares with a target column.</summary>
    public static LossFunctionRef WithTargetColumn(LossDescriptor kind, double argument = 0) => new(kind, -1, argument, -1);

    /// <summary>
    /// A loss that compares with a target column, a node (<c>target: node</c>) or a constant (<c>target: 1.0</c>, every
    /// element's target): the constant must be finite and, for a loss on probabilities, within [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static LossFunctionRef WithNodeOrConstantTarget(Call call, LossDescriptor kind, double argument = 0, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var value = call.Value("target");
        if (!Interpreter.IsNumber(value))
        {
            return WithNodeTarget(call, kind, argument);
        }

        double constant = Interpreter.ToDouble(value);
        if (double.IsNaN(constant) || double.IsInfinity(constant) || constant < min || constant > max)
        {
            string range = double.IsNegativeInfinity(min) ? "a finite number" : "a probability between " + Interpreter.Format(min) + " and " + Interpreter.Format(max);
            throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("target"), call.Method,
                $"the constant 'target' must be {range} but is {Interpreter.Format(constant)}");
        }

        return new LossFunctionRef(kind, -1, argument, call.SiteOf("target")) { ConstantTarget = constant };
    }

    /// <summary>The node <c>target:</c> names, or -1 where it is left out.</summary>
    public static int TargetNode(Call call) => call.Value("target") switch
    {
        null => -1,
        NodeRef node => node.Id,
        var other => throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, call.Method, $"'target' must be a node of the graph but is {Interpreter.Describe(other)}"),
    };

    /// <summary>
    /// Cross entropy or NLL with its class options: <c>classDim</c> (checked against the prediction's rank by the loss
    /// rule) and <c>ignoreIndex</c>, which only class indices have.
    /// </summary>
    public static LossFunctionRef ClassIndex(Call call, LossDescriptor kind, int targetNode, double argument)
    {
        int? classDim = call.Value("classDim") switch
        {
            null => null,
            long n and >= int.MinValue and <= int.MaxValue => (int)n,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("classDim"), call.Method, $"'classDim' must be an integer known at compile time but is {Interpreter.Describe(other)}"),
        };
        long? ignoreIndex = call.Value("ignoreIndex") switch
        {
            null => null,
            long n => n,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("ignoreIndex"), call.Method, $"'ignoreIndex' must be an integer known at compile time but is {Interpreter.Describe(other)}"),
        };
        if (ignoreIndex is not null && !kind.IsClassification)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("ignoreIndex"), call.Method, "'ignoreIndex' applies to class-index targets, but soft: true compares with probabilities; weight positions with .MaskedBy(mask, perPosition: true) instead");
        }

        return new LossFunctionRef(kind, targetNode, argument, call.SiteOf("target")) { ClassDim = classDim, IgnoreIndex = ignoreIndex };
    }

    /// <summary>Label smoothing in [0, 1): the share of the target's probability spread evenly over the classes.</summary>
    public static double LabelSmoothing(Call call)
    {
        double smoothing = call.Value("labelSmoothing") is null ? 0 : call.Double("labelSmoothing");
        return smoothing >= 0 && smoothing < 1
            ? smoothing
            : throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("labelSmoothing"), call.Method, $"'labelSmoothing' must be at least 0 and below 1 but is {Interpreter.Format(smoothing)}");
    }
}
