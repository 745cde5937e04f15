using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dsl.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Onnx.Tests;

/// <summary>
/// The seed networks of Examples/Models (and the models of Models/), driven by reflection over their generated members: a fresh module with
/// random weights (BatchNorm running statistics too, so the inference form is exercised), random inputs, and the
/// module's forward in eval mode.
/// </summary>
internal static class SeedModels
{
    public static readonly Assembly Examples = typeof(global::Examples.Models.DigitClassifier).Assembly;

    /// <summary>Every [Model] class of Examples (each has the generated OnnxGraph).</summary>
    public static IReadOnlyList<Type> Seeds { get; } = ModelsIn(Examples, "Examples.Models");

    /// <summary>
    /// The seeds, this project's models of the ops the seeds do not use (Models/), and the classic architectures of the
    /// runtime tests (LeNet-5, VGG-11-BN, Inception 3a, MobileNetV2 block; compiled here from their one source file).
    /// </summary>
    public static IReadOnlyList<Type> All { get; } = Seeds
        .Concat(ModelsIn(typeof(SeedModels).Assembly, "Dsl.Onnx.Tests.Models"))
        .Concat(ModelsIn(typeof(SeedModels).Assembly, "Dsl.Runtime.Tests.Architectures"))
        .ToList();

    private static List<Type> ModelsIn(Assembly assembly, string ns) => assembly.GetTypes()
        .Where(t => t.Namespace == ns && t.GetProperty("OnnxGraph", BindingFlags.Public | BindingFlags.Static) is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static Type Find(string name) => All.Single(t => t.Name == name);

    public static OnnxGraph GraphOf(Type model) => (OnnxGraph)model.GetProperty("OnnxGraph", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>A module with seeded random weights and running statistics, in eval mode.</summary>
    public static nn.Module Create(Type model, long seed)
    {
        torch.manual_seed(seed);
        var module = (nn.Module)model.GetConstructor(new[] { typeof(string) })!.Invoke(new object[] { model.Name });
        using (torch.no_grad())
        {
            foreach (var (name, buffer) in module.named_buffers())
            {
                if (name.EndsWith("running_mean", StringComparison.Ordinal))
                {
                    buffer.copy_(torch.randn(buffer.shape) * 0.1);
                }
                else if (name.EndsWith("running_var", StringComparison.Ordinal))
                {
                    buffer.copy_(torch.rand(buffer.shape) + 0.5);
                }
            }
        }

        module.eval();
        return module;
    }

    /// <summary>The size given to a symbolic dimension other than the batch (T).</summary>
    public const long SymbolicSize = 5;

    /// <summary>The number of distinct ids an int64 input draws from (the test models' embeddings have at least this many rows).</summary>
    public const long Vocabulary = 10;

    /// <summary>
    /// Random inputs of the graph's input shapes, with <paramref name="batch"/> for B; int64 inputs are ids below
    /// <see cref="Vocabulary"/>. A model that declares its own batch (<c>public static ParityBatch(int size)</c>: inputs
    /// whose values must be valid, such as token types and a 0 / 1 attention mask) gets that batch's inputs instead.
    /// </summary>
    public static Dictionary<string, Tensor> Inputs(OnnxGraph graph, long batch, long seed, Type? model = null)
    {
        if (model?.GetMethod("ParityBatch", BindingFlags.Public | BindingFlags.Static) is { } own)
        {
            var columns = (Dictionary<string, Tensor>)own.Invoke(null, new object[] { (int)batch })!;
            return graph.Inputs.ToDictionary(i => i.Name, i => columns[i.Name]);
        }

        torch.manual_seed(seed);
        return graph.Inputs.ToDictionary(
            i => i.Name,
            i =>
            {
                long[] shape = i.Type.Dims.Select(d => d.Value ?? (d.Param == "B" ? batch : SymbolicSize)).ToArray();
                return i.Type.ElementType == "int64" ? torch.randint(0, Vocabulary, shape, dtype: ScalarType.Int64) : torch.rand(shape);
            });
    }

    /// <summary>The module's outputs by declared name: forward(new Inputs(...)) through the generated records.</summary>
    public static Dictionary<string, Tensor> Forward(Type model, nn.Module module, OnnxGraph graph, Dictionary<string, Tensor> inputs)
    {
        var inputsType = model.GetNestedType("Inputs")!;
        var record = inputsType.GetConstructors().Single().Invoke(graph.Inputs.Select(i => (object)inputs[i.Name]).ToArray());
        object outputs;
        using (torch.no_grad())
        {
            outputs = model.GetMethod("forward", new[] { inputsType })!.Invoke(module, new[] { record })!;
        }

        var outputsType = outputs.GetType();
        return graph.Outputs.ToDictionary(o => o.Name, o => (Tensor)outputsType.GetProperty(PascalCase(o.Name))!.GetValue(outputs)!);
    }

    private static string PascalCase(string name) => string.Concat(name.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
