using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Dsl.Benchmarks;

/// <summary>Model declarations for the generator benchmark: the examples as written, and synthetic ones.</summary>
public static class ModelSources
{
    /// <summary>A file with no model, the target of the "unrelated edit".</summary>
    public const string Unrelated = """
        namespace Bench;

        public static class Helpers
        {
            public static int Answer() => 42;
        }
        """;

    /// <summary>Examples/Models/*.cs (embedded at build time), by file name.</summary>
    public static IReadOnlyList<(string Name, string Text)> Examples()
    {
        var assembly = typeof(ModelSources).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Examples.Models.", System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name["Examples.Models.".Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>
    /// <paramref name="count"/> distinct model declarations cycling through four shapes of code: convolution
    /// chains built in a loop, MLPs with a helper method, residual blocks with a projection shortcut, and
    /// two-input models with a concatenation and two weighted losses. Sizes vary with the index. Each declares
    /// <c>const int Hidden</c>, which the "edit one model" step changes.
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> Synthetic(int count) =>
        Enumerable.Range(0, count).Select(i => ($"Synthetic{i:D3}.cs", Synthetic(i, hidden: 32 + 8 * (i % 13)))).ToList();

    public static string Synthetic(int index, int hidden)
    {
        var body = (index % 4) switch
        {
            0 => ConvChain(index),
            1 => Mlp(index),
            2 => Residual(index),
            _ => TwoInputs(index),
        };
        return new StringBuilder()
            .AppendLine("using Dsl;")
            .AppendLine()
            .AppendLine("namespace Bench;")
            .AppendLine()
            .AppendLine("[Model]")
            .AppendLine($"public partial class Model{index:D3}")
            .AppendLine("{")
            .AppendLine($"    const int Hidden = {hidden};")
            .Append(body)
            .AppendLine("}")
            .ToString();
    }

    private static string ConvChain(int index)
    {
        int stages = 1 + index % 3;
        int filters = 8 << (index % 3);
        return $$"""
                static void Define(Graph g)
                {
                    var x = g.Input("image", {{1 + index % 3}}, 32, 32);
                    int filters = {{filters}};
                    for (int stage = 0; stage < {{stages}}; stage++)
                    {
                        x = x.Conv2d(filters, 3, padding: Padding.Same).BatchNorm2d().Relu();
                        x = x.Conv2d(filters, 3, padding: Padding.Same).Relu().MaxPool2d(2);
                        filters *= 2;
                    }

                    var logits = x.Flatten().Linear(Hidden).Relu().Dropout(0.5).Linear({{2 + index % 10}});
                    g.Output("logits", logits);
                    g.Loss("label", logits, Loss.CrossEntropy());
                }

            """;
    }

    private static string Mlp(int index)
    {
        int layers = 2 + index % 4;
        return $$"""
                static Node Dense(Node x, int width, double dropout) => x.Linear(width).Relu().Dropout(dropout);

                static void Define(Graph g)
                {
                    var x = g.Input("features", {{16 + index}});
                    for (int i = 0; i < {{layers}}; i++)
                    {
                        x = Dense(x, Hidden, 0.1 * (i % 3));
                    }

                    var value = x.Linear(1, name: "value");
                    g.Output("value", value);
                    g.Loss("target", value, Loss.Mse());
                }

            """;
    }

    private static string Residual(int index)
    {
        int blocks = 2 + index % 3;
        return $$"""
                static Node Block(Node x, int filters, bool downsample)
                {
                    var y = x.Conv2d(filters, 3, stride: downsample ? 2 : 1, padding: Padding.Same).BatchNorm2d().Relu();
                    y = y.Conv2d(filters, 3, padding: Padding.Same).BatchNorm2d();
                    if (downsample)
                    {
                        x = x.Conv2d(filters, 1, stride: 2, padding: Padding.Same);
                    }

                    return (x + y).Relu();
                }

                static void Define(Graph g)
                {
                    int filters = 16;
                    var x = g.Input("image", 3, 64, 64).Conv2d(filters, 3, padding: Padding.Same).Relu();
                    for (int i = 0; i < {{blocks}}; i++)
                    {
                        x = Block(x, filters, downsample: i > 0);
                        filters = i > 0 ? filters * 2 : filters;
                    }

                    var probabilities = x.GlobalAvgPool2d().Linear(Hidden).Relu().Linear({{2 + index % 5}}).Softmax();
                    g.Output("probabilities", probabilities);
                }

            """;
    }

    private static string TwoInputs(int index) => $$"""
                static void Define(Graph g)
                {
                    var left = g.Input("left", {{8 + index % 17}});
                    var right = g.Input("right", {{4 + index % 11}});
                    var joined = Ops.Concat(1, left.Linear(Hidden).Tanh(), right.Linear(Hidden).Sigmoid());
                    var shared = joined.Linear(Hidden).LeakyRelu(0.1);
                    var score = shared.Linear(1, name: "score");
                    var classes = shared.Linear({{3 + index % 7}}, name: "classes");
                    g.Output("score", score);
                    g.Output("classes", classes);
                    g.Loss("score", score, Loss.BinaryCrossEntropyWithLogits(), weight: 0.3);
                    g.Loss("classes", classes, Loss.CrossEntropy(), weight: 0.7);
                }

            """;
}
