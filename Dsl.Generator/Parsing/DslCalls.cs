using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>
/// Turns calls of the DSL surface (Dsl.Graph, Dsl.Node, Dsl.Ops, Dsl.Padding, Dsl.Dim and the Node operators)
/// into graph nodes. Arguments are checked for values no layer accepts (a kernel of 0); everything that needs
/// shapes is left to the shape rules.
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
            case ("Ops", "Concat"):
                return Concat(call);
            case ("Ops", "CosineSimilarity"):
                return Add(call, new CosineSimilarityOp(), call.Node("a"), call.Node("b"));
            case ("Ops", "EuclideanDistance"):
                return Add(call, new EuclideanDistanceOp(), call.Node("a"), call.Node("b"));
            case ("Node", _):
                return NodeMethod(call);
            default:
                throw new InterpretationError(Descriptors.NotYetSupported, invocation.Syntax, method.ContainingType.Name + "." + method.Name);
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
        var kind = method.Name switch
        {
            "op_Addition" => BinaryKind.Add,
            "op_Subtraction" => BinaryKind.Subtract,
            "op_Multiply" => BinaryKind.Multiply,
            _ => throw new InterpretationError(Descriptors.NotYetSupported, at.Syntax, "operator " + method.Name),
        };

        var call = new Call(interpreter, at);
        return (left, right) switch
        {
            (NodeRef a, NodeRef b) => Add(call, new BinaryOp(kind), a, b),
            (NodeRef a, var b) when Interpreter.IsNumber(b) => Add(call, new ScalarOp(kind, Finite(b, at), ScalarOnLeft: false), a),
            (var a, NodeRef b) when Interpreter.IsNumber(a) => Add(call, new ScalarOp(kind, Finite(a, at), ScalarOnLeft: true), b),
            _ => throw new InterpretationError(Descriptors.UninitializedNode, at.Syntax, "An operand of '" + Interpreter.Text(at) + "'"),
        };
    }

    public object? Negate(IMethodSymbol method, object? operand, IOperation at) => operand is NodeRef node
        ? Add(new Call(interpreter, at), new ScalarOp(BinaryKind.Subtract, 0, ScalarOnLeft: true), node)
        : throw new InterpretationError(Descriptors.UninitializedNode, at.Syntax, "The operand of '" + Interpreter.Text(at) + "'");

    private object? NodeMethod(Call call)
    {
        var self = call.Receiver();
        switch (call.Method)
        {
            case "Conv2d":
                return Add(call, new Conv2dOp(call.Int("outChannels", 1), call.Int("kernelSize", 1), call.Int("stride", 1), call.Padding("padding"), call.Bool("bias")), self);
            case "Linear":
                return Add(call, new LinearOp(call.Int("outFeatures", 1), call.Bool("bias")), self);
            case "BatchNorm2d":
                return Add(call, new BatchNormOp(2, call.Positive("eps"), call.Fraction("momentum")), self);
            case "BatchNorm1d":
                return Add(call, new BatchNormOp(0, call.Positive("eps"), call.Fraction("momentum")), self);
            case "MaxPool2d" or "AvgPool2d":
                {
                    int kernel = call.Int("kernelSize", 1);
                    int stride = call.OptionalInt("stride", 1) ?? kernel;
                    return Add(call, new Pool2dOp(call.Method == "MaxPool2d" ? PoolKind.Max : PoolKind.Avg, kernel, stride, call.Padding("padding")), self);
                }

            case "GlobalAvgPool2d":
                return Add(call, new GlobalAvgPool2dOp(), self);
            case "UpSample2d":
                return Add(call, new UpSample2dOp(call.Int("scaleFactor", 1)), self);
            case "Flatten":
                return Add(call, new FlattenOp(), self);
            case "Reshape":
                return Add(call, new ReshapeOp(call.IntArray("dims").ToEquatableArray()), self);
            case "Flip":
                return Add(call, new FlipOp(call.Int("dim", 0)), self);
            case "Relu":
                return Add(call, new ActivationOp(ActivationKind.Relu), self);
            case "Sigmoid":
                return Add(call, new ActivationOp(ActivationKind.Sigmoid), self);
            case "Tanh":
                return Add(call, new ActivationOp(ActivationKind.Tanh), self);
            case "LeakyRelu":
                return Add(call, new ActivationOp(ActivationKind.LeakyRelu, call.Double("negativeSlope")), self);
            case "Softmax":
                return Add(call, new SoftmaxOp(call.Int("dim", int.MinValue), Log: false), self);
            case "LogSoftmax":
                return Add(call, new SoftmaxOp(call.Int("dim", int.MinValue), Log: true), self);
            case "Dropout":
                return Add(call, new DropoutOp(call.Double("p")), self);
            default:
                throw new InterpretationError(Descriptors.NotYetSupported, call.At.Syntax, "Node." + call.Method);
        }
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

    private NodeRef Concat(Call call)
    {
        int dim = call.Int("dim", int.MinValue);
        var nodes = call.Array("nodes").Select(n => n as NodeRef ?? throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "An operand of Concat")).ToList();
        if (nodes.Count < 2)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Concat", $"needs at least two nodes but got {nodes.Count}");
        }

        return graph.AddNode(new ConcatOp(dim), nodes, null, call.Site, call.Site, call.ArgSites());
    }

    private NodeRef Add(Call call, Op op, params NodeRef[] inputs)
    {
        string? name = op.IsLayer ? call.OptionalString("name") : null;
        return graph.AddNode(op, inputs, name, call.SiteOf("name"), call.Site, call.ArgSites());
    }

    private static PaddingSpec Padding(long amount, Call call) => amount >= 0 && amount <= 1_000_000
        ? new PaddingSpec(PaddingMode.Explicit, (int)amount)
        : throw new InterpretationError(Descriptors.InvalidArgument, call.At.Syntax, "Padding", $"the amount must be at least 0 but is {amount}");

    private static DimExpr Symbol(string name, Call call) => Names.IsIdentifier(name)
        ? DimExpr.Sym(name)
        : throw new InterpretationError(Descriptors.InvalidName, call.At.Syntax, name, "a symbolic dimension", "use ASCII letters, digits and '_', starting with a letter or '_'");

    private static double Finite(object? value, IOperation at)
    {
        double d = Interpreter.ToDouble(value);
        return !double.IsNaN(d) && !double.IsInfinity(d)
            ? d
            : throw new InterpretationError(Descriptors.EvaluationFailed, at.Syntax, Interpreter.Text(at), "the constant is not a finite number");
    }

    /// <summary>One DSL call: its evaluated arguments by parameter name, and where each was written.</summary>
    private sealed class Call
    {
        private readonly Interpreter interpreter;
        private readonly Dictionary<string, IArgumentOperation> arguments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);
        private int site = -1;
        private EquatableArray<ArgSite>? argSites;

        public Call(Interpreter interpreter, IOperation at)
        {
            this.interpreter = interpreter;
            At = at;
            if (at is IInvocationOperation invocation)
            {
                Method = invocation.TargetMethod.Name;
                foreach (var argument in invocation.Arguments)
                {
                    arguments[argument.Parameter!.Name] = argument;
                }
            }
            else
            {
                Method = "";
            }
        }

        public IOperation At { get; }

        public string Method { get; }

        public string Kind => Method;

        public int Site => site >= 0 ? site : site = interpreter.CallSite(At.Syntax);

        public EquatableArray<ArgSite> ArgSites()
        {
            if (argSites is null)
            {
                var sites = new List<ArgSite>();
                foreach (var pair in arguments)
                {
                    if (pair.Value.ArgumentKind == ArgumentKind.Explicit)
                    {
                        sites.Add(new ArgSite(pair.Key, interpreter.Site(ValueSyntax(pair.Value))));
                    }
                }

                argSites = sites.ToEquatableArray();
            }

            return argSites.Value;
        }

        public int SiteOf(string parameter)
        {
            foreach (var arg in ArgSites())
            {
                if (arg.Parameter == parameter)
                {
                    return arg.Site;
                }
            }

            return Site;
        }

        public NodeRef Receiver()
        {
            var instance = ((IInvocationOperation)At).Instance;
            return instance is not null && interpreter.Evaluate(instance) is NodeRef node
                ? node
                : throw new InterpretationError(Descriptors.UninitializedNode, instance?.Syntax ?? At.Syntax, "The node '" + (instance is null ? Method : Interpreter.Text(instance)) + "'");
        }

        public object? Value(string parameter)
        {
            if (!values.TryGetValue(parameter, out var value))
            {
                value = arguments.TryGetValue(parameter, out var argument) ? interpreter.Evaluate(argument.Value, $"Argument '{parameter}' of {Kind}") : null;
                values[parameter] = value;
            }

            return value;
        }

        public NodeRef Node(string parameter) => Value(parameter) as NodeRef ??
            throw new InterpretationError(Descriptors.UninitializedNode, SyntaxOf(parameter), $"Argument '{parameter}' of {Kind}");

        public string String(string parameter) => Value(parameter) as string ??
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a string known at compile time, not null");

        public string? OptionalString(string parameter) => Value(parameter) is { } value
            ? value as string ?? throw Interpreter.NotConstant(arguments[parameter].Value, $"Argument '{parameter}' of {Kind}")
            : null;

        public bool Bool(string parameter, bool defaultValue = true) => Value(parameter) as bool? ?? defaultValue;

        public int Int(string parameter, int min) => OptionalInt(parameter, min) ??
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be an integer, not null");

        public int? OptionalInt(string parameter, int min)
        {
            var value = Value(parameter);
            if (value is null)
            {
                return null;
            }

            if (value is not long n)
            {
                throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be an integer but is {Interpreter.Describe(value)}");
            }

            if (n < min || n > int.MaxValue)
            {
                throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be at least {min.ToString(CultureInfo.InvariantCulture)} but is {n.ToString(CultureInfo.InvariantCulture)}");
            }

            return (int)n;
        }

        /// <summary>A number, finite or not (the caller reports non-finite values with its own diagnostic).</summary>
        public double Number(string parameter) => Interpreter.IsNumber(Value(parameter))
            ? Interpreter.ToDouble(Value(parameter))
            : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a number but is {Interpreter.Describe(Value(parameter))}");

        public double Double(string parameter)
        {
            var value = Value(parameter);
            if (!Interpreter.IsNumber(value))
            {
                throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a number but is {Interpreter.Describe(value)}");
            }

            double d = Interpreter.ToDouble(value);
            return !double.IsNaN(d) && !double.IsInfinity(d)
                ? d
                : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be a finite number");
        }

        public double Positive(string parameter)
        {
            double d = Double(parameter);
            return d > 0 ? d : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be positive but is {Interpreter.Format(d)}");
        }

        public double Fraction(string parameter)
        {
            double d = Double(parameter);
            return d >= 0 && d <= 1 ? d : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be between 0 and 1 but is {Interpreter.Format(d)}");
        }

        public PaddingSpec Padding(string parameter) => Value(parameter) switch
        {
            null => PaddingSpec.Valid,
            PaddingSpec padding => padding,
            var other => throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be Padding.Valid, Padding.Same or an int but is {Interpreter.Describe(other)}"),
        };

        public object?[] Array(string parameter) => Value(parameter) as object?[] ??
            throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must be given");

        public IEnumerable<int> IntArray(string parameter) => Array(parameter).Select(v => v is long n && n >= int.MinValue && n <= int.MaxValue
            ? (int)n
            : throw new InterpretationError(Descriptors.InvalidArgument, SyntaxOf(parameter), Kind, $"'{parameter}' must hold integers known at compile time"));

        private SyntaxNode SyntaxOf(string parameter) =>
            arguments.TryGetValue(parameter, out var argument) && argument.ArgumentKind == ArgumentKind.Explicit ? ValueSyntax(argument) : At.Syntax;

        /// <summary>The argument's expression without its <c>name:</c> label, which is what a diagnostic underlines.</summary>
        private static SyntaxNode ValueSyntax(IArgumentOperation argument) =>
            argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax ? syntax.Expression : argument.Syntax;
    }
}
