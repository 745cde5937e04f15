using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>Linear(outFeatures) over the last axis: features or a sequence of them, float values only, an image asks for a flatten, and the TorchSharp module.</summary>
public class LinearTests
{
    [Theory]
    [InlineData("g.Output(\"y\", g.Input(\"signal\", 3, 50).Linear(2)); g.Output(\"x\", x);", "[B, 3, 2]")]
    public void Linear_maps_the_last_axis(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Theory]
    [InlineData("g.Output(\"y\", x.Linear(4)); g.Output(\"t\", tokens.Embedding(2, 2));", "[B, T, 4]")]
    public void Linear_maps_every_step_of_a_sequence(string body, string shape) => DefineBody.AssertOutputShape(body, shape, DefineBody.TokensAndSequence);

    [Theory]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 8, 8).Conv2d(4, 3).Relu().Linear(2)); g.Output(\"x\", x);", "DSL0002", "Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 4, 6, 6]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1)")]
    public void Channels_first_features_ask_for_a_flatten_or_a_permute(string body, string id, string message) => DefineBody.AssertSingle(body, id, message);

    [Theory]
    [InlineData("g.Output(\"y\", tokens.Linear(4)); g.Output(\"o\", x);", "DSL0009", "Linear 'linear_1' expects float32 values but got [B, T] int64 (indices); embed the indices first with .Embedding(numEmbeddings, embeddingDim), or declare the input as float32 if it holds values")]
    [InlineData("g.Output(\"y\", g.Input(\"image\", 3, 8, 8).MaxPool2d(2).Linear(4)); g.Output(\"o\", x); g.Output(\"t\", tokens.Embedding(2, 2));", "DSL0002", "Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 3, 4, 4]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1) to apply it at every position")]
    public void Token_ids_and_images_are_reported_with_the_fix(string body, string id, string message) => DefineBody.AssertSingle(body, id, message, DefineBody.TokensAndSequence);

    [Fact]
    public void Linear_on_an_image_asks_for_a_flatten() => DefineBody.AssertSingleAt(
        "g.Output(\"y\", x.[|Linear(10, name: \"head\")|]);",
        "DSL0002",
        "Linear 'head' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 1, 28, 28]; add .Flatten() before it, or move the channels last with .Permute(0, 2, 3, 1) to apply it at every position",
        "var x = g.Input(\"x\", 1, 28, 28);");

    [Fact]
    public void The_layer_is_a_registered_module() =>
        DefineBody.AssertEmits("g.Output(\"y\", x.Linear(4));", "var linear_1 = this.linear_1.forward(x); // [B, 4]", "var x = g.Input(\"x\", 10);");
}
