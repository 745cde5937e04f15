namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>DSL0201-0208 and DSL0901: targets and losses, reported at the g.Loss / g.Minimize call or the argument at fault.</summary>
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
    public void DSL0203_soft_cross_entropy_on_a_feature_map() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var scores = g.Input("x", 2, 4, 4).Conv2d(3, 1);
                g.Output("scores", scores);
                g.[|Loss("label", scores, Loss.CrossEntropy(soft: true))|];
            }
        }
        """,
        "DSL0203",
        "Loss 'label': CrossEntropy(soft) needs class scores [B, C, ...] but prediction 'scores' has shape [B, 3, 4, 4]; soft targets need logits [B, C]; flatten the prediction first");

    [Fact]
    public void DSL0204_loss_on_a_node_that_is_not_an_output() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var hidden = g.Input("x", 4).Linear(8).Relu();
                g.Output("y", hidden.Linear(2));
                g.[|Loss("label", hidden, Loss.CrossEntropy())|];
            }
        }
        """,
        "DSL0204",
        "Loss 'label' reads 'relu_1', which is not an output of the model; declare it with g.Output(\"name\", node) so that callers and the loss see the same tensor");

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
