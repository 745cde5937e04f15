using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using Dsl.Onnx;
using Dsl.Weights;
using Google.Protobuf;
using Spectre.Console;
using TorchSharp;

namespace Examples.Cli;

/// <summary>
/// <c>export-onnx &lt;example&gt; [--weights FILE] [--model NAME] [--out FILE] [--epochs N] [--limit N] [--seed N]</c>:
/// writes an example's network as an ONNX model (opset 17) with trained weights as initializers. Without
/// <c>--weights</c> it trains the example as its own command does (same data, defaults and result files) and exports
/// the last network trained (its result files go to out/&lt;example&gt;/, or beside <c>--out</c>); with <c>--weights</c> it loads a weight file (safetensors, TorchSharp or a PyTorch state
/// dict) by name, strictly, into <c>--model</c> (default: the example's first network) and exports that.
/// </summary>
internal static class ExportOnnxCommand
{
    public static Command Create(ExampleApp app, IAnsiConsole console)
    {
        var exampleArgument = new Argument<string>("example") { Description = "An example name (see list)." };
        var weights = new Option<string?>("--weights") { Description = "Export these weights (safetensors, TorchSharp .dat or PyTorch .pt) instead of training first." };
        var model = new Option<string?>("--model") { Description = "With --weights: which of the example's networks (default: the first that summary lists)." };
        var output = new Option<string?>("--out") { Description = "The .onnx file to write (default: out/<example>/<Network>.onnx)." };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default: the example's)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many training samples (default: the example's)." };
        var seed = new Option<long>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 42 };
        var command = new Command("export-onnx", "Write an example's trained network as an ONNX model (opset 17) with its weights as initializers.")
        {
            exampleArgument, weights, model, output, epochs, limit, seed,
        };
        command.SetAction(parsed =>
        {
            IExample example = ExampleApp.Find(parsed.GetRequiredValue(exampleArgument));
            string? weightFile = parsed.GetValue(weights);
            string? file = parsed.GetValue(output);
            // Every path and count checked before training, so a typo costs no training run.
            if (file is not null)
            {
                CliPaths.File("--out", file);
            }

            if (parsed.GetValue(epochs) is int epochCount)
            {
                CliPaths.AtLeastOne("--epochs", epochCount);
            }

            if (parsed.GetValue(limit) is int limitCount)
            {
                CliPaths.AtLeastOne("--limit", limitCount);
            }

            // A training run's result files go where the example's command puts them: out/<example>/, or beside --out.
            string resultsRoot = file is null ? "out" : Path.GetDirectoryName(Path.GetFullPath(file))!;
            (string Name, byte[] Bytes) exported = weightFile is null
                ? Train(app, example, parsed.GetValue(epochs), parsed.GetValue(limit), parsed.GetValue(seed), resultsRoot)
                : Load(example, parsed.GetValue(model), weightFile);
            string path = file ?? Path.Combine("out", example.Name, exported.Name + ".onnx");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            AtomicFiles.Write(path, exported.Bytes);
            console.MarkupLineInterpolated($"Wrote [green]{path}[/]: {exported.Name} as ONNX (opset 17), {exported.Bytes.Length / 1024.0 / 1024.0:F1} MiB");
            return 0;
        });
        return command;
    }

    /// <summary>Trains the example as its command does and exports the last network it trained.</summary>
    private static (string, byte[]) Train(ExampleApp app, IExample example, int? epochs, int? limit, long seed, string resultsRoot)
    {
        ExampleDefaults defaults = example.Defaults;
        var options = new ExampleOptions(epochs ?? defaults.Epochs, defaults.BatchSize, limit ?? defaults.Limit, seed, "cpu", null, "mnist", resultsRoot);
        (string, byte[])? last = null;
        // Captured right after training (later evaluation does not change the weights), before the example disposes it.
        app.RunExample(example, options, trained: module => last = (module.GetType().Name, Export(module)));
        return last ?? throw new InvalidOperationException($"example '{example.Name}' trained no network that has an ONNX graph");
    }

    private static (string, byte[]) Load(IExample example, string? name, string weightFile)
    {
        string network = name ?? example.Models[0].Name;
        if (!example.Models.Any(m => m.Name == network))
        {
            throw new ArgumentException($"example '{example.Name}' has no network '{network}'; its networks are: {string.Join(", ", example.Models.Select(m => m.Name))}");
        }

        Type type = typeof(ExportOnnxCommand).Assembly.GetType("Examples.Models." + network)
            ?? throw new InvalidOperationException($"no generated class Examples.Models.{network}");
        using var module = (torch.nn.Module)type.GetConstructor(new[] { typeof(string) })!.Invoke(new object[] { network });
        module.LoadWeights(weightFile, strict: true);
        module.eval();
        return (network, Export(module));
    }

    /// <summary>The ONNX bytes of a generated module: its static OnnxGraph with its current weights.</summary>
    private static byte[] Export(torch.nn.Module module)
    {
        var graph = module.GetType().GetProperty("OnnxGraph", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as OnnxGraph
            ?? throw new InvalidOperationException($"{module.GetType().Name} has no generated OnnxGraph");
        NonFiniteWeights.ThrowIfAny(module, $"ONNX export of {module.GetType().Name}");
        return OnnxExport.ToModel(graph, module).ToByteArray();
    }
}
