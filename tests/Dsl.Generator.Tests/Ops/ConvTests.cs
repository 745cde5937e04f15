using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Conv1d / 2d / 3d and the transposed convolutions: PyTorch's shapes and parameter counts (per-axis kernels, strides, paddings, groups, dilation), each mistake at its argument with the fix, and the TorchSharp module.</summary>
public class ConvTests
{
    private const string Image = "var x = g.Input(\"image\", 32, 28, 28);";

    [Theory]
    // Expected: the output shape, trainable and non-trainable parameters (PyTorch's counts).
    // Conv2d with a kernel, stride, dilation and padding per axis: 16 x 32 x 3 x 5 + 16 weights.
    [InlineData("32, 28, 28", "Conv2d(16, (3, 5), stride: (1, 2))", "\"[B, 16, 26, 12]\", 7696, 0")]
    [InlineData("32, 28, 28", "Conv2d(16, (3, 5), padding: (1, 2))", "\"[B, 16, 28, 28]\", 7696, 0")]
    [InlineData("32, 28, 28", "Conv2d(16, (3, 3), padding: Padding.Same, dilation: (1, 2))", "\"[B, 16, 28, 28]\", 4624, 0")]
    // Transposed: (28 - 1) x 2 - 2 + 3 + 1 = 56; weights C_in x C_out x k x k + C_out.
    [InlineData("32, 28, 28", "ConvTranspose2d(16, 4, stride: 2, padding: 1)", "\"[B, 16, 56, 56]\", 8208, 0")]
    [InlineData("32, 28, 28", "ConvTranspose2d(8, 3, stride: 2, padding: 1, outputPadding: 1)", "\"[B, 8, 56, 56]\", 2312, 0")]
    [InlineData("32, 28, 28", "ConvTranspose2d(8, 3, stride: 2, padding: Padding.Same)", "\"[B, 8, 56, 56]\", 2312, 0")]
    // Grouped transposed weights are [C_in, C_out / groups, kh, kw]: 32 x 2 x 3 x 5.
    [InlineData("32, 7, 7", "ConvTranspose2d(8, (3, 5), stride: (2, 1), groups: 4, bias: false)", "\"[B, 8, 15, 11]\", 960, 0")]
    [InlineData("4, 100", "Conv1d(8, 5, stride: 2)", "\"[B, 8, 48]\", 168, 0")]
    [InlineData("4, 100", "Conv1d(8, 4, padding: Padding.Same)", "\"[B, 8, 100]\", 136, 0")]
    [InlineData("4, 100", "ConvTranspose1d(2, 4, stride: 2, padding: 1)", "\"[B, 2, 200]\", 34, 0")]
    [InlineData("2, 8, 16, 16", "Conv3d(4, 3)", "\"[B, 4, 6, 14, 14]\", 220, 0")]
    [InlineData("2, 8, 16, 16", "Conv3d(4, (1, 3, 3), padding: (0, 1, 1))", "\"[B, 4, 8, 16, 16]\", 76, 0")]
    // Symbolic sizes: a transposed convolution multiplies by its stride (2T; after a strided Conv1d, 2 floor((T - 1) / 2) + 1).
    [InlineData("4, Dim.Of(\"T\")", "ConvTranspose1d(2, 4, stride: 2, padding: 1)", "\"[B, 2, 2*T]\", 34, 0")]
    [InlineData("4, Dim.Of(\"T\")", "Conv1d(8, 3, stride: 2).ConvTranspose1d(4, 3, stride: 2)", "\"[B, 4, 2*((T + 1) / 2) - 1]\", 100, 0")]
    public void Shapes_and_parameters_are_PyTorchs(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Theory]
    [InlineData("Conv2d(32, 3, groups: 32)", "[B, 32, 26, 26]", "320 parameters")]               // depthwise: 32 x 1 x 3 x 3 + 32
    [InlineData("Conv2d(64, 3, groups: 4, bias: false)", "[B, 64, 26, 26]", "4,608 parameters")] // 64 x 8 x 3 x 3
    [InlineData("Conv2d(16, 3, dilation: 2)", "[B, 16, 24, 24]", "4,624 parameters")]             // covers 5 x 5
    [InlineData("Conv2d(16, 3, padding: Padding.Same, dilation: 3)", "[B, 16, 28, 28]", "4,624 parameters")]
    public void Groups_and_dilation_give_PyTorch_shapes_and_counts(string call, string shape, string parameters)
    {
        var run = DefineBody.Run($"g.Output(\"y\", x.{call});", Image);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string source = DefineBody.WithoutRoles(run.GeneratedSource("Net"));
        Assert.Contains($"-> {shape}, {parameters}", source);
    }

