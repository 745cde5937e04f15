using System.Globalization;

namespace Dsl.Generator.Tests.Diagnostics;

/// <summary>
/// The DSL0001 messages a porting trial found weak, pinned word for word: a MatMul missing a transpose names the
/// transpose and its result (not "the same shape" of two equal shapes), a sequence-length mismatch is not told to
/// add a Linear (which changes only the last axis), and spatial sizes no stride maps onto each other get the cause
/// that fits them (rounding, unpadded kernels) instead of stride advice.
/// </summary>
public class ShapeMessageTests
{
    [Theory]
    [InlineData(
        "var q = g.Input(\"q\", 50, 64); g.Output(\"y\", Ops.MatMul(q, q));",
        "'MatMul' cannot combine [B, 50, 64] and [B, 50, 64]; the last size of the first (64) must equal the second-to-last of the second (50); both end in 64, so the second holds rows: multiply by its transpose, Ops.MatMul(first, second.Transpose(-2, -1)), which gives [B, 50, 50]")]
    [InlineData(
        "g.Output(\"y\", Ops.MatMul(g.Input(\"a\", 64, 50), g.Input(\"b\", 64, 10)));",
        "'MatMul' cannot combine [B, 64, 50] and [B, 64, 10]; the last size of the first (50) must equal the second-to-last of the second (64); both have 64 rows, so transpose the first: Ops.MatMul(first.Transpose(-2, -1), second) gives [B, 50, 10]")]
    [InlineData(
        "g.Output(\"y\", Ops.MatMul(g.Input(\"a\", 5, 6), g.Input(\"b\", 7, 8)));",
        "'MatMul' cannot combine [B, 5, 6] and [B, 7, 8]; the last size of the first (6) must equal the second-to-last of the second (7); no transpose makes them meet: project the first's last axis with .Linear(7)")]
    [InlineData(
        "g.Output(\"y\", g.Input(\"a\", 50, 512) + g.Input(\"b\", 60, 512));",
        "'+' cannot combine [B, 50, 512] and [B, 60, 512]; axis 1 differs (50 vs 60) and a Linear changes only the last axis; make the lengths agree where the operands are made, or cut the longer one with .Slice(1, 0, 50)")]
    [InlineData(
        "g.Output(\"y\", g.Input(\"a\", 50, 256) + g.Input(\"b\", 50, 512));",
        "'+' cannot combine [B, 50, 256] and [B, 50, 512]; project one operand to the other's size, e.g. .Linear(512) on the left")]
    [InlineData(
        "var x = g.Input(\"image\", 8, 29, 29); g.Output(\"y\", x.MaxPool2d(2) + x.Conv2d(8, 3, stride: 2, padding: Padding.Same));",
        "'+' cannot combine [B, 8, 14, 14] and [B, 8, 15, 15]; the sizes 14x14 and 15x15 are one apart, which no stride gives: one branch rounded an odd size down (pooling, an unpadded stride) and the other up (a strided Conv2d with Padding.Same); make the size before the downsampling even, or downsample both branches the same way")]
    [InlineData(
        "var x = g.Input(\"image\", 16, 28, 28); g.Output(\"y\", x + x.Conv2d(32, 3).Relu());",
        "'+' cannot combine [B, 16, 28, 28] and [B, 32, 26, 26]; the sizes 28x28 and 26x26 are 2 apart, which no stride gives: unpadded kernels shrank the smaller branch (a k x k kernel takes k - 1); give its convolutions or pooling padding: Padding.Same, and project the shortcut to 32 channels with .Conv2d(32, 1)")]
    public void Incompatible_shapes_say_what_fits_them(string body, string message)
    {
        var diagnostic = Assert.Single(DefineBody.Run(body, inputs: "").Diagnostics);

        Assert.Equal("DSL0001", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
