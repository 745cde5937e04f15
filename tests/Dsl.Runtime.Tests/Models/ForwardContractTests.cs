using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dsl.Metadata;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// For every example model (found by its <c>[Model]</c> attribute, so a new one is covered without a new test):
/// <c>forward</c> returns outputs of exactly the shapes and dtypes <see cref="ModelInfo.Outputs"/> declares, and
/// disposing the <c>Outputs</c> record disposes every output it owns while leaving the caller's inputs (an output
/// may be an input, such as an autoencoder's reconstruction target) alive.
/// </summary>
public sealed class ForwardContractTests
{
    private const long Batch = 2;

    public static TheoryData<string> ExampleModels()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(DigitClassifier).Assembly.GetTypes().Where(t => t.GetCustomAttribute<Dsl.ModelAttribute>() is not null).OrderBy(t => t.Name))
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleModels))]
    public void Forward_returns_the_declared_shapes_and_Dispose_frees_every_output_but_not_the_inputs(string modelName)
    {
        Type type = typeof(DigitClassifier).Assembly.GetTypes().Single(t => t.Name == modelName && t.GetCustomAttribute<Dsl.ModelAttribute>() is not null);
        var info = (ModelInfo)type.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        torch.manual_seed(11);
        using var module = (nn.Module)Activator.CreateInstance(type, modelName)!;
        module.eval();
        var generator = new torch.Generator(11);
        var inputs = info.Inputs.Select(i => torch.rand(Concrete(i), generator: generator)).ToList();
        try
        {
            Type inputsType = type.GetNestedType("Inputs")!;
            object inputsRecord = inputsType.GetConstructors().Single().Invoke(inputs.Cast<object>().ToArray());
            var outputsRecord = (IDisposable)type.GetMethod("forward", new[] { inputsType })!.Invoke(module, new[] { inputsRecord })!;
            var outputs = OutputTensors(outputsRecord);

            Assert.Equal(info.Outputs.Count, outputs.Count);
            for (int i = 0; i < outputs.Count; i++)
            {
                Assert.True(
                    Concrete(info.Outputs[i]).SequenceEqual(outputs[i].shape),
                    $"{modelName}: output '{info.Outputs[i].Name}' is declared {info.Outputs[i].Shape} but forward returned [{string.Join(", ", outputs[i].shape)}]");
                Assert.Equal(info.Outputs[i].DType, Dsl.Checks.TensorCheck.DTypeName(outputs[i].dtype));
            }

            outputsRecord.Dispose();

            for (int i = 0; i < outputs.Count; i++)
            {
                bool isInput = inputs.Any(input => ReferenceEquals(input, outputs[i]));
                Assert.True(
                    outputs[i].IsInvalid != isInput,
                    isInput
                        ? $"{modelName}: disposing the outputs disposed '{info.Outputs[i].Name}', which is the caller's input"
                        : $"{modelName}: disposing the outputs left '{info.Outputs[i].Name}' alive");
            }

            Assert.All(inputs, input => Assert.False(input.IsInvalid, $"{modelName}: an input was disposed by forward or by the outputs"));
        }
        finally
        {
            inputs.ForEach(i => i.Dispose());
        }
    }

    /// <summary>The tensors of a generated <c>Outputs</c> record, in declaration order (its constructor's).</summary>
    private static List<Tensor> OutputTensors(object record)
    {
        var parameters = record.GetType().GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType == typeof(Tensor))).GetParameters();
        return parameters.Select(p => (Tensor)record.GetType().GetProperty(p.Name!)!.GetValue(record)!).ToList();
    }

    /// <summary>A declared shape such as <c>[B, 1, 28, 28]</c> with the batch set to <see cref="Batch"/>.</summary>
    private static long[] Concrete(TensorInfo tensor)
    {
        string[] dims = tensor.Shape.Trim('[', ']').Split(", ");
        return dims.Select(d => d == "B" ? Batch : long.TryParse(d, out long size) ? size : throw new InvalidOperationException($"'{tensor.Name}' has the symbolic size {d}; give it a value here")).ToArray();
    }
}
