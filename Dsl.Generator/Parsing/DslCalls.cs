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

/// <summary>
/// Turns calls of the DSL surface (Dsl.Graph, Dsl.Node, Dsl.Ops, Dsl.Padding, Dsl.Dim and the Node operators)
/// into graph nodes. An op's arguments are read by its reader in the op catalogue (<c>Ops/&lt;Op&gt;/*Arguments.cs</c>),
/// which rejects values no layer accepts (a kernel of 0); everything that needs shapes is left to the shape rules.
/// This file dispatches (layer calls through the catalogue, operators, Padding and Dim values);
/// <c>DslCalls.Graph.cs</c> reads inputs and losses, <c>DslCalls.Composition.cs</c> used models,
/// <c>DslCalls.Blocks.cs</c> shared blocks.
/// </summary>
internal sealed partial class DslCalls
{
    private readonly Interpreter interpreter;
    private readonly GraphBuilder graph;

    public DslCalls(Interpreter interpreter, GraphBuilder graph)
    {
        this.interpreter = interpreter;
        this.graph = graph;
    }

    public static bool IsDslType(INamedTypeSymbol? type) =>
        type is not null && type.ContainingType is null && type.ContainingNamespace is { Name: "Dsl", ContainingNamespace.IsGlobalNamespace: true };

    public object? Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var call = new Call(interpreter, invocation);
        switch (method.ContainingType.Name, method.Name)
        {
            case ("Graph", "Input"):
                return Input(call);
            case ("Graph", "Loss"):
                return Loss(call);
            case ("Graph", "Minimize"):
                return graph.AddLoss(call.String("name"), call.SiteOf("name"), Losses.LossCatalogue.Minimize, call.Node("node"), -1, call.Number("weight"), 0, call.Site, call.ArgSites());
            case ("LossTerm", "MaskedBy"):
                {
                    var term = ((IInvocationOperation)call.At).Instance is { } instance && FailedValue.Check(interpreter.Evaluate(instance)) is LossTermRef t
                        ? t
                        : throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "The loss term");
                    graph.SetMask(term, call.String("mask"), call.SiteOf("mask"), call.Bool("perPosition", defaultValue: false));
                    return term;
                }

            case ("Graph", "Use"):
                return Use(call, method);
            case ("SubModel", "Apply"):
                {
                    var application = Apply(call);
                    return graph.AddNode(new OutputOfOp(null), new[] { application }, null, call.Site, call.Site, call.ArgSites());
                }

