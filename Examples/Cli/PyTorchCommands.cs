using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Dsl.Weights;
using Examples.PyTorch;
using Spectre.Console;
using TorchSharp;

namespace Examples.Cli;

/// <summary>
/// <c>export-pytorch &lt;example&gt; --out DIR</c>: the example's model as a PyTorch project (model.py, weights.safetensors,
/// train_ddp.py for torchrun, the digits as safetensors columns where the model reads digits and class indices);
/// <c>import-pytorch &lt;example&gt; --dir DIR</c>: the weights trained there loaded into the C# module by name, and
/// the accuracy of each classification head on the exported test columns computed here.
/// </summary>
public sealed class PyTorchCommands
{
    private readonly IAnsiConsole console;

    public PyTorchCommands(IAnsiConsole console) => this.console = console;

    /// <summary>Adds both commands to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(ImportCommand());
    }

    private static Argument<string> ExampleArgument() =>
        new("example") { Description = "An example name (its main model) or a model class name (DigitClassifier, MultitaskNet, ...)." };

    private static Option<string?> ModelOption() =>
        new("--model") { Description = "Which of the example's models (default: its first, e.g. DigitClassifier for joint-embedding)." };

    private Command ExportCommand()
    {
        var example = ExampleArgument();
        var model = ModelOption();
        var output = new Option<string>("--out") { Description = "The directory to write.", DefaultValueFactory = _ => Path.Combine("out", "pytorch") };
        var weights = new Option<string?>("--weights") { Description = "Trained weights to export (safetensors, TorchSharp or .pt), loaded by name; default: fresh weights from --seed." };
        var limit = new Option<int>("--limit") { Description = "Training digits to write.", DefaultValueFactory = _ => 8000 };
        var test = new Option<int>("--test") { Description = "Test digits to write.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the fresh weights.", DefaultValueFactory = _ => 42 };
        var command = new Command("export-pytorch", "Write the model as PyTorch source (model.py), its weights as safetensors and a torchrun (DDP) training script.")
        {
            example, model, output, weights, limit, test, seed,
        };
        command.SetAction(parsed =>
        {
            var type = Resolve(parsed.GetRequiredValue(example), parsed.GetValue(model));
            string directory = parsed.GetValue(output)!;
            CliPaths.AtLeastOne("--limit", parsed.GetValue(limit));
            CliPaths.AtLeastOne("--test", parsed.GetValue(test));
            CliPaths.Directory("--out", directory);
            torch.manual_seed(parsed.GetValue(seed));
            using var module = PyTorchExport.Create(type);
            if (parsed.GetValue(weights) is { } file)
            {
                console.WriteLine(module.LoadWeights(file, strict: true).ToString());
            }

            NonFiniteWeights.ThrowIfAny(module, $"PyTorch export of {type.Name}");
            var written = PyTorchExport.Write(type, module, directory, parsed.GetValue(limit), parsed.GetValue(test));
            console.MarkupLineInterpolated($"{type.Name}: wrote {string.Join(", ", written)} to [green]{directory}[/]");
            console.WriteLine(written.Contains("train.safetensors")
                ? $"Train it with: cd {directory} && {PyTorchExport.TorchrunCommand} --epochs 1"
                : $"{type.Name} does not read digits and class indices only: give train_ddp.py --data and --test files holding its columns ({string.Join(", ", PyTorchExport.InfoOf(type).Inputs.Select(i => i.Name).Concat(PyTorchExport.InfoOf(type).Targets.Select(t => t.Name)))}).");
            return 0;
        });
        return command;
    }

    private Command ImportCommand()
    {
        var example = ExampleArgument();
        var model = ModelOption();
        var directory = new Option<string>("--dir") { Description = "The export directory.", DefaultValueFactory = _ => Path.Combine("out", "pytorch") };
        var weights = new Option<string?>("--weights") { Description = "The weights to load (default: DIR/weights.safetensors)." };
        var command = new Command("import-pytorch", "Load weights trained in PyTorch into the C# module by name and measure its accuracy on the exported test digits.")
        {
            example, model, directory, weights,
        };
        command.SetAction(parsed =>
        {
            var type = Resolve(parsed.GetRequiredValue(example), parsed.GetValue(model));
            string folder = parsed.GetValue(directory)!;
            string file = parsed.GetValue(weights) ?? Path.Combine(folder, "weights.safetensors");
            using var module = PyTorchExport.Create(type);
            console.WriteLine(module.LoadWeights(file, strict: true).ToString());
            string test = Path.Combine(folder, "test.safetensors");
            if (File.Exists(test))
            {
                foreach (var (head, (correct, count)) in PyTorchExport.Accuracy(module, PyTorchExport.InfoOf(type), test))
                {
                    console.WriteLine(FormattableString.Invariant($"accuracy {head} {(double)correct / count:F4} ({correct} of {count})"));
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>The model class an example name (its first model, or <paramref name="model"/>) or a model class name stands for.</summary>
    private static Type Resolve(string name, string? model)
    {
        var example = ExampleApp.Examples.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        string className = example is null ? name : model ?? example.Models[0].Name;
        if (example is not null && model is not null && !example.Models.Any(m => m.Name == model))
        {
            throw new ArgumentException($"example '{example.Name}' has no model '{model}'; its models are: {string.Join(", ", example.Models.Select(m => m.Name))}");
        }

        return PyTorchExport.Models.TryGetValue(className, out var type)
            ? type
            : throw new ArgumentException($"unknown example or model '{name}'; the examples are: {string.Join(", ", ExampleApp.Examples.Select(e => e.Name))}; the models: {string.Join(", ", PyTorchExport.Models.Keys.OrderBy(k => k, StringComparer.Ordinal))}");
    }
}
