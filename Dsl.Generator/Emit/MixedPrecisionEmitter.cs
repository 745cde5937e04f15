using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The bf16-mixed forward of a model (<c>TrainingOptions.Precision = Precision.Bf16Mixed</c>): the same straight-line
/// forward, with the casts autocast would make at run time decided here, per op, from its descriptor's
/// <see cref="OpDescriptor.MixedPrecision"/>. Each value's dtype is tracked through the graph, so a value is cast at most
/// once to each dtype (the cast local is reused by every op that reads it); layers that compute in bfloat16 read their
/// float32 weights through <c>Dsl.Training.MixedPrecision.Bf16(layer)</c> (a cast of the master weights, so gradients
/// reach them in float32); every output, and so everything a loss reads, is float32. Emitted only for a model with an op
/// that computes in bfloat16; other models' code is unchanged.
/// </summary>
internal static class MixedPrecisionEmitter
{
    private const string Runtime = "global::Dsl.Training.MixedPrecision";

    private enum Value
    {
        Int64,
        Float32,
        Bfloat16,
    }

    /// <summary>True where some op of the model computes in bfloat16 under bf16-mixed precision.</summary>
    public static bool Applies(ModelSpec spec) =>
        spec.Nodes.Any(n => OpCatalogue.For(n.Op)?.MixedPrecision(n.Op) == ComputePrecision.Bfloat16);

    /// <summary>The line <c>forward</c> starts with after its input checks: the mixed forward while a bf16-mixed step runs.</summary>
    public static void WriteDispatch(IndentedWriter w, string method)
    {
        w.Open($"if ({Runtime}.IsActive)");
        w.Line($"return {method}(inputs); // bf16-mixed precision: the forward below with its casts");
        w.Close();
        w.Line();
    }

    /// <summary>Writes the mixed forward, <paramref name="method"/>(Inputs), called by <c>forward</c> after its checks.</summary>
    public static void WriteForward(IndentedWriter w, AnalyzedModel model, MemberNames names, string method)
    {
        var spec = model.Spec;
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// <see cref=\"forward(Inputs)\"/> in bf16-mixed precision (after its checks): convolutions, linear layers and matmul compute");
        w.Line("/// in bfloat16 from bfloat16 casts of their inputs and float32 weights; reductions, normalisations, softmax and");
        w.Line("/// layers with float32 kernels compute in float32; the outputs are float32.");
        w.Line("/// </summary>");
        w.Open($"private Outputs {method}(Inputs inputs)");

        var dtypes = new Dictionary<int, Value>();
        var casts = new HashSet<(int Node, Value To)>();
        string CastOf(int input, Value to, string why)
        {
            string local = names.Auxiliary(input, to == Value.Bfloat16 ? "bf16" : "f32");
            if (casts.Add((input, to)))
            {
                string scalar = to == Value.Bfloat16 ? "BFloat16" : "Float32";
                w.Line($"var {local} = {names.Local(input)}.to(global::TorchSharp.torch.ScalarType.{scalar}); // {why}");
            }

            return local;
        }

        ModelEmitter.WriteSteps(w, model, node =>
        {
            var descriptor = OpCatalogue.For(node.Op) ?? throw new InvalidOperationException($"The emitter has no rule for {node.Op.Kind} ('{node.Name}').");
            var precision = descriptor.MixedPrecision(node.Op);
            var floats = node.Inputs.Distinct().Where(i => dtypes[i] != Value.Int64).ToList();
            Value target = precision switch
            {
                ComputePrecision.Bfloat16 => Value.Bfloat16,
                ComputePrecision.Float32 => Value.Float32,
                _ => floats.Count > 0 && floats.All(i => dtypes[i] == Value.Bfloat16) ? Value.Bfloat16 : Value.Float32,
            };

            // The inputs in another dtype than the op computes in, cast (once per value and dtype) before its line.
            var reads = new Dictionary<int, string>();
            foreach (int input in floats.Where(i => dtypes[i] != target))
            {
                reads[input] = CastOf(input, target, $"{(target == Value.Bfloat16 ? "bfloat16" : "float32")} for {node.Op.Kind} '{node.Name}'");
            }

            names.LocalOverride = id => reads.TryGetValue(id, out var local) ? local : null;
            ForwardStep step;
            try
            {
                step = LayerEmitter.ForwardOf(node, model, names);
            }
            finally
            {
                names.LocalOverride = null;
            }

            if (precision == ComputePrecision.Bfloat16 && node.Op.IsLayer)
            {
                // The layer's float32 weights, cast for this forward (the master copy keeps its gradients in float32).
                string field = "this." + names.Field(node.Id);
                if (step.Expression.IndexOf(field, StringComparison.Ordinal) < 0)
                {
                    throw new InvalidOperationException($"The bf16-mixed forward of {node.Op.Kind} '{node.Name}' finds no '{field}' in '{step.Expression}'.");
                }

                step = step with { Expression = step.Expression.Replace(field, $"{Runtime}.Bf16({field})") };
            }

            dtypes[node.Id] = model.TypeOf(node.Id).DType == DType.Int64 ? Value.Int64 : node.Inputs.Count == 0 ? Value.Float32 : target;
            return (step, names.Local(node.Id), dtypes[node.Id] switch { Value.Bfloat16 => " bfloat16", Value.Float32 => " float32", _ => " int64" });
        });

        // Outputs in float32: what a loss reads, what Predict returns.
        var outputs = spec.Outputs.Select(o => o.Node).Distinct()
            .ToDictionary(n => n, n => dtypes[n] == Value.Bfloat16 ? CastOf(n, Value.Float32, "outputs are float32") : names.Local(n));
        ModelEmitter.WriteReturn(w, spec, names, node => outputs[node]);
        w.Close();
    }
}
