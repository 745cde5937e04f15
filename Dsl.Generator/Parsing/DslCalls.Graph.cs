using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>Graph calls: <c>g.Input</c>, <c>g.Loss</c> and the <c>Loss.X(...)</c> functions.</summary>
internal sealed partial class DslCalls
{
    private LossTermRef Loss(Call call)
    {
        var function = call.Value("loss") as LossFunctionRef
            ?? throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Loss", "'loss' must be one of the Loss.X(...) functions, not null");
        return graph.AddLoss(call.String("target"), call.SiteOf("target"), function.Kind, call.Node("prediction"), function.TargetNode, call.Number("weight"), function.Argument, call.Site, call.ArgSites());
    }

    private LossFunctionRef LossFunction(Call call)
    {
        int TargetNode() => call.Value("target") switch
        {
            null => -1,
            NodeRef node => node.Id,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, call.Method, $"'target' must be a node of the graph but is {Interpreter.Describe(other)}"),
        };

        return call.Method switch
        {
            "CrossEntropy" => new LossFunctionRef(call.Bool("soft", defaultValue: false) ? LossKind.SoftCrossEntropy : LossKind.CrossEntropy, -1, LabelSmoothing(call), -1),
            "BinaryCrossEntropy" => new LossFunctionRef(LossKind.BinaryCrossEntropy, TargetNode(), 0, call.SiteOf("target")),
            "BinaryCrossEntropyWithLogits" => new LossFunctionRef(LossKind.BinaryCrossEntropyWithLogits, -1, call.Positive("posWeight"), -1),
            "Huber" => new LossFunctionRef(LossKind.Huber, TargetNode(), call.Positive("delta"), call.SiteOf("target")),
            "Nll" => new LossFunctionRef(LossKind.Nll, -1, 0, -1),
            "KlDivergence" => new LossFunctionRef(LossKind.KlDivergence, -1, 0, -1),
            "Mse" => new LossFunctionRef(LossKind.Mse, TargetNode(), 0, call.SiteOf("target")),
            "Mae" => new LossFunctionRef(LossKind.Mae, TargetNode(), 0, call.SiteOf("target")),
            "Contrastive" => new LossFunctionRef(LossKind.Contrastive, -1, call.Positive("margin"), -1),
            _ => throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "Loss." + call.Method),
        };
    }

    /// <summary>Label smoothing in [0, 1): the share of the target's probability spread evenly over the classes.</summary>
    private static double LabelSmoothing(Call call)
    {
        double smoothing = call.Value("labelSmoothing") is null ? 0 : call.Double("labelSmoothing");
        return smoothing >= 0 && smoothing < 1
            ? smoothing
            : throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("labelSmoothing"), call.Method, $"'labelSmoothing' must be at least 0 and below 1 but is {Interpreter.Format(smoothing)}");
    }

    private NodeRef Input(Call call)
    {
        string name = call.String("name");
        var dims = call.Array("dims").Select(d => d as DimExpr ?? throw Interpreter.NotConstant(call.At, "Each input dimension")).ToEquatableArray();
        var dtype = call.Value("dtype") switch
        {
            null => DType.Float32,
            DType given => given,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Input", $"'dtype' must be DType.Float32 or DType.Int64 but is {Interpreter.Describe(other)}"),
        };
        return graph.AddInput(name, call.SiteOf("name"), dims, dtype, call.Site, call.ArgSites());
    }
}
