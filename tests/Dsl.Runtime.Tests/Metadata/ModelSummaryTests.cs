using System;
using System.IO;
using System.Linq;
using Dsl.Metadata;
using Dsl.Runtime.Tests.NativeCompat;
using Examples.Models;

namespace Dsl.Runtime.Tests.Metadata;

/// <summary>The runtime prints the Keras-like summary and draws the graph from the generated layer table.</summary>
public sealed class ModelSummaryTests
{
    [Fact]
    public void A_sequential_model_has_the_keras_columns_and_totals_without_connected_to()
    {
        string text = DigitClassifier.Info.Summary();
        Assert.StartsWith("Model: DigitClassifier\n", text, StringComparison.Ordinal);
        Assert.Contains("Layer (type)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Connected to", text, StringComparison.Ordinal);
        Assert.Contains("layer1 (Conv2d)", text, StringComparison.Ordinal);
        Assert.Matches(@"layer3 \(Linear\)\s+\[B, 128\]\s+1,179,776", text);
        Assert.Contains("Total params: 1,199,882", text, StringComparison.Ordinal);
        Assert.Contains("Trainable params: 1,199,882", text, StringComparison.Ordinal);
        Assert.Contains("Non-trainable params: 0", text, StringComparison.Ordinal);
        Assert.Matches(@"layer2 \(Conv2d\)\s+\[B, 64, 24, 24\]\s+18,496\s+10,616,832", text);
        Assert.Contains("Forward mult-adds per sample: 11,992,448", text, StringComparison.Ordinal);
        Assert.Contains("Training FLOPs per sample (estimate, 6 x mult-adds): 71,954,688", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiply_accumulates_are_those_of_the_layer_shapes()
    {
        // Worked by hand from the seed's layers: conv 32x26x26 outputs x 1x3x3, conv 64x24x24 x 32x3x3,
        // dense 9216 -> 128, dense 128 -> 10.
        long expected = (32L * 26 * 26 * 9) + (64L * 24 * 24 * 32 * 9) + (9216L * 128) + (128L * 10);
        Assert.Equal(expected, DigitClassifier.Info.ForwardMultiplyAccumulates);

        // A submodel's work counts on every application: the siamese net applies its tower twice.
        Assert.Equal(2 * SiameseTower.Info.ForwardMultiplyAccumulates, SiameseNet.Info.ForwardMultiplyAccumulates);
    }

    [Fact]
    public void A_branching_model_names_what_each_layer_reads()
    {
        Assert.True(SiameseNet.Info.IsBranching());
        string text = SiameseNet.Info.Summary();
        Assert.Contains("Connected to", text, StringComparison.Ordinal);
        string row = text.Split('\n').Single(l => l.StartsWith("euclidean_distance_1", StringComparison.Ordinal));
        Assert.EndsWith("output_1, output_2", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dot_graph_is_computed_from_the_layer_table_with_loss_terms_as_nodes()
    {
        string dot = MultitaskNet.Info.ToDot();
        Assert.StartsWith("digraph MultitaskNet {", dot, StringComparison.Ordinal);
        foreach (var layer in MultitaskNet.Info.Layers)
        {
            Assert.Contains($"\"{layer.Name}\" [label=", dot, StringComparison.Ordinal);
            foreach (string input in layer.Inputs)
            {
                Assert.Contains($"\"{input}\" -> \"{layer.Name}\";", dot, StringComparison.Ordinal);
            }
        }

        Assert.Contains("\"sigmoid_1\" -> \"out.autoencoder\";", dot, StringComparison.Ordinal);
        Assert.Contains("\"classification\" -> \"out.classification\";", dot, StringComparison.Ordinal);
        Assert.Contains("\"loss.label\" [label=\"loss label: CrossEntropy\\nweight 0.9\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"out.classification\" -> \"loss.label\" [label=\"prediction\"];", dot, StringComparison.Ordinal);
        Assert.Contains("\"target.label\" -> \"loss.label\" [label=\"target\"];", dot, StringComparison.Ordinal);
        Assert.Contains("\"loss.reconstruction\" [label=\"loss reconstruction: Mse\\nweight 0.1\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"out.autoencoder\" -> \"loss.reconstruction\" [label=\"prediction\"];", dot, StringComparison.Ordinal);
        Assert.Contains("\"image\" -> \"loss.reconstruction\" [label=\"target\"];", dot, StringComparison.Ordinal);

        // The self-supervised target is no output: the picture draws the input into the term, nothing else.
        Assert.DoesNotContain("reconstruction_target", dot, StringComparison.Ordinal);
        Assert.Equal(2, dot.Split('\n').Count(l => l.Contains("fillcolor=\"#dcfce7\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_dot_graph_styles_inputs_and_outputs_and_draws_each_output_from_its_layer()
    {
        string dot = DigitClassifier.Info.ToDot();
        Assert.StartsWith("digraph DigitClassifier {\n  rankdir=TB;\n", dot, StringComparison.Ordinal);
        Assert.Contains("  \"image\" [label=\"image\\n[B, 1, 28, 28]\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("  \"relu_1\" [label=\"Relu\\n[B, 32, 26, 26]\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("  \"layer1\" [label=\"layer1: Conv2d\\n[B, 32, 26, 26]\\n320 params\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("  \"layer4\" -> \"out.logits\";\n", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
        Assert.Equal(dot, DigitClassifier.Info.Dot);   // the contract's "graph as DOT text" on Info

        // A Minimize over a node that is no output: the term reads the layer itself.
        string alignment = MirrorAlignment.Info.ToDot();
        var term = MirrorAlignment.Info.Losses.Single();
        Assert.Contains($"  \"{term.PredictionNode}\" -> \"loss.misalignment\" [label=\"prediction\"];\n", alignment, StringComparison.Ordinal);
        Assert.Equal(new[] { "student_logits" }, MirrorAlignment.Info.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void The_dot_graph_draws_no_bookkeeping_nodes_and_shows_each_name_once()
    {
        // A submodel's "Output" nodes are folded: their readers are drawn from the application itself.
        string siamese = SiameseNet.Info.ToDot();
        Assert.Contains(SiameseNet.Info.Layers, l => l.Kind == "Output");
        Assert.DoesNotContain("Output", siamese, StringComparison.Ordinal);
        Assert.DoesNotContain("\"output_1\"", siamese, StringComparison.Ordinal);
        Assert.Contains("  \"tower_1\" -> \"euclidean_distance_1\";\n", siamese, StringComparison.Ordinal);
        Assert.Contains("  \"tower_2\" -> \"euclidean_distance_1\";\n", siamese, StringComparison.Ordinal);

        // A scalar operation shows what it does, not its generated name; the output read through "Output" comes from the application.
        string alignment = MirrorAlignment.Info.ToDot();
        Assert.DoesNotContain("ScalarSubtract\\n", alignment, StringComparison.Ordinal);
        Assert.DoesNotContain("scalar_1:", alignment, StringComparison.Ordinal);
        Assert.Contains("  \"scalar_1\" [label=\"\u2212 const\"", alignment, StringComparison.Ordinal);
        Assert.Contains("  \"cosine_similarity_1\" -> \"scalar_1\";\n", alignment, StringComparison.Ordinal);
        Assert.Contains("  \"student_1\" -> \"out.student_logits\";\n", alignment, StringComparison.Ordinal);
        Assert.Contains("  \"scalar_1\" -> \"loss.misalignment\" [label=\"prediction\"];\n", alignment, StringComparison.Ordinal);

        // No label names a node twice: a generated name that only repeats the kind (relu_1: Relu) shows the kind once.
        foreach (var info in new[] { DigitClassifier.Info, MultitaskNet.Info, SiameseNet.Info, MirrorAlignment.Info, DigitResNet.Info })
        {
            foreach (var label in System.Text.RegularExpressions.Regex.Matches(info.ToDot(), "label=\"([^\"]*)\"").Select(m => m.Groups[1].Value))
            {
                string[] title = label.Split("\\n")[0].Split(": ");
                Assert.True(title.Length == 1 || !string.Equals(System.Text.RegularExpressions.Regex.Replace(title[0], "_[0-9]+$", "").Replace("_", "", StringComparison.Ordinal), title[1], StringComparison.OrdinalIgnoreCase),
                    $"{info.Name}: the label '{label}' names the node twice");
            }
        }

        Assert.Contains("  \"max_pool2d_1\" [label=\"MaxPool2d\\n", MultitaskNet.Info.ToDot(), StringComparison.Ordinal);
        Assert.Contains("  \"classification\" [label=\"classification: Linear\\n", MultitaskNet.Info.ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dot_graph_marks_frozen_submodels_and_shared_weights()
    {
        string alignment = MirrorAlignment.Info.ToDot();
        string teacher = alignment.Split('\n').Single(l => l.StartsWith("  \"teacher_1\" [", StringComparison.Ordinal));
        Assert.Contains("\\nfrozen\"", teacher, StringComparison.Ordinal);
        Assert.Contains("fillcolor=\"#e5e7eb\"", teacher, StringComparison.Ordinal);
        string student = alignment.Split('\n').Single(l => l.StartsWith("  \"student_1\" [", StringComparison.Ordinal));
        Assert.DoesNotContain("frozen", student, StringComparison.Ordinal);
        Assert.DoesNotContain("fillcolor", student, StringComparison.Ordinal);

        // The tower applied twice: the first application holds the weights, the second reuses them.
        string siamese = SiameseNet.Info.ToDot();
        string first = siamese.Split('\n').Single(l => l.StartsWith("  \"tower_1\" [", StringComparison.Ordinal));
        string second = siamese.Split('\n').Single(l => l.StartsWith("  \"tower_2\" [", StringComparison.Ordinal));
        Assert.Contains("\\nweights shared\"", first, StringComparison.Ordinal);
        Assert.Contains("\\nshares weights with tower_1\"", second, StringComparison.Ordinal);
        Assert.All(new[] { first, second }, l => Assert.Contains("style=\"filled,dashed\", fillcolor=\"#fef3c7\"", l, StringComparison.Ordinal));

        // A block applied twice: its second Linear owns no parameters.
        string views = Dsl.Runtime.Tests.Composition.TwoViews.Info.ToDot();
        var reused = Dsl.Runtime.Tests.Composition.TwoViews.Info.Layers.Single(l => l.Kind == "Linear" && l.TrainableParameters == 0);
        Assert.Equal("proj_linear_1_2", reused.Name);
        Assert.Contains("  \"proj_linear_1_2\" [label=\"proj_linear_1_2: Linear\\n[B, 16]\\nshares weights with proj_linear_1\"", views, StringComparison.Ordinal);
        Assert.Contains("  \"proj_linear_1\" [label=\"proj_linear_1: Linear\\n[B, 16]\\n144 params\\nweights shared\"", views, StringComparison.Ordinal);
        Assert.DoesNotContain("shared", DigitClassifier.Info.ToDot(), StringComparison.Ordinal);
        Assert.DoesNotContain("frozen", DigitClassifier.Info.ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_png_is_drawn_by_graphviz()
    {
        Assert.True(ModelGraph.FindDot() is not null,
            "Graphviz' 'dot' is not on the PATH: install it (sudo apt-get install -y graphviz; .ci/run does) so the PNG path is tested.");
        using var folder = new TempDirectory();
        string file = ModelGraph.Plot(SiameseNet.Info, folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "SiameseNet.png"), file);
        byte[] bytes = File.ReadAllBytes(file);
        Assert.True(bytes.Length > 1000, $"the PNG has only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes.Take(4));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp-*"));

        // Loss terms as nodes (a self-supervised target, a Minimize over a non-output) are valid DOT that Graphviz draws.
        foreach (var info in new[] { MultitaskNet.Info, MirrorAlignment.Info })
        {
            string png = ModelGraph.Plot(info, folder.Path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png).Take(4));
        }
    }
}
