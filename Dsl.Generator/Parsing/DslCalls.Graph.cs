using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Losses;
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
        graph.SetVariant(term, function.Variant);
        if (function.ConstantTarget is double constant)
        {
            graph.SetConstantTarget(term, constant);
        }

        return term;
    }

    /// <summary>A <c>Loss.X(...)</c> call: its catalogue entry reads the arguments.</summary>
    private static LossFunctionRef LossFunction(Call call)
    {
        var descriptor = LossCatalogue.ForMethod(call.Method)
            ?? throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "Loss." + call.Method);
        var function = descriptor.Read(call);
        function.ArgSites = call.ArgSites().Select(a => new ArgSite("loss." + a.Parameter, a.Site)).ToEquatableArray();
        return function;
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
        var layout = call.Value("layout") switch
        {
            null => InputLayout.Default,
            InputLayout given => given,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Input", $"'layout' must be AxisLayout.ChannelsFirst or AxisLayout.ChannelsLast but is {Interpreter.Describe(other)}"),
        };
        return graph.AddInput(name, call.SiteOf("name"), dims, dtype, call.Site, call.ArgSites(), layout);
    }
}
