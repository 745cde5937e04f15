namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>DSL0201-0212 and DSL0901: targets and losses, reported at the g.Loss / g.Minimize call or the argument at fault.</summary>
public class LossDiagnosticsTests
{
    [Fact]
    public void DSL0201_self_supervised_target_of_another_shape() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Autoencoder
        {
            static void Define(Graph g)
            {
                var image = g.Input("image", 1, 28, 28);
                var decoded = image.Conv2d(8, 3, padding: Padding.Same).MaxPool2d(2)
                    .UpSample2d(2).UpSample2d(2).Conv2d(1, 3, name: "autoencoder").Sigmoid();
                g.Output("autoencoder", decoded);
                g.[|Loss("reconstruction", decoded, Loss.Mse(target: image))|];
            }
        }
        """,
        "DSL0201",
        "Loss 'reconstruction': Mse target 'image' has shape [B, 1, 28, 28] but prediction 'autoencoder' has shape [B, 1, 54, 54]; compare tensors of the same shape");

    [Fact]
    public void DSL0203_cross_entropy_on_a_single_score_per_sample() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var scores = g.Input("x", 4).Linear(3).Sum(1);
                g.Output("scores", scores);
                g.[|Loss("label", scores, Loss.CrossEntropy(soft: true))|];
            }
        }
        """,
        "DSL0203",
        "Loss 'label': CrossEntropy(soft) needs class scores [B, C, ...] but prediction 'scores' has shape [B]; a single score per sample is a binary problem: use Loss.BinaryCrossEntropyWithLogits()");

    [Fact]
    public void DSL0211_class_axis_of_an_input_sequence_is_not_known() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var scores = g.Input("x", 50).Linear(50).Reshape(5, 10);
                g.Output("scores", scores);
                g.[|Loss("tokens", scores, Loss.CrossEntropy())|];
            }
        }
        """,
        "DSL0211",
        "Loss 'tokens': CrossEntropy cannot tell which axis of 'scores' [B, 5, 10] holds the classes (it comes from Reshape 'reshape_1', which does not keep a known layout); classes on dim 1 (channels first) would make the target [B, 10] int64, classes last (features last) would make it [B, 5] int64; state it with Loss.CrossEntropy(classDim: 1) or Loss.CrossEntropy(classDim: -1)");

    [Fact]
    public void DSL0212_next_token_targets_of_another_length() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var tokens = g.Input("tokens", DType.Int64, 8);
                var logits = tokens.Embedding(20, 4).Linear(20);
                g.Output("logits", logits);
                g.Loss("next", logits.Slice(1, 0, -1), Loss.CrossEntropy(target: [|tokens|]));
            }
        }
        """,
        "DSL0212",
        "Loss 'next': CrossEntropy compares 'slice_1' [B, 7, 20] with 'tokens' [B, 8] int64, but classes on dim -1 of 'slice_1' need [B, 7] int64; slice both to the same positions (for next-token targets: logits.Slice(1, 0, -1) with tokens.Slice(1, 1)), or state the class axis with classDim:");

    [Fact]
    public void DSL0205_contrastive_on_something_that_is_not_a_distance() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var embedding = g.Input("x", 4).Linear(8);
                g.Output("embedding", embedding);
                g.[|Loss("same", embedding, Loss.Contrastive(margin: 1.0))|];
            }
        }
        """,
        "DSL0205",
        "Loss 'same': Contrastive needs a distance of shape [B, 1] or [B] but prediction 'embedding' has shape [B, 8]; compute it with Ops.EuclideanDistance(a, b)");

    [Fact]
    public void DSL0206_negative_weight() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var logits = g.Input("x", 4).Linear(3);
                g.Output("logits", logits);
                g.Loss("label", logits, Loss.CrossEntropy(), weight: [|-0.5|]);
            }
        }
        """,
        "DSL0206",
        "Loss 'label': weight -0.5 must be a finite number greater than or equal to 0");

    [Fact]
    public void DSL0206_non_finite_weight() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var logits = g.Input("x", 4).Linear(3);
                g.Output("logits", logits);
                g.Loss("label", logits, Loss.CrossEntropy(), weight: [|double.NaN|]);
            }
        }
        """,
        "DSL0206",
        "Loss 'label': weight NaN must be a finite number greater than or equal to 0");

    [Fact]
    public void DSL0207_two_terms_with_one_name() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var logits = g.Input("x", 4).Linear(3);
                g.Output("logits", logits);
                g.Loss("label", logits, Loss.CrossEntropy());
                g.Minimize([|"label"|], logits);
            }
        }
        """,
        "DSL0207",
        "Loss term 'label' is declared twice; give every term its own name (the first argument of g.Loss / g.Minimize)");

    [Fact]
    public void DSL0208_mask_named_like_a_target() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var logits = g.Input("x", 4).Linear(3);
                g.Output("logits", logits);
                g.Loss("label", logits, Loss.CrossEntropy()).MaskedBy([|"label"|]);
            }
        }
        """,
        "DSL0208",
        "Mask 'label' has the same name as the target of loss 'label'; batches name their columns after inputs, targets and masks, so each name must be unique");

    [Fact]
    public void DSL0208_target_named_like_an_input() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var y = g.Input("x", 4).Linear(4);
                g.Output("y", y);
                g.Loss([|"x"|], y, Loss.Mse());
            }
        }
        """,
        "DSL0208",
        "Target 'x' has the same name as the input 'x'; batches name their columns after inputs, targets and masks, so each name must be unique");

    [Fact]
    public void DSL0901_cross_entropy_on_a_softmax_is_a_warning() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var probabilities = g.Input("x", 4).Linear(3).Softmax();
                g.Output("probabilities", probabilities);
                g.[|Loss("label", probabilities, Loss.CrossEntropy())|];
            }
        }
        """,
        "DSL0901",
        "Loss 'label': CrossEntropy applies log-softmax to its prediction, but 'probabilities' is already a Softmax; return the logits (remove .Softmax()) so the softmax is not applied twice");
}