    [Fact]
    public void Groups_that_do_not_divide_the_channels_are_reported_at_groups() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.Conv2d(48, 3, groups: [|5|]));",
        "DSL0007",
        "Conv2d 'conv2d_1': groups 5 must divide both the input channels (32) and outChannels (48); a depthwise convolution uses groups = the input channels",
        Image);

    [Fact]
    public void An_output_padding_not_below_the_stride_or_dilation_is_reported_at_outputPadding() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.ConvTranspose2d(8, 3, stride: 2, outputPadding: [|2|]));",
        "DSL0007",
        "ConvTranspose2d 'conv_transpose2d_1': outputPadding 2 must be smaller than the stride (2) or the dilation (1), as PyTorch requires; a larger output needs a larger stride or kernel",
        "var x = g.Input(\"x\", 32, 7, 7);");

    [Fact]
    public void Output_padding_with_Same_padding_is_reported_at_outputPadding() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.ConvTranspose2d(8, 3, stride: 2, padding: Padding.Same, outputPadding: [|1|]));",
        "DSL0007",
        "ConvTranspose2d 'conv_transpose2d_1': Padding.Same already sizes the output as input x stride; leave outputPadding at 0 or give an explicit padding",
        "var x = g.Input(\"x\", 32, 7, 7);");

    [Fact]
    public void A_transposed_padding_that_leaves_no_output_is_reported_at_padding() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.ConvTranspose2d(8, 1, padding: [|1|]));",
        "DSL0007",
        "ConvTranspose2d 'conv_transpose2d_1': padding 1 leaves no output along spatial axis 1 of [B, 32, 2, 2] ((2 - 1) x 1 - 2 x 1 + 1 = 0); use a smaller padding",
        "var x = g.Input(\"x\", 32, 2, 2);");

    [Fact]
    public void A_padding_tuple_of_the_wrong_length_is_reported_at_padding() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.Conv2d(4, 3, padding: [|(1, 1, 1)|]));",
        "DSL0007",
        "Conv2d 'conv2d_1': padding (1, 1, 1) has 3 amounts but Conv2d has 2 spatial axes; give an int or 2 amounts",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void Conv1d_on_an_image_names_both_layouts_at_the_call() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|Conv1d(4, 3)|]);",
        "DSL0002",
        "Conv1d 'conv1d_1' expects a 3-D input [B, C, L] but got [B, 3, 8, 8]; reshape it to [B, C, L] first with .Reshape(C, L)",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void Conv3d_kernel_larger_than_the_volume_is_reported_at_kernelSize() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.Conv3d(4, [|(3, 3, 3)|]));",
        "DSL0003",
        "Conv3d 'conv3d_1': kernel 3x3x3 does not fit the input [B, 1, 2, 8, 8] (spatial 2x8x8, padding Valid); use Padding.Same, a smaller kernel or remove a downsampling layer before it",
        "var x = g.Input(\"x\", 1, 2, 8, 8);");

    [Fact]
    public void Conv2d_on_features_asks_for_a_reshape() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|Conv2d(32, 3, name: \"layer1\")|]);",
        "DSL0002",
        "Conv2d 'layer1' expects a 4-D input [B, C, H, W] but got [B, 784]; a 2-D [B, F] input needs .Reshape(C, H, W) first",
        "var x = g.Input(\"x\", 784);");

    [Fact]
    public void Kernel_larger_than_the_input_is_reported_at_the_kernel_argument() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.MaxPool2d(2).Conv2d(32, [|3|], name: \"late\"));",
        "DSL0003",
        "Conv2d 'late': kernel 3x3 does not fit the input [B, 16, 2, 2] (spatial 2x2, padding Valid)",
        "var x = g.Input(\"x\", 16, 4, 4);");

    [Fact]
    public void Explicit_padding_can_make_a_kernel_fit() =>
        DefineBody.AssertOutputShape("g.Output(\"y\", x.Conv2d(8, 3, padding: 1));", "[B, 8, 2, 2]", "var x = g.Input(\"x\", 16, 2, 2);");

    [Fact]
    public void Conv2d_with_zero_filters_is_reported_at_outChannels() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.Conv2d([|0|], 3));",
        "DSL0007",
        "Conv2d: 'outChannels' must be at least 1 but is 0",
        "var x = g.Input(\"x\", 3, 8, 8);");

    [Fact]
    public void The_convolution_is_a_registered_module() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Conv2d(4, 3));", "var conv2d_1 = this.conv2d_1.forward(x); // [B, 4, 6, 6]", "var x = g.Input(\"x\", 3, 8, 8);");
}
