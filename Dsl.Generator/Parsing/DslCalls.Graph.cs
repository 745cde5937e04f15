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
        var sites = call.ArgSites().Concat(function.ArgSites).ToEquatableArray();
        var term = graph.AddLoss(call.String("target"), call.SiteOf("target"), function.Kind, call.Node("prediction"), function.TargetNode, call.Number("weight"), function.Argument, call.Site, sites);
        graph.SetClassOptions(term, function.ClassDim, function.IgnoreIndex);
        return term;
    }

    private LossFunctionRef LossFunction(Call call)
    {
        int TargetNode() => call.Value("target") switch
        {
            null => -1,
            NodeRef node => node.Id,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, call.Method, $"'target' must be a node of the graph but is {Interpreter.Describe(other)}"),
        };

        var sites = call.ArgSites().Select(a => new ArgSite("loss." + a.Parameter, a.Site)).ToEquatableArray();
        var function = call.Method switch
        {
            "CrossEntropy" => ClassIndexLoss(call, call.Bool("soft", defaultValue: false) ? LossKind.SoftCrossEntropy : LossKind.CrossEntropy, TargetNode(), LabelSmoothing(call)),
            "BinaryCrossEntropy" => new LossFunctionRef(LossKind.BinaryCrossEntropy, TargetNode(), 0, call.SiteOf("target")),
            "BinaryCrossEntropyWithLogits" => new LossFunctionRef(LossKind.BinaryCrossEntropyWithLogits, -1, call.Positive("posWeight"), -1),
            "Huber" => new LossFunctionRef(LossKind.Huber, TargetNode(), call.Positive("delta"), call.SiteOf("target")),
            "Nll" => ClassIndexLoss(call, LossKind.Nll, TargetNode(), 0),
            "KlDivergence" => new LossFunctionRef(LossKind.KlDivergence, -1, 0, -1),
            "Mse" => new LossFunctionRef(LossKind.Mse, TargetNode(), 0, call.SiteOf("target")),
            "Mae" => new LossFunctionRef(LossKind.Mae, TargetNode(), 0, call.SiteOf("target")),
            "Contrastive" => new LossFunctionRef(LossKind.Contrastive, -1, call.Positive("margin"), -1),
            _ => throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "Loss." + call.Method),
        };
        function.ArgSites = sites;
        return function;
    }

    /// <summary>
    /// Cross entropy or NLL with its class options: <c>classDim</c> (checked against the prediction's rank by the loss
    /// rule) and <c>ignoreIndex</c>, which only class indices have.
    /// </summary>
    private static LossFunctionRef ClassIndexLoss(Call call, LossKind kind, int targetNode, double argument)
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
        if (ignoreIndex is not null && kind == LossKind.SoftCrossEntropy)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("ignoreIndex"), call.Method, "'ignoreIndex' applies to class-index targets, but soft: true compares with probabilities; weight positions with .MaskedBy(mask, perPosition: true) instead");
        }

        return new LossFunctionRef(kind, targetNode, argument, call.SiteOf("target")) { ClassDim = classDim, IgnoreIndex = ignoreIndex };
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
