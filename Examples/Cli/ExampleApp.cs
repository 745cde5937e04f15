using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Dsl.Metadata;
using Dsl.Training;
using Examples.Programs;
using Spectre.Console;
using TorchSharp;

namespace Examples.Cli;

/// <summary>
/// The command line: <c>list</c>, <c>summary &lt;example&gt;</c>, <c>plot &lt;example&gt;</c> and one command per
/// example. Errors (unknown example, missing data, no CUDA) are one line on the error writer and exit code 1.
/// </summary>
public sealed class ExampleApp
{
    private readonly IAnsiConsole console;
    private readonly TextWriter error;

    /// <param name="console">Where tables, progress and results go.</param>
    /// <param name="error">Where one-line errors go.</param>
    public ExampleApp(IAnsiConsole console, TextWriter error)
    {
        this.console = console;
        this.error = error;
    }

    /// <summary>Every example, in seed order.</summary>
    public static IReadOnlyList<IExample> Examples { get; } = new IExample[]
    {
        new JointEmbeddingExample(),
        new MultitaskExample(),
        new OddOnlyExample(),
        new SiameseExample(),
        new ResNetExample(),
        new DenoisingExample(),
    };

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public int Run(string[] args)
    {
        var root = new RootCommand("Seed programs of the TorchSharp model DSL, trained on real data.");
        root.Subcommands.Add(ListCommand());
        root.Subcommands.Add(ModelCommand("summary", "Print a Keras-like summary of the example's models.", Summary));
        root.Subcommands.Add(ModelCommand("plot", "Write the graph of the example's models (PNG with Graphviz, else DOT).", Plot));
        new PyTorchCommands(console).AddTo(root);
        foreach (IExample example in Examples)
        {
            root.Subcommands.Add(ExampleCommand(example));
        }

        root.Subcommands.Add(ExportOnnxCommand.Create(this, console));

        ParseResult parsed = root.Parse(args.Length == 0 ? new[] { "--help" } : args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"error: {string.Join(" ", parsed.Errors.Select(e => e.Message))} (see --help)");
            return 2;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Profile.Out.Writer,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private Command ListCommand()
    {
        var command = new Command("list", "List the examples.");
        command.SetAction(_ =>
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("command", "seed", "models", "what it shows");
            foreach (IExample example in Examples)
            {
                table.AddRow(
                    example.Name,
                    example.Seed,
                    string.Join(", ", example.Models.Select(m => m.Name)),
                    Markup.Escape(example.Description));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command ModelCommand(string name, string description, Func<IExample, ParseResult, int> action)
    {
        var exampleArgument = new Argument<string>("example") { Description = "An example name (see list)." };
        var outOption = new Option<string>("--out") { Description = "Output root directory.", DefaultValueFactory = _ => "out" };
        var command = new Command(name, description) { exampleArgument };
        if (name == "plot")
        {
            command.Options.Add(outOption);
        }

        command.SetAction(parsed => action(Find(parsed.GetRequiredValue(exampleArgument)), parsed));
        return command;
    }

    private int Summary(IExample example, ParseResult parsed)
    {
        foreach (ModelInfo model in example.Models)
        {
            console.Profile.Out.Writer.Write(model.Summary());
            console.Profile.Out.Writer.WriteLine();
        }

        return 0;
    }

    private int Plot(IExample example, ParseResult parsed)
    {
        string root = parsed.GetValue<string>("--out") ?? "out";
        CliPaths.Directory("--out", Path.Combine(root, example.Name));
        foreach (ModelInfo model in example.Models)
        {
            string file = ModelGraph.Plot(model, Path.Combine(root, example.Name));
            string how = file.EndsWith(".png", StringComparison.Ordinal)
                ? "rendered by Graphviz"
                : "DOT text: Graphviz' dot is not on the PATH; render it with `dot -Tpng`";
            console.MarkupLineInterpolated($"{model.Name}: [green]{file}[/] ({how})");
        }

        return 0;
    }

    internal static IExample Find(string name) =>
        Examples.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown example '{name}'; the examples are: {string.Join(", ", Examples.Select(e => e.Name))}");

    private Command ExampleCommand(IExample example)
    {
        ExampleDefaults defaults = example.Defaults;
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => defaults.Epochs };
        var batchSize = new Option<int>("--batch-size") { Description = "Mini-batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var limit = new Option<int?>("--limit") { Description = "At most this many training samples (tests: a quarter, at least 256).", DefaultValueFactory = _ => defaults.Limit };
        var seed = new Option<long>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 42 };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var data = new Option<string?>("--data") { Description = "A directory of IDX files, 'download' or a URL (default: the dataset's own place)." };
        var dataset = new Option<string>("--dataset") { Description = "mnist (the embedded 10,000 digits) or fashion.", DefaultValueFactory = _ => "mnist" };
        var output = new Option<string>("--out") { Description = "Output root directory.", DefaultValueFactory = _ => "out" };
        var precision = new Option<string>("--precision")
        {
            Description = "fp32, bf16-mixed (bfloat16 convolutions, linear layers and matmul; float32 weights) or auto (bf16-mixed where this host measured it faster).",
            DefaultValueFactory = _ => "fp32",
        };
        precision.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? "";
            if (!PrecisionNames.ContainsKey(value))
            {
                result.AddError($"--precision is '{value}': expected {string.Join(", ", PrecisionNames.Keys)}");
            }
        });
        var command = new Command(example.Name, $"Seed {example.Seed}: {example.Description}")
        {
            epochs, batchSize, limit, seed, device, data, dataset, output, precision,
        };
        command.SetAction(parsed => RunExample(example, new ExampleOptions(
            parsed.GetValue(epochs),
            parsed.GetValue(batchSize),
            parsed.GetValue(limit),
            parsed.GetValue(seed),
            parsed.GetValue(device) ?? "cpu",
            parsed.GetValue(data),
            parsed.GetValue(dataset) ?? "mnist",
            parsed.GetValue(output) ?? "out",
            PrecisionNames[parsed.GetValue(precision) ?? "fp32"])));
        return command;
    }

    /// <summary>The values of <c>--precision</c>, named as Lightning's <c>precision=</c> and the exported <c>train_ddp.py</c> name them.</summary>
    internal static readonly IReadOnlyDictionary<string, Precision> PrecisionNames = new Dictionary<string, Precision>(StringComparer.Ordinal)
    {
        ["fp32"] = Precision.Float32,
        ["bf16-mixed"] = Precision.Bf16Mixed,
        ["auto"] = Precision.Auto,
    };

    /// <summary>
    /// Runs one example: checks the options, trains, prints the result table, and only then writes the result files
    /// (the example's pictures and tables, the loss curve, metrics.json last), each atomically, so a failed write
    /// can neither hide the results nor leave a cut-off file.
    /// </summary>
    /// <param name="example">The example to run.</param>
    /// <param name="options">Its options.</param>
    /// <param name="trained">Called with each network right after it is trained (e.g. to export it), or null.</param>
    public int RunExample(IExample example, ExampleOptions options, Action<torch.nn.Module>? trained = null)
    {
        CliPaths.AtLeastOne("--epochs", options.Epochs);
        CliPaths.AtLeastOne("--batch-size", options.BatchSize);
        if (options.Limit is int limit)
        {
            CliPaths.AtLeastOne("--limit", limit);
        }

        ExampleData.SourceOf(options.Dataset, options.Data);
        torch.Device device = ParseDevice(options.Device);
        CliPaths.Directory("--out", options.OutputRoot);
        string directory = Path.Combine(options.OutputRoot, example.Name);
        CliPaths.Directory("--out", directory);

        var context = new ExampleContext(directory, console, device, options.Precision);
        if (trained is not null)
        {
            context.Trained += trained;
        }

        console.Write(new Rule($"[bold]{example.Name}[/] (seed {example.Seed})").LeftJustified());
        ExampleResult result = example.Run(options, context);

        var outputs = new List<OutputFile>(context.Files);
        if (context.LossSeries.Any(s => s.Values.Count > 0))
        {
            outputs.Add(new OutputFile("loss.png", Pictures.LossCurve($"{example.Name}: training loss", context.LossSeries)));
        }

        outputs.Add(new OutputFile("metrics.json", MetricsJson(result)));
        PrintResult(result);
        foreach (OutputFile output in outputs)
        {
            AtomicFiles.Write(Path.Combine(directory, output.Name), output.Content);
        }

        console.MarkupLineInterpolated($"Wrote {string.Join(", ", result.Files.Concat(outputs.Select(o => o.Name)))} to [green]{directory}[/]");
        return 0;
    }

    private static torch.Device ParseDevice(string name)
    {
        string text = name.Trim().ToLowerInvariant();
        if (text == "cpu")
        {
            return torch.CPU;
        }

        if (text != "cuda" && !text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"unknown device '{name}': use cpu or cuda");
        }

        if (!torch.cuda.is_available())
        {
            throw new ArgumentException($"device '{name}' was requested but CUDA is not available here (this build uses TorchSharp-cpu, or no GPU is visible); use --device cpu");
        }

        return torch.device(text);
    }

