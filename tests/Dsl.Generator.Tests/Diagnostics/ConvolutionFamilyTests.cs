namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// The convolution family (Conv1d/2d/3d with per-axis sizes, ConvTranspose1d/2d, 1-D and global pooling, adaptive
/// pooling, bilinear upsampling, zero padding and cropping, group / instance / 3-D batch norm, channel dropout):
/// PyTorch's shapes and parameter counts, generated code that compiles without a warning, and each mistake
/// reported at the argument or call with the shapes involved.
/// </summary>
public class ConvolutionFamilyTests
{
    private static string Model(string input, string call) => $$"""
        using Dsl;
        [Model]
        public partial class Net
        {
            static void Define(Graph g) => g.Output("y", g.Input("x", {{input}}).{{call}});
        }
        """;

    [Theory]
    // Expected: the last layer's output shape, trainable and non-trainable parameters (PyTorch's counts).
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
    [InlineData("2, 8, 16, 16", "BatchNorm3d()", "\"[B, 2, 8, 16, 16]\", 4, 4")]
    [InlineData("4, 100", "MaxPool1d(2)", "\"[B, 4, 50]\", 0, 0")]
    [InlineData("4, 100", "AvgPool1d(3, stride: 1, padding: 1)", "\"[B, 4, 100]\", 0, 0")]
    [InlineData("4, 100", "MaxPool1d(3, stride: 2, padding: Padding.Same)", "\"[B, 4, 50]\", 0, 0")]
    [InlineData("32, 28, 28", "MaxPool2d((2, 1))", "\"[B, 32, 14, 28]\", 0, 0")]
    [InlineData("32, 28, 28", "AvgPool2d((3, 1), stride: (1, 1), padding: (1, 0))", "\"[B, 32, 28, 28]\", 0, 0")]
    [InlineData("32, 28, 28", "GlobalMaxPool2d()", "\"[B, 32]\", 0, 0")]
    [InlineData("4, 100", "GlobalAvgPool1d()", "\"[B, 4]\", 0, 0")]
    [InlineData("4, 100", "GlobalMaxPool1d()", "\"[B, 4]\", 0, 0")]
    [InlineData("32, 28, 28", "AdaptiveAvgPool2d(7)", "\"[B, 32, 7, 7]\", 0, 0")]
    [InlineData("32, 28, 28", "AdaptiveAvgPool2d(1, 4)", "\"[B, 32, 1, 4]\", 0, 0")]
    [InlineData("32, 28, 28", "UpSample2d(2, mode: UpSampleMode.Bilinear)", "\"[B, 32, 56, 56]\", 0, 0")]
    [InlineData("32, 28, 28", "ZeroPad2d((1, 2, 3, 4))", "\"[B, 32, 31, 35]\", 0, 0")]
    [InlineData("32, 28, 28", "Cropping2d(2)", "\"[B, 32, 24, 24]\", 0, 0")]
    [InlineData("32, 28, 28", "GroupNorm(4)", "\"[B, 32, 28, 28]\", 64, 0")]
    [InlineData("32, 28, 28", "InstanceNorm2d()", "\"[B, 32, 28, 28]\", 0, 0")]
    [InlineData("32, 28, 28", "InstanceNorm2d(affine: true)", "\"[B, 32, 28, 28]\", 64, 0")]
    [InlineData("4, 100", "Dropout1d(0.2)", "\"[B, 4, 100]\", 0, 0")]
    [InlineData("32, 28, 28", "Dropout2d(0.1)", "\"[B, 32, 28, 28]\", 0, 0")]
    // Symbolic sizes: a transposed convolution multiplies by its stride (2T; after a strided Conv1d, 2 floor((T - 1) / 2) + 1),
    // padding and cropping add.
    [InlineData("4, Dim.Of(\"T\")", "ConvTranspose1d(2, 4, stride: 2, padding: 1)", "\"[B, 2, 2*T]\", 34, 0")]
    [InlineData("3, Dim.Of(\"H\"), 8", "ZeroPad2d(1).Cropping2d((0, 1, 2, 3))", "\"[B, 3, H + 1, 5]\", 0, 0")]
    [InlineData("4, Dim.Of(\"T\")", "Conv1d(8, 3, stride: 2).ConvTranspose1d(4, 3, stride: 2)", "\"[B, 4, 2*((T + 1) / 2) - 1]\", 100, 0")]
    public void Shapes_and_parameters_are_PyTorch_s_and_the_code_compiles(string input, string call, string layer) =>
        DefineBody.AssertLastLayer($"g.Output(\"y\", x.{call});", layer, $"var x = g.Input(\"x\", {input});");

