using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>The seed programs' networks: output shapes and parameter counts equal to what Keras reports.</summary>
public class SeedModelTests
{
    [Fact]
    public void Seed000_classifier_has_the_Keras_parameter_count()
    {
        var b = new SpecBuilder("DigitClassifier");
        int image = b.Input("image", 1, 28, 28);
        int conv1 = b.Conv2d(image, 32, 3, name: "layer1");
        int conv2 = b.Conv2d(b.Relu(conv1), 64, 3, name: "layer2");
        int pool = b.MaxPool2d(b.Relu(conv2), 2);
        int flat = b.Flatten(b.Dropout(pool, 0.25));
        int dense1 = b.Linear(flat, 128, name: "layer3");
        int logits = b.Linear(b.Dropout(b.Relu(dense1), 0.5), 10, name: "layer4");
        b.Output("logits", logits);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, conv1, "[B, 32, 26, 26]");
        AnalysisAssert.Shape(model, conv2, "[B, 64, 24, 24]");
        AnalysisAssert.Shape(model, pool, "[B, 64, 12, 12]");
        AnalysisAssert.Shape(model, flat, "[B, 9216]");
        AnalysisAssert.Shape(model, logits, "[B, 10]");

        // Keras: 320 + 18,496 + 1,179,776 + 1,290.
        Assert.Equal(320, model.Nodes[conv1].TrainableParameters);
        Assert.Equal(18_496, model.Nodes[conv2].TrainableParameters);
        Assert.Equal(1_179_776, model.Nodes[dense1].TrainableParameters);
        Assert.Equal(1_290, model.Nodes[logits].TrainableParameters);
        Assert.Equal(1_199_882, model.Nodes.Sum(n => n.TrainableParameters));
        Assert.Equal(0, model.Nodes.Sum(n => n.NonTrainableParameters));
        Assert.Equal(PaddingPlan.None, model.Nodes[conv1].Padding);
        Assert.True(model.CanEmit);
    }

    [Fact]
    public void Seed004_denoising_autoencoder_reconstructs_28x28_with_Keras_parameter_count()
    {
        var same = PaddingSpec.Same;
        var b = new SpecBuilder("Denoiser");
        int x = b.Input("image", 1, 28, 28);
        x = b.Relu(b.Conv2d(x, 16, 3, padding: same));
        int pool1 = b.MaxPool2d(x, 2, padding: same);
        x = b.Relu(b.Conv2d(pool1, 32, 3, padding: same));
        int pool2 = b.MaxPool2d(x, 2, padding: same);
        x = b.Relu(b.Conv2d(pool2, 64, 3, padding: same));
        int pool3 = b.MaxPool2d(x, 2, padding: same);
        x = b.Relu(b.Conv2d(pool3, 128, 3, padding: same));
        int encoded = b.GlobalAvgPool2d(x);
        x = b.Relu(b.Linear(encoded, 4 * 4 * 32));
        int reshaped = b.Reshape(x, 32, 4, 4);
        x = b.UpSample2d(b.Relu(b.Conv2d(reshaped, 64, 3, padding: same)), 2);
        x = b.UpSample2d(b.Relu(b.Conv2d(x, 32, 3, padding: same)), 2);
        int valid = b.Conv2d(x, 16, 3);
        x = b.UpSample2d(b.Relu(valid), 2);
        int decoded = b.Sigmoid(b.Conv2d(x, 1, 3, padding: same));
        b.Output("denoised", decoded);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, pool1, "[B, 16, 14, 14]");
        AnalysisAssert.Shape(model, pool2, "[B, 32, 7, 7]");
        AnalysisAssert.Shape(model, pool3, "[B, 64, 4, 4]");
        Assert.Equal(new PaddingPlan(0, 1, 0, 1), model.Nodes[pool3].Padding);
        AnalysisAssert.Shape(model, encoded, "[B, 128]");
        AnalysisAssert.Shape(model, reshaped, "[B, 32, 4, 4]");
        AnalysisAssert.Shape(model, valid, "[B, 16, 14, 14]");
        AnalysisAssert.Shape(model, decoded, "[B, 1, 28, 28]");

        // Keras: 160 + 4,640 + 18,496 + 73,856 + 66,048 + 18,496 + 18,464 + 4,624 + 145.
        Assert.Equal(204_929, model.Nodes.Sum(n => n.TrainableParameters));
    }

    [Fact]
    public void Seed004_resnet_stem_pads_two_top_three_bottom()
    {
        var b = new SpecBuilder("ResNet");
        int image = b.Input("image", 3, 128, 128);
        int stem = b.Conv2d(image, 64, 7, stride: 2, padding: PaddingSpec.Same);
        b.Output("features", stem);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, stem, "[B, 64, 64, 64]");
        Assert.Equal(new PaddingPlan(2, 3, 2, 3), model.Nodes[stem].Padding);
        Assert.Equal((64 * 3 * 7 * 7) + 64, model.Nodes[stem].TrainableParameters);
    }

    [Fact]
    public void Seed004_resnet_block_with_projection_shortcut_adds_up()
    {
        var same = PaddingSpec.Same;
        var b = new SpecBuilder("ResNet");
        int x = b.Input("image", 64, 32, 32);
        int y = b.Relu(b.BatchNorm2d(b.Conv2d(x, 128, 3, stride: 2, padding: same)));
        y = b.BatchNorm2d(b.Conv2d(y, 128, 3, padding: same));
        int shortcut = b.Conv2d(x, 128, 1, stride: 2, padding: same);
        int sum = b.Binary(BinaryKind.Add, shortcut, y);
        b.Output("features", b.Relu(sum));

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, sum, "[B, 128, 16, 16]");
        Assert.Equal(new PaddingPlan(0, 0, 0, 0), model.Nodes[shortcut].Padding);
        Assert.Equal(2 * 2 * 128, model.Nodes.Sum(n => n.NonTrainableParameters));
    }

    [Fact]
    public void Seed004_resnet_shortcut_without_projection_is_reported_at_the_plus()
    {
        var same = PaddingSpec.Same;
        var b = new SpecBuilder("ResNet");
        int x = b.Input("image", 64, 32, 32);
        int y = b.Relu(b.Conv2d(x, 128, 3, stride: 2, padding: same));
        y = b.Conv2d(y, 128, 3, padding: same);
        int sum = b.Binary(BinaryKind.Add, x, y);
        int output = b.Relu(sum);
        b.Output("features", output);

        var model = b.Analyze();

        var error = AnalysisAssert.Single(model, "DSL0001", b.Node(sum).Site);
        Assert.Equal(
            "'+' cannot combine [B, 64, 32, 32] and [B, 128, 16, 16]; make the strides agree, " +
            "or project and downsample the shortcut with a strided 1x1 Conv2d to 128 channels (.Conv2d(128, 1, stride: 2))",
            SpecBuilder.Message(error));
        Assert.Null(model.Nodes[sum].Type);
        Assert.Null(model.Nodes[output].Type);
        Assert.False(model.CanEmit);
    }

    [Fact]
    public void Odd_input_with_same_max_pooling_rounds_up_and_pads_bottom_right()
    {
        var b = new SpecBuilder();
        int x = b.Input("x", 8, 7, 7);
        int pool = b.MaxPool2d(x, 2, padding: PaddingSpec.Same);
        b.Output("y", pool);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, pool, "[B, 8, 4, 4]");
        Assert.Equal(new PaddingPlan(0, 1, 0, 1), model.Nodes[pool].Padding);
    }

    [Fact]
    public void Seed003_siamese_distance_is_one_value_per_pair()
    {
        var b = new SpecBuilder("Siamese");
        int left = b.Input("left", 1, 28, 28);
        int right = b.Input("right", 1, 28, 28);
        int l = b.Linear(b.Flatten(left), 128);
        int r = b.Linear(b.Flatten(right), 128);
        int distance = b.EuclideanDistance(l, r);
        int similarity = b.CosineSimilarity(l, r);
        int loss = b.Scalar(BinaryKind.Subtract, 1, similarity);
        b.Output("distance", distance);
        b.Output("loss", loss);

        var model = b.Analyze();

        AnalysisAssert.NoDiagnostics(model);
        AnalysisAssert.Shape(model, distance, "[B, 1]");
        AnalysisAssert.Shape(model, loss, "[B, 1]");
    }
}
