using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit.Onnx;

/// <summary>A graph input, output or initializer: its name and its type as ONNX writes it (<c>float[B,1,28,28]</c>).</summary>
internal sealed record OnnxValueSpec(string Name, string Type);

/// <summary>
/// The ONNX graph of one model as the generator collects it: inputs, outputs, initializers (state-dict names) and
/// nodes in execution order, with value names kept unique. Written out as the builder calls of Dsl.Onnx.
/// </summary>
internal sealed class OnnxGraphSpec
{
    /// <summary>
    /// The most nodes a flattened graph may hold. Submodels are inlined at every application, so a model that applies
    /// a submodel which applies another could multiply its size; past this the graph is not emitted (its members throw
    /// and say why) instead of writing a file no compiler would want to read.
    /// </summary>
    public const int MaxNodes = 200_000;

    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>Per base name, the suffix <see cref="Unique"/> tries next: every smaller one is taken (names are never released).</summary>
    private readonly Dictionary<string, int> nextSuffix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OnnxValueSpec> initializerByName = new(StringComparer.Ordinal);
    private readonly System.Threading.CancellationToken cancellationToken;
    private readonly List<OnnxValueSpec> inputs = new();
    private readonly List<OnnxValueSpec> outputs = new();
    private readonly List<OnnxValueSpec> initializers = new();
    private readonly List<OnnxNodeSpec> nodes = new();

    public OnnxGraphSpec(System.Threading.CancellationToken cancellationToken = default) => this.cancellationToken = cancellationToken;

    public IReadOnlyList<OnnxValueSpec> Inputs => inputs;

    public IReadOnlyList<OnnxValueSpec> Outputs => outputs;

    public IReadOnlyList<OnnxValueSpec> Initializers => initializers;

    public IReadOnlyList<OnnxNodeSpec> Nodes => nodes;

    /// <summary>The type text of a DSL tensor: <c>float[B,1,28,28]</c>; a symbolic size is named by its expression (<c>T - 2</c>).</summary>
    public static string TypeText(TensorType type) =>
        (type.DType == DType.Int64 ? "int64" : "float") + "[" + string.Join(",", new[] { type.BatchOne ? "1" : "B" }.Concat(type.Dims.Select(d => d.ToString()))) + "]";

    /// <summary>
    /// <paramref name="name"/>, or with <c>_2</c>, <c>_3</c>, ... appended when a value of that name exists; reserves it.
    /// The search for a base name resumes where the last one ended, so naming n temporaries alike (<c>lstm_1/direction</c>
    /// once per layer) costs O(n), not O(n^2).
    /// </summary>
    public string Unique(string name)
    {
        if (names.Add(name))
        {
            return name;
        }

        int i = nextSuffix.TryGetValue(name, out int next) ? next : 2;
        string candidate;
        do
        {
            candidate = name + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            i++;
        }
        while (!names.Add(candidate));

        nextSuffix[name] = i;
        return candidate;
    }

    public void AddInput(string name, TensorType type) => inputs.Add(new OnnxValueSpec(name, TypeText(type)));

    public void AddOutput(string name, TensorType type) => outputs.Add(new OnnxValueSpec(name, TypeText(type)));

    /// <summary>Declares the initializer <paramref name="name"/> once; a second declaration (a shared layer) must agree on the shape.</summary>
    public string Initializer(string name, IReadOnlyList<long> shape)
    {
        string type = "float[" + string.Join(",", shape.Select(d => Names.IntLiteral(d))) + "]";
        if (!initializerByName.TryGetValue(name, out var existing))
        {
            names.Add(name);
            var initializer = new OnnxValueSpec(name, type);
            initializerByName[name] = initializer;
            initializers.Add(initializer);
        }
        else if (existing.Type != type)
        {
            throw new InvalidOperationException($"Weight '{name}' is declared as {existing.Type} and as {type}.");
        }

        return name;
    }

    /// <summary>Adds a node; every op's emitter adds its nodes here, so this is where a cancelled build or a graph past <see cref="MaxNodes"/> stops.</summary>
    public OnnxNodeSpec Add(OnnxNodeSpec node)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (nodes.Count >= MaxNodes)
        {
            throw new OnnxUnsupportedException($"the flattened graph would hold more than {MaxNodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} nodes (submodels are inlined at every application); export a smaller model or its submodels one by one.");
        }

        nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Keeps only what the outputs need: an inference graph leaves out what only a loss reads (seed 000's frozen
    /// teacher feeds only the alignment loss, so its nodes and weights are not part of the deployed student).
    /// </summary>
    public void Prune()
    {
        var needed = new HashSet<string>(outputs.Select(o => o.Name), StringComparer.Ordinal);
        var kept = new List<OnnxNodeSpec>();
        for (int i = nodes.Count - 1; i >= 0; i--)
        {
            if (needed.Contains(nodes[i].Output) || nodes[i].MoreOutputs.Any(needed.Contains))
            {
                kept.Add(nodes[i]);
                needed.UnionWith(nodes[i].Inputs);
            }
        }

        kept.Reverse();
        nodes.Clear();
        nodes.AddRange(kept);
        initializers.RemoveAll(i => !needed.Contains(i.Name));
    }

    /// <summary>Writes the builder calls that create the graph in a local <c>g</c>.</summary>
    public void WriteCalls(IndentedWriter w)
    {
        foreach (var input in inputs)
        {
            w.Line($"g.Input({Names.StringLiteral(input.Name)}, {Names.StringLiteral(input.Type)});");
        }

        foreach (var output in outputs)
        {
            w.Line($"g.Output({Names.StringLiteral(output.Name)}, {Names.StringLiteral(output.Type)});");
        }

        foreach (var initializer in initializers)
        {
            w.Line($"g.Initializer({Names.StringLiteral(initializer.Name)}, {Names.StringLiteral(initializer.Type)});");
        }

        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node.ConstantCall is not null)
            {
                w.Line($"g.{node.ConstantCall};");
                continue;
            }

            string arguments = string.Concat(new[] { node.OpType, node.Output }.Concat(node.Inputs).Select(a => ", " + Names.StringLiteral(a))).Substring(2);
            string type = node.Type is null ? "" : $".Returns({Names.StringLiteral(node.Type)})";
            w.Line($"g.Node({arguments}){string.Concat(node.Attributes)}{type};");
        }
    }
}