            case ("NodeSizes", "Size"):
                return Size(call);
            case ("Graph", "Block"):
                return Block(call);
            case ("SharedBlock", "Apply"):
                return ApplyBlock(call);
            case ("SubModel", "ApplyAll"):
                return new ApplyAllRef(Apply(call));
            case ("Loss", _):
                return LossFunction(call);
            case ("Graph", "DefaultInit"):
                graph.SetDefaultInit(Init(call), call.SiteOf("init"));
                return null;
            case ("Graph", "Output"):
                graph.AddOutput(call.String("name"), call.SiteOf("name"), call.Node("node"), call.Site);
                return null;
            case ("Padding", "Of"):
                return Padding(call.Int("amount", min: 0), call);
            case ("Dim", "Of"):
                return Symbol(call.String("symbol"), call);
            case ("Node", _):
                {
                    // The receiver first: its mistakes are reported before those of the arguments.
                    call.Receiver();
                    var reader = OpCatalogue.Reader("Node", method.Name)
                        ?? throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "Node." + call.Method);
                    return Add(call, reader(call));
                }

            default:
                return OpCatalogue.Reader(method.ContainingType.Name, method.Name) is { } opReader
                    ? Add(call, opReader(call))
                    : throw new InterpretationError(Descriptors.NotYetSupported, invocation.Syntax, method.ContainingType.Name + "." + method.Name);
        }
    }

    public object? StaticProperty(IPropertySymbol property, IOperation at) => (property.ContainingType.Name, property.Name) switch
    {
        ("Padding", "Same") => PaddingSpec.Same,
        ("Padding", "Valid") => PaddingSpec.Valid,
        ("Padding", "Causal") => PaddingSpec.Causal,
        ("DType", "Float32") => DType.Float32,
        ("DType", "Int64") => DType.Int64,
        ("AxisLayout", "ChannelsFirst") => InputLayout.ChannelsFirst,
        ("AxisLayout", "ChannelsLast") => InputLayout.ChannelsLast,
        _ => throw new InterpretationError(Descriptors.NotYetSupported, at.Syntax, property.ContainingType.Name + "." + property.Name),
    };

    public object? Conversion(IMethodSymbol method, object? value, IOperation at)
    {
        if (method.ContainingType.Name == "Padding" && value is object?[] tuple)
        {
            var call = new Call(interpreter, at);
            System.Array.ForEach(tuple, v => FailedValue.Check(v));
            return PaddingSpec.PerAxis(tuple.Select(v => v is long amount ? Padding(amount, call).Amount : throw Interpreter.NotConstant(at, "This padding")).ToArray());
        }

        if (FailedValue.Check(value) is not long n)
        {
            throw Interpreter.NotConstant(at, "This size");
        }

        if (method.ContainingType.Name == "Padding")
        {
            return Padding(n, new Call(interpreter, at));
        }

        if (n < 1 || n > int.MaxValue)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, at.Syntax, "Input", $"a dimension must be at least 1 but is {n}");
        }

        return DimExpr.Of((int)n);
    }

    public object? Operator(IMethodSymbol method, object? left, object? right, IOperation at)
    {
        FailedValue.Check(left);
        FailedValue.Check(right);
        var reader = OpCatalogue.Reader("Node", method.Name)
            ?? throw new InterpretationError(Descriptors.NotYetSupported, at.Syntax, "operator " + method.Name);
        var call = new Call(interpreter, at, method.Name, left, right);
        return Add(call, reader(call));
    }

    public object? Negate(IMethodSymbol method, object? operand, IOperation at)
    {
        FailedValue.Check(operand);
        var call = new Call(interpreter, at, "op_UnaryNegation", operand);
        return Add(call, OpCatalogue.Reader("Node", "op_UnaryNegation")!(call));
    }

    /// <summary>
    /// Adds the node an op's argument reader built; a layer may be named (<c>name:</c>) and say how it starts
    /// (<c>init:</c>). A call that returns <c>Node[]</c> adds one node per piece and gives Define the array.
    /// </summary>
    private object Add(Call call, OpRead read)
    {
        if (read.PieceOps is { } pieces)
        {
            return pieces.Select(op => (object?)graph.AddNode(op, read.Inputs, null, call.Site, call.Site, call.ArgSites())).ToArray();
        }

        string? name = read.Op.IsLayer ? call.OptionalString("name") : null;
        var node = graph.AddNode(read.Op, read.Inputs, name, call.SiteOf("name"), call.Site, call.ArgSites());
        if (read.Op.IsLayer && Init(call) is var init && init != LayerInit.Default)
        {
            graph.SetInit(node, init);
        }

        return node;
    }

    /// <summary>The <c>init</c> argument's <c>Dsl.Init</c> member, <see cref="LayerInit.Default"/> when absent.</summary>
    private static string Init(Call call) => call.EnumMember("init") ?? LayerInit.Default;

    private static PaddingSpec Padding(long amount, Call call) => amount >= 0 && amount <= 1_000_000
        ? new PaddingSpec(PaddingMode.Explicit, (int)amount)
        : throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Padding", $"the amount must be at least 0 but is {amount}");

    private static DimExpr Symbol(string name, Call call) =>
        name == DimExpr.BatchSymbol
        ? throw new InterpretationError(Descriptors.InvalidName, call.At.Syntax, name, "a symbolic dimension", "\"B\" is the batch size, which every shape has first (and Ops.BatchSimilarity puts in a later axis); name the dimension otherwise, e.g. \"N\"")
        : Names.IsIdentifier(name)
        ? DimExpr.Sym(name)
        : throw new InterpretationError(Descriptors.InvalidName, call.At.Syntax, name, "a symbolic dimension", "use ASCII letters, digits and '_', starting with a letter or '_'");
}