    /// <summary>The metrics.json content: <c>{"example", "epochs", "train_seconds", "metrics": {...}}</c>, UTF-8.</summary>
    public static byte[] MetricsJson(ExampleResult result)
    {
        var content = new Dictionary<string, object>
        {
            ["example"] = result.Example,
            ["epochs"] = result.Epochs,
            // Microseconds, like the metrics: two decimals rounded a very short run to 0.00 (a run of a few ms is real).
            ["train_seconds"] = Math.Round(result.TrainSeconds, 6),
            ["metrics"] = result.Metrics.ToDictionary(m => m.Key, m => Math.Round(m.Value, 6)),
        };
        return JsonSerializer.SerializeToUtf8Bytes(content, new JsonSerializerOptions { WriteIndented = true });
    }

    private void PrintResult(ExampleResult result)
    {
        var table = new Table().Title($"{result.Example}: results").Border(TableBorder.Rounded);
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in result.Metrics)
        {
            bool isRate = name.Contains("accuracy", StringComparison.Ordinal);
            table.AddRow(name, isRate ? value.ToString("P2", CultureInfo.InvariantCulture) : value.ToString("G5", CultureInfo.InvariantCulture));
        }

        table.AddRow("epochs", result.Epochs.ToString(CultureInfo.InvariantCulture));
        table.AddRow("train seconds", result.TrainSeconds.ToString("F1", CultureInfo.InvariantCulture));
        console.Write(table);
    }
}
