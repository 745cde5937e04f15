using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Emit;

/// <summary>
/// Builds an <see cref="AnalyzedModel"/> by hand, as the parser and the shape rules would: each node with its
/// output type, parameter counts and padding plan written out, so emitter tests do not depend on those stages.
/// Generated names follow the parser's scheme (<c>relu_1</c>, <c>relu_2</c>).
/// </summary>
internal sealed class IrBuilder
{
    private readonly List<NodeSpec> nodes = new();
    private readonly List<NodeAnalysis> analyses = new();
    private readonly List<OutputSpec> outputs = new();
    private readonly Dictionary<string, int> counters = new();

    /// <summary>Declares an input <c>[B, dims...]</c>; the node is named as the input.</summary>
    public int Input(string name, params int[] dims)
    {
        var type = TensorType.Of(dims);
        return Add(new InputOp(name, type.Dims, type.DType), type, name: name);
    }

    /// <summary>Declares an input of any type (symbolic dimensions).</summary>
    public int Input(string name, TensorType type) => Add(new InputOp(name, type.Dims, type.DType), type, name: name);

    /// <summary>Adds a node computing <paramref name="op"/> of <paramref name="inputs"/> with output <c>[B, dims...]</c>.</summary>
    public int Add(Op op, int[] dims, int[] inputs, string? name = null, long trainable = 0, long nonTrainable = 0, PaddingPlan? padding = null) =>
        Add(op, TensorType.Of(dims), name, trainable, nonTrainable, padding, inputs);

    /// <summary>A node with one input and no parameters.</summary>
    public int Add(Op op, int input, params int[] dims) => Add(op, dims, new[] { input });

    public void Output(string name, int node) => outputs.Add(new OutputSpec(name, node, 0));

    public AnalyzedModel Build(string ns, string className)
    {
        var spec = new ModelSpec(ns, className, "public", 0, nodes.ToEquatableArray(), outputs.ToEquatableArray(), IsComplete: true);
        var model = new AnalyzedModel(spec, analyses.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
        Assert.True(model.CanEmit);
        return model;
    }

    public int Add(Op op, TensorType type, string? name = null, long trainable = 0, long nonTrainable = 0, PaddingPlan? padding = null, params int[] inputs)
    {
        int id = nodes.Count;
        if (name is null)
        {
            counters.TryGetValue(op.NamePrefix, out int n);
            counters[op.NamePrefix] = ++n;
            name = op.NamePrefix + "_" + n;
        }

        nodes.Add(new NodeSpec(id, op, inputs.ToEquatableArray(), name, 0, EquatableArray<ArgSite>.Empty));
        analyses.Add(new NodeAnalysis(type, trainable, nonTrainable, padding));
        return id;
    }

    public static PaddingPlan Pad(int top, int bottom, int left, int right) => new(top, bottom, left, right);
}
