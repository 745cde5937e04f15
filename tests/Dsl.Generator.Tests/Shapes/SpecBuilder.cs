using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>
/// Builds a <see cref="ModelSpec"/> by hand, as the parser would: nodes in creation order, generated names,
/// and distinct sites for every call and named argument, so tests can assert where a diagnostic points.
/// Node <c>i</c> has site <c>1000 + 10 i</c>; its arguments follow it (<see cref="ArgSite"/>).
/// </summary>
internal sealed class SpecBuilder
{
    public const int ClassSite = 0;

    private readonly List<NodeSpec> nodes = new();
    private readonly List<OutputSpec> outputs = new();
    private readonly Dictionary<string, int> nameCounts = new();

    public SpecBuilder(string className = "TestModel") => ClassName = className;

    public string ClassName { get; }

    public static int SiteOfNode(int id) => 1000 + (10 * id);

    /// <summary>An input; each dim is an int (a fixed size) or a string (a symbol, as <c>Dim.Of("T")</c>).</summary>
    public int Input(string name, params object[] dims) =>
        Add(new InputOp(name, dims.Select(d => d is string s ? DimExpr.Sym(s) : DimExpr.Of((int)d)).ToEquatableArray()), name);

    public int Conv2d(int x, int outChannels, int kernelSize, int stride = 1, PaddingSpec? padding = null, bool bias = true, string? name = null) =>
        Add(new ConvOp(outChannels, kernelSize, stride, padding ?? PaddingSpec.Valid, bias), name, x);

    public int Linear(int x, int outFeatures, bool bias = true, string? name = null) => Add(new LinearOp(outFeatures, bias), name, x);

    public int BatchNorm2d(int x, string? name = null) => Add(new BatchNormOp(2, 1e-5, 0.1), name, x);

    public int BatchNorm1d(int x, string? name = null) => Add(new BatchNormOp(0, 1e-5, 0.1), name, x);

    public int MaxPool2d(int x, int kernelSize, int? stride = null, PaddingSpec? padding = null) =>
        Add(new PoolOp(PoolKind.Max, kernelSize, stride ?? kernelSize, padding ?? PaddingSpec.Valid), null, x);

    public int AvgPool2d(int x, int kernelSize, int? stride = null, PaddingSpec? padding = null) =>
        Add(new PoolOp(PoolKind.Avg, kernelSize, stride ?? kernelSize, padding ?? PaddingSpec.Valid), null, x);

    public int GlobalAvgPool2d(int x) => Add(new GlobalPoolOp(), null, x);

    public int UpSample2d(int x, int scaleFactor) => Add(new UpSample2dOp(scaleFactor), null, x);

    public int Flatten(int x) => Add(new FlattenOp(), null, x);

    public int Reshape(int x, params int[] dims) => Add(new ReshapeOp(EquatableArray.Create(dims)), null, x);

    public int Flip(int x, int dim) => Add(new FlipOp(dim), null, x);

    public int Concat(int dim, params int[] xs) => Add(new ConcatOp(dim), null, xs);

    public int Relu(int x) => Add(new ActivationOp(ActivationKind.Relu), null, x);

    public int Sigmoid(int x) => Add(new ActivationOp(ActivationKind.Sigmoid), null, x);

    public int LeakyRelu(int x, double slope) => Add(new ActivationOp(ActivationKind.LeakyRelu, slope), null, x);

    public int Softmax(int x, int dim = 1) => Add(new SoftmaxOp(dim, Log: false), null, x);

    public int Dropout(int x, double p) => Add(new DropoutOp(p), null, x);

    public int Binary(BinaryKind kind, int a, int b) => Add(new BinaryOp(kind), null, a, b);

    public int Scalar(BinaryKind kind, double scalar, int x) => Add(new ScalarOp(kind, scalar, ScalarOnLeft: true), null, x);

    public int CosineSimilarity(int a, int b) => Add(new CosineSimilarityOp(), null, a, b);

    public int EuclideanDistance(int a, int b) => Add(new EuclideanDistanceOp(), null, a, b);

    public void Output(string name, int node) => outputs.Add(new OutputSpec(name, node, SiteOfNode(node) + 9));

    /// <summary>Adds any op (also one with the wrong number of inputs, to test the defensive checks).</summary>
    public int Add(Op op, string? name, params int[] inputs)
    {
        int id = nodes.Count;
        int site = SiteOfNode(id);
        var args = ParametersOf(op).Select((p, i) => new ArgSite(p, site + i + 1)).ToEquatableArray();
        nodes.Add(new NodeSpec(id, op, EquatableArray.Create(inputs), name ?? NextName(op), site, args));
        return id;
    }

    public ModelSpec Build(bool isComplete = true) =>
        new("Tests", ClassName, "public", ClassSite, nodes.ToEquatableArray(), outputs.ToEquatableArray(), isComplete);

    public AnalyzedModel Analyze() => ShapeInference.Analyze(Build());

    public NodeSpec Node(int id) => nodes[id];

    /// <summary>The message a user reads for <paramref name="info"/>.</summary>
    public static string Message(DiagnosticInfo info) =>
        string.Format(CultureInfo.InvariantCulture, Descriptors.Get(info.Id).MessageFormat.ToString(CultureInfo.InvariantCulture), info.Args.Items.Cast<object>().ToArray());

    private string NextName(Op op)
    {
        nameCounts.TryGetValue(op.NamePrefix, out int count);
        nameCounts[op.NamePrefix] = ++count;
        return op.NamePrefix + "_" + count;
    }

    private static string[] ParametersOf(Op op) => op switch
    {
        ConvOp => new[] { "outChannels", "kernelSize", "stride", "padding", "bias", "name" },
        LinearOp => new[] { "outFeatures", "bias", "name" },
        BatchNormOp => new[] { "eps", "momentum", "name" },
        PoolOp => new[] { "kernelSize", "stride", "padding" },
        UpSample2dOp => new[] { "scaleFactor" },
        FlipOp or SoftmaxOp or ConcatOp => new[] { "dim" },
        DropoutOp => new[] { "p" },
        ActivationOp { ArgumentName: { } argument } => new[] { argument },
        _ => System.Array.Empty<string>(),
    };
}

/// <summary>Assertions on analyzed models.</summary>
internal static class AnalysisAssert
{
    public static void Shape(AnalyzedModel model, int node, string expected) => Assert.Equal(expected, model.TypeOf(node).ShapeText);

    public static void NoDiagnostics(AnalyzedModel model) =>
        Assert.True(model.Diagnostics.Count == 0, string.Join("; ", model.Diagnostics.Select(d => d.Id + ": " + SpecBuilder.Message(d))));

    /// <summary>Exactly one diagnostic, with this id, at this site; returns it.</summary>
    public static DiagnosticInfo Single(AnalyzedModel model, string id, int site)
    {
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(site, diagnostic.Site);
        Assert.Equal(model.Spec.ClassName, diagnostic.ModelName);
        return diagnostic;
    }
}
