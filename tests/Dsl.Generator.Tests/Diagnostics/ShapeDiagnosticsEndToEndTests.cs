namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>Shape errors found through the whole pipeline: reported at the offending call or argument of the user's source.</summary>
public class ShapeDiagnosticsEndToEndTests
{
    [Fact]
    public void DSL0001_resnet_shortcut_without_projection_is_reported_at_the_plus_inside_the_helper() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class ResNet
        {
            static Node ResidualBlock(Node x, int filters, bool downsample)
            {
                int strides = downsample ? 2 : 1;
                var y = x.Conv2d(filters, 3, stride: strides, padding: Padding.Same).BatchNorm2d().Relu();
                y = y.Conv2d(filters, 3, padding: Padding.Same).BatchNorm2d();
                return ([|x + y|]).Relu();
            }

            static void Define(Graph g)
            {
                var x = g.Input("image", 3, 32, 32).Conv2d(64, 7, stride: 2, padding: Padding.Same);
                int filters = 64;
                for (int i = 0; i < 2; i++)
                {
                    x = ResidualBlock(x, filters, downsample: i > 0);
                    filters *= 2;
                }
                g.Output("logits", x.GlobalAvgPool2d().Linear(2));
            }
        }
        """,
        "DSL0001",
        "'+' cannot combine [B, 64, 16, 16] and [B, 128, 8, 8]; make the strides agree, or project and downsample the shortcut with a strided 1x1 Conv2d to 128 channels (.Conv2d(128, 1, stride: 2))");

    [Fact]
    public void DSL0002_linear_on_a_4d_node() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("image", 1, 28, 28).Conv2d(8, 3);
                g.Output("y", x.[|Linear(10)|]);
            }
        }
        """,
        "DSL0002",
        "Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 8, 26, 26]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1) to apply it at every position");

    [Fact]
    public void DSL0002_conv2d_on_a_2d_node() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", 784).[|Conv2d(8, 3, name: "conv")|]);
        }
        """,
        "DSL0002",
        "Conv2d 'conv' expects a 4-D input [B, C, H, W] but got [B, 784]; a 2-D [B, F] input needs .Reshape(C, H, W) first");

    [Fact]
    public void DSL0003_kernel_larger_than_the_input_is_reported_at_the_kernel_argument() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("image", 1, 8, 8).MaxPool2d(2).MaxPool2d(2);
                g.Output("y", x.Conv2d(4, [|5|]).Flatten());
            }
        }
        """,
        "DSL0003",
        "Conv2d 'conv2d_1': kernel 5x5 does not fit the input [B, 1, 2, 2] (spatial 2x2, padding Valid); use Padding.Same, a smaller kernel or remove a downsampling layer before it");

    [Fact]
    public void DSL0004_reshape_whose_sizes_do_not_multiply_out() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("code", 128).Linear(512).[|Reshape(32, 4, 5)|]);
        }
        """,
        "DSL0004",
        "Reshape to [B, 32, 4, 5] holds 640 elements per sample but the input [B, 512] holds 512; choose sizes whose product is 512");

    [Fact]
    public void DSL0005_concat_with_mismatched_dims() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var a = g.Input("a", 8, 16, 16);
                var b = g.Input("b", 4, 8, 8);
                g.Output("y", Ops.[|Concat(1, a, b)|]);
            }
        }
        """,
        "DSL0005",
        "Concat along dim 1: operand 2 has shape [B, 4, 8, 8] but the first has [B, 8, 16, 16]; all dims except 1 must agree");

    [Fact]
    public void DSL0200_model_without_outputs() => DiagnosticAssert.Single(
        """
        using Dsl;
        [Model]
        public partial class [|Net|]
        {
            static void Define(Graph g) { }
        }
        """,
        "DSL0200",
        "Model 'Net' declares no outputs; add g.Output(\"name\", node) for each result of the model");
}