    [Fact]
    public void An_output_padding_not_below_the_stride_or_dilation_is_reported_at_outputPadding() => DiagnosticAssert.Single(
        Model("32, 7, 7", "ConvTranspose2d(8, 3, stride: 2, outputPadding: [|2|])"),
        "DSL0007",
        "ConvTranspose2d 'conv_transpose2d_1': outputPadding 2 must be smaller than the stride (2) or the dilation (1), as PyTorch requires; a larger output needs a larger stride or kernel");

    [Fact]
    public void Output_padding_with_Same_padding_is_reported_at_outputPadding() => DiagnosticAssert.Single(
        Model("32, 7, 7", "ConvTranspose2d(8, 3, stride: 2, padding: Padding.Same, outputPadding: [|1|])"),
        "DSL0007",
        "ConvTranspose2d 'conv_transpose2d_1': Padding.Same already sizes the output as input x stride; leave outputPadding at 0 or give an explicit padding");

    [Fact]
    public void A_transposed_padding_that_leaves_no_output_is_reported_at_padding() => DiagnosticAssert.Single(
        Model("32, 2, 2", "ConvTranspose2d(8, 1, padding: [|1|])"),
        "DSL0007",
        "ConvTranspose2d 'conv_transpose2d_1': padding 1 leaves no output along spatial axis 1 of [B, 32, 2, 2] ((2 - 1) x 1 - 2 x 1 + 1 = 0); use a smaller padding");

    [Fact]
    public void Groups_that_do_not_divide_the_channels_of_GroupNorm_are_reported_at_groups() => DiagnosticAssert.Single(
        Model("32, 8, 8", "GroupNorm([|5|])"),
        "DSL0007",
        "GroupNorm 'group_norm_1': groups 5 must divide the channels of [B, 32, 8, 8] (32); use a divisor of 32");

    [Fact]
    public void Cropping_more_than_the_image_is_reported_at_cropping() => DiagnosticAssert.Single(
        Model("3, 8, 8", "Cropping2d([|(4, 4, 0, 0)|])"),
        "DSL0007",
        "Cropping2d 'cropping2d_1': cropping (top 4, bottom 4, left 0, right 0) of [B, 3, 8, 8] leaves [B, 3, 0, 8]; crop less than the height and width");

    [Fact]
    public void Negative_padding_is_reported_at_the_argument() => DiagnosticAssert.Single(
        Model("3, 8, 8", "ZeroPad2d([|(1, -1, 0, 0)|])"),
        "DSL0007",
        "ZeroPad2d: 'padding' must hold integers of at least 0 but is (1, -1, 0, 0)");

    [Fact]
    public void A_padding_tuple_of_the_wrong_length_is_reported_at_padding() => DiagnosticAssert.Single(
        Model("3, 8, 8", "Conv2d(4, 3, padding: [|(1, 1, 1)|])"),
        "DSL0007",
        "Conv2d 'conv2d_1': padding (1, 1, 1) has 3 amounts but Conv2d has 2 spatial axes; give an int or 2 amounts");

    [Fact]
    public void Conv1d_on_an_image_names_both_layouts_at_the_call() => DiagnosticAssert.Single(
        Model("3, 8, 8", "[|Conv1d(4, 3)|]"),
        "DSL0002",
        "Conv1d 'conv1d_1' expects a 3-D input [B, C, L] but got [B, 3, 8, 8]; reshape it to [B, C, L] first with .Reshape(C, L)");

    [Fact]
    public void Conv3d_kernel_larger_than_the_volume_is_reported_at_kernelSize() => DiagnosticAssert.Single(
        Model("1, 2, 8, 8", "Conv3d(4, [|(3, 3, 3)|])"),
        "DSL0003",
        "Conv3d 'conv3d_1': kernel 3x3x3 does not fit the input [B, 1, 2, 8, 8] (spatial 2x8x8, padding Valid); use Padding.Same, a smaller kernel or remove a downsampling layer before it");
}
