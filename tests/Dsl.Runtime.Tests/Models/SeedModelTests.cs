using System;
using System.Linq;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Models;

/// <summary>
/// The seed programs' networks, declared in the DSL and generated at compile time: their parameter counts
/// equal what Keras reports for the seed code, the generated modules own exactly those parameters, and a
/// forward pass on random input returns the declared output shapes.
/// </summary>
public class SeedModelTests
{
    [Theory]
    [InlineData(typeof(DigitClassifier), 1_199_882L, 0L)]
    [InlineData(typeof(MultitaskNet), 3_445_323L, 0L)]
    [InlineData(typeof(OddOnlyMlp), 50_890L, 0L)]
    [InlineData(typeof(SiameseTower), 191_618L, 0L)]
    [InlineData(typeof(ResNet), 11_180_546L, 7_808L)]
    [InlineData(typeof(DenoisingAutoencoder), 204_929L, 0L)]
    public void Generated_parameter_counts_match_keras_and_the_module(Type model, long trainable, long nonTrainable)
    {
        var info = (Dsl.Metadata.ModelInfo)model.GetProperty("Info")!.GetValue(null)!;
        Assert.Equal(trainable, info.TrainableParameters);
        Assert.Equal(nonTrainable, info.NonTrainableParameters);

        using var module = (nn.Module)Activator.CreateInstance(model, model.Name)!;
        Assert.Equal(trainable, module.parameters().Sum(p => p.numel()));
        long countedBuffers = module.named_buffers().Where(b => !b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Sum(b => b.buffer.numel());
        Assert.Equal(nonTrainable, countedBuffers);
    }

    [Fact]
    public void DigitClassifier_forward_returns_logits_of_the_declared_shape_and_names_its_state_like_pytorch()
    {
        torch.manual_seed(1);
        using var model = new DigitClassifier();
        model.eval();
        using var image = torch.rand(4, 1, 28, 28);
        using var outputs = model.Forward(image);
        Assert.Equal(new long[] { 4, 10 }, outputs.Logits.shape);
        Assert.Equal(
            new[] { "layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias", "layer3.weight", "layer3.bias", "layer4.weight", "layer4.bias" },
            model.state_dict().Keys);
    }

    [Fact]
    public void MultitaskNet_returns_both_heads()
    {
        using var model = new MultitaskNet();
        model.eval();
        using var outputs = model.Forward(torch.rand(3, 1, 28, 28));
        Assert.Equal(new long[] { 3, 10 }, outputs.Classification.shape);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, outputs.Autoencoder.shape);
        Assert.True(outputs.Autoencoder.min().item<float>() >= 0f && outputs.Autoencoder.max().item<float>() <= 1f);
    }

    [Fact]
    public void OddOnlyMlp_SiameseTower_DenoisingAutoencoder_and_ResNet_return_declared_shapes()
    {
        using (var mlp = new OddOnlyMlp())
        using (var o = mlp.Forward(torch.rand(5, 28, 28)))
        {
            Assert.Equal(new long[] { 5, 10 }, o.Logits.shape);
        }

        using (var tower = new SiameseTower())
        using (var o = tower.Forward(torch.rand(2, 1, 56, 46)))
        {
            Assert.Equal(new long[] { 2, 50 }, o.Embedding.shape);
        }

        using (var autoencoder = new DenoisingAutoencoder())
        using (var o = autoencoder.Forward(torch.rand(2, 1, 28, 28)))
        {
            Assert.Equal(new long[] { 2, 1, 28, 28 }, o.Denoised.shape);
        }

        using (var resnet = new ResNet())
        {
            resnet.eval();
            using var o = resnet.Forward(torch.rand(2, 3, 128, 128));
            Assert.Equal(new long[] { 2, 2 }, o.Logits.shape);
        }
    }

    [Fact]
    public void A_wrong_input_shape_throws_naming_model_input_and_both_shapes()
    {
        using var model = new DigitClassifier();
        using var wrong = torch.rand(8, 28, 28);
        var error = Assert.Throws<ArgumentException>(() => model.Forward(wrong));
        Assert.StartsWith("DigitClassifier: input 'image' expects shape [B, 1, 28, 28] (float32) but got [8, 28, 28] (float32).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_dtype_throws_naming_both_dtypes()
    {
        using var model = new OddOnlyMlp();
        using var wrong = torch.zeros(new long[] { 2, 28, 28 }, dtype: ScalarType.Float64);
        var error = Assert.Throws<ArgumentException>(() => model.Forward(wrong));
        Assert.StartsWith("OddOnlyMlp: input 'image' expects shape [B, 28, 28] (float32) but got [2, 28, 28] (float64).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_lists_layers_in_order_with_shapes_and_each_output_with_its_layer()
    {
        var info = DigitClassifier.Info;
        Assert.Equal("DigitClassifier", info.Name);
        Assert.Equal("image", info.Layers[0].Name);
        var layer2 = info.Layers.Single(l => l.Name == "layer2");
        Assert.Equal(("Conv2d", "[B, 64, 24, 24]", 18_496L), (layer2.Kind, layer2.OutputShape, layer2.TrainableParameters));
        Assert.Equal("[B, 9216]", info.Layers.Single(l => l.Kind == "Flatten").OutputShape);
        Assert.Equal(new Dsl.Metadata.TensorInfo("logits", "[B, 10]", "float32") { Node = "layer4" }, Assert.Single(info.Outputs));
    }
}
