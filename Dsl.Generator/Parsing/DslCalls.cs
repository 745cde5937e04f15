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
/// </summary>
internal sealed class DslCalls
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
                return graph.AddLoss(call.String("name"), call.SiteOf("name"), LossKind.Minimize, call.Node("node"), -1, call.Number("weight"), 0, call.Site, call.ArgSites());
            case ("LossTerm", "MaskedBy"):
                {
                    var term = ((IInvocationOperation)call.At).Instance is { } instance && interpreter.Evaluate(instance) is LossTermRef t
                        ? t
                        : throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "The loss term");
                    graph.SetMask(term, call.String("mask"), call.SiteOf("mask"));
                    return term;
                }

            case ("Graph", "Use"):
                return Use(call, method);
            case ("SubModel", "Apply"):
                {
                    var application = Apply(call);
                    return graph.AddNode(new OutputOfOp(null), new[] { application }, null, call.Site, call.Site, call.ArgSites());
                }

            case ("Graph", "Block"):
                return Block(call);
            case ("SharedBlock", "Apply"):
                return ApplyBlock(call);
            case ("SubModel", "ApplyAll"):
                return new ApplyAllRef(Apply(call));
            case ("Loss", _):
                return LossFunction(call);
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
        _ => throw new InterpretationError(Descriptors.NotYetSupported, at.Syntax, property.ContainingType.Name + "." + property.Name),
    };

    public object? Conversion(IMethodSymbol method, object? value, IOperation at)
    {
        if (value is not long n)
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
        var reader = OpCatalogue.Reader("Node", method.Name)
            ?? throw new InterpretationError(Descriptors.NotYetSupported, at.Syntax, "operator " + method.Name);
        var call = new Call(interpreter, at, method.Name, left, right);
        return Add(call, reader(call));
    }

    public object? Negate(IMethodSymbol method, object? operand, IOperation at)
    {
        var call = new Call(interpreter, at, "op_UnaryNegation", operand);
        return Add(call, OpCatalogue.Reader("Node", "op_UnaryNegation")!(call));
    }

    private SubModelRef Use(Call call, IMethodSymbol method)
    {
        var type = method.TypeArguments[0];
        string name = call.String("name");
        string? problem =
            type is not INamedTypeSymbol named ? "is not a class" :
            !named.GetAttributes().Any(a => a.AttributeClass is { Name: "ModelAttribute" } attribute && IsDslType(attribute)) ? "is not a [Model] class; add [Model] to it and declare its graph in Define" :
            named.DeclaringSyntaxReferences.Length == 0 ? "is declared in another assembly; g.Use needs a [Model] of this project" :
            null;
        if (problem is not null)
        {
            throw new InterpretationError(Descriptors.NotAModel, Interpreter.CallLocation(call.At.Syntax), type.ToDisplayString(), problem);
        }

        string fullName = type.ContainingNamespace.IsGlobalNamespace ? type.Name : type.ContainingNamespace.ToDisplayString() + "." + type.Name;
        return graph.AddUse(name, call.SiteOf("name"), fullName, call.Bool("frozen", defaultValue: false), call.Site);
    }

    private BlockRef Block(Call call)
    {
        string name = call.String("name");
        var argument = ((IInvocationOperation)call.At).Arguments.First(a => a.Parameter!.Name == "body").Value;
        while (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        var lambda = (argument as IDelegateCreationOperation)?.Target as IAnonymousFunctionOperation ?? argument as IAnonymousFunctionOperation
            ?? throw new InterpretationError(Descriptors.Unsupported, argument.Syntax, Interpreter.Text(argument), "the body of g.Block must be a lambda written in place (x => x.Linear(64).Relu())");
        if (!Names.IsIdentifier(name))
        {
            throw new InterpretationError(Descriptors.InvalidName, argument.Syntax, name, "a block", "use ASCII letters, digits and '_', starting with a letter or '_'");
        }

        return new BlockRef(name, lambda, interpreter.CurrentFrame, call.Site);
    }

    private NodeRef ApplyBlock(Call call)
    {
        var instance = ((IInvocationOperation)call.At).Instance;
        var block = instance is not null && interpreter.Evaluate(instance) is BlockRef b
            ? b
            : throw new InterpretationError(Descriptors.UninitializedNode, instance?.Syntax ?? call.At.Syntax, "The block");
        var input = call.Node("input");
        return graph.ApplyBlock(block, call.Site, () => interpreter.InvokeLambda(block.Body, block.Enclosing, input) as NodeRef
            ?? throw new InterpretationError(Descriptors.UninitializedNode, block.Body.Syntax, "The result of block '" + block.Name + "'"));
    }

    private NodeRef Apply(Call call)
    {
        var instance = ((IInvocationOperation)call.At).Instance;
        var sub = instance is not null && interpreter.Evaluate(instance) is SubModelRef s
            ? s
            : throw new InterpretationError(Descriptors.UninitializedNode, instance?.Syntax ?? call.At.Syntax, "The submodel");
        var inputs = call.Array("inputs").Select(n => n as NodeRef ?? throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "An input of " + sub.Name + "." + call.Method)).ToList();
        return graph.AddNode(new ApplyOp(sub.Index, sub.Name), inputs, null, call.Site, call.Site, call.ArgSites());
    }

    /// <summary><c>ApplyAll(...)["name"]</c>: a node reading one output of the application.</summary>
    public NodeRef OutputOf(ApplyAllRef application, object? key, IOperation at)
    {
        if (key is not string output)
        {
            throw Interpreter.NotConstant(at, "The output name");
        }

        int site = interpreter.Site(at.Syntax);
        return graph.AddNode(new OutputOfOp(output), new[] { application.Call }, null, site, site, EquatableArray<ArgSite>.Empty);
    }

    private LossTermRef Loss(Call call)
    {
        var function = call.Value("loss") as LossFunctionRef
            ?? throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Loss", "'loss' must be one of the Loss.X(...) functions, not null");
        return graph.AddLoss(call.String("target"), call.SiteOf("target"), function.Kind, call.Node("prediction"), function.TargetNode, call.Number("weight"), function.Margin, call.Site, call.ArgSites());
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
            "CrossEntropy" => new LossFunctionRef(call.Bool("soft", defaultValue: false) ? LossKind.SoftCrossEntropy : LossKind.CrossEntropy, -1, 0, -1),
            "BinaryCrossEntropy" => new LossFunctionRef(LossKind.BinaryCrossEntropy, TargetNode(), 0, call.SiteOf("target")),
            "BinaryCrossEntropyWithLogits" => new LossFunctionRef(LossKind.BinaryCrossEntropyWithLogits, -1, 0, -1),
            "Mse" => new LossFunctionRef(LossKind.Mse, TargetNode(), 0, call.SiteOf("target")),
            "Mae" => new LossFunctionRef(LossKind.Mae, TargetNode(), 0, call.SiteOf("target")),
            "Contrastive" => new LossFunctionRef(LossKind.Contrastive, -1, call.Positive("margin"), -1),
            _ => throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "Loss." + call.Method),
        };
    }

    private NodeRef Input(Call call)
    {
        string name = call.String("name");
        var dims = call.Array("dims").Select(d => d as DimExpr ?? throw Interpreter.NotConstant(call.At, "Each input dimension")).ToEquatableArray();
        return graph.AddInput(name, call.SiteOf("name"), dims, call.Site, call.ArgSites());
    }

    /// <summary>Adds the node an op's argument reader built; a layer may be named (<c>name:</c>).</summary>
    private NodeRef Add(Call call, OpRead read)
    {
        string? name = read.Op.IsLayer ? call.OptionalString("name") : null;
        return graph.AddNode(read.Op, read.Inputs, name, call.SiteOf("name"), call.Site, call.ArgSites());
    }

    private static PaddingSpec Padding(long amount, Call call) => amount >= 0 && amount <= 1_000_000
        ? new PaddingSpec(PaddingMode.Explicit, (int)amount)
        : throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Padding", $"the amount must be at least 0 but is {amount}");

    private static DimExpr Symbol(string name, Call call) => Names.IsIdentifier(name)
        ? DimExpr.Sym(name)
        : throw new InterpretationError(Descriptors.InvalidName, call.At.Syntax, name, "a symbolic dimension", "use ASCII letters, digits and '_', starting with a letter or '_'");
}
