using System.Linq;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Emit;

/// <summary>
/// Emits hand-built analyzed models (as the parser and shape rules would produce them) and compiles the result
/// against TorchSharp 0.107 with the strictest warnings: every TorchSharp call the emitter writes must bind.
/// </summary>
public class ModelEmitterTests
{
    private static readonly PaddingSpec Same = PaddingSpec.Same;

    /// <summary>Seed 000's classifier (the DSL's running example).</summary>
    private static AnalyzedModel DigitClassifier()
    {
        var b = new IrBuilder();
        int image = b.Input("image", 1, 28, 28);
        int x = b.Add(new ConvOp(32, 3, 1, PaddingSpec.Valid, true), new[] { 32, 26, 26 }, new[] { image }, "layer1", 320, padding: PaddingPlan.None);
        x = b.Add(new ActivationOp(ActivationKind.Relu), x, 32, 26, 26);
        x = b.Add(new ConvOp(64, 3, 1, PaddingSpec.Valid, true), new[] { 64, 24, 24 }, new[] { x }, "layer2", 18_496, padding: PaddingPlan.None);
        x = b.Add(new ActivationOp(ActivationKind.Relu), x, 64, 24, 24);
        x = b.Add(new PoolOp(PoolKind.Max, 2, 2, PaddingSpec.Valid), new[] { 64, 12, 12 }, new[] { x }, padding: PaddingPlan.None);
        x = b.Add(new DropoutOp(0.25), x, 64, 12, 12);
        x = b.Add(new FlattenOp(), x, 9216);
        x = b.Add(new LinearOp(128, true), new[] { 128 }, new[] { x }, "layer3", 1_179_776);
        x = b.Add(new ActivationOp(ActivationKind.Relu), x, 128);
        x = b.Add(new DropoutOp(0.5), x, 128);
        x = b.Add(new LinearOp(10, true), new[] { 10 }, new[] { x }, "layer4", 1290);
        b.Output("logits", x);
        return b.Build("Demo", "DigitClassifier");
    }

    private const string DigitClassifierSource = """
        using Dsl;

        namespace Demo;

        /// <summary>Seed 000's classifier.</summary>
        [Model]
        public partial class DigitClassifier
        {
            static void Define(Graph g)
            {
                var image = g.Input("image", 1, 28, 28);
                var logits = image
                    .Conv2d(32, 3, name: "layer1").Relu()
                    .Conv2d(64, 3, name: "layer2").Relu()
                    .MaxPool2d(2).Dropout(0.25)
                    .Flatten()
                    .Linear(128, name: "layer3").Relu().Dropout(0.5)
                    .Linear(10, name: "layer4");
                g.Output("logits", logits);
            }
        }
        """;

    [Fact]
    public void Digit_classifier_compiles_and_registers_layers_in_order()
    {
        string emitted = EmitAssert.CompilesCleanly(DigitClassifier(), DigitClassifierSource);

        EmitAssert.HasLine(emitted, "namespace Demo;");
        EmitAssert.HasLine(emitted, "partial class DigitClassifier : global::TorchSharp.torch.nn.Module<DigitClassifier.Inputs, DigitClassifier.Outputs>");
        EmitAssert.HasLine(emitted, "public sealed record Inputs(global::TorchSharp.torch.Tensor Image);");
        EmitAssert.HasLine(emitted, "private static readonly long[] ImageShape = { -1, 1, 28, 28 };");
        EmitAssert.HasLine(emitted, "layer1 = global::TorchSharp.torch.nn.Conv2d(1, 32, 3, stride: 1, bias: true);");
        EmitAssert.HasLine(emitted, "layer3 = global::TorchSharp.torch.nn.Linear(9216, 128, hasBias: true);");
        EmitAssert.HasLine(emitted,
            "global::Dsl.Checks.TensorCheck.Check(\"DigitClassifier\", \"input\", \"image\", inputs.Image, ImageShape, \"[B, 1, 28, 28]\", global::TorchSharp.torch.ScalarType.Float32, 0);");
        EmitAssert.HasLine(emitted, "var layer1 = this.layer1.forward(image); // [B, 32, 26, 26]");
        EmitAssert.HasLine(emitted, "var max_pool2d_1 = global::TorchSharp.torch.nn.functional.max_pool2d(relu_2, 2, stride: 2); // [B, 64, 12, 12]");
        EmitAssert.HasLine(emitted, "var dropout_1 = global::TorchSharp.torch.nn.functional.dropout(max_pool2d_1, 0.25, this.training); // [B, 64, 12, 12]");
        EmitAssert.HasLine(emitted, "return new Outputs(layer4);");
        EmitAssert.HasLine(emitted, "public Outputs Forward(global::TorchSharp.torch.Tensor image) => forward(new Inputs(image));");
        EmitAssert.HasLine(emitted, "new global::Dsl.Metadata.LayerInfo(\"layer1\", \"Conv2d\", \"[B, 32, 26, 26]\", 320, 0, new string[] { \"image\" }),");
        EmitAssert.HasLine(emitted, "new global::Dsl.Metadata.TensorInfo(\"logits\", \"[B, 10]\", \"float32\") { Node = \"layer4\" },");
        Assert.DoesNotContain("digraph", emitted, System.StringComparison.Ordinal);

        var registrations = emitted.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("register_module(", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "register_module(\"layer1\", layer1);", "register_module(\"layer2\", layer2);", "register_module(\"layer3\", layer3);", "register_module(\"layer4\", layer4);" },
            registrations);
        Assert.DoesNotContain("RegisterComponents", emitted);
    }

    [Fact]
    public void Same_padding_pads_asymmetric_convolutions_and_pools_explicitly()
    {
        var b = new IrBuilder();
        int image = b.Input("image", 3, 32, 32);
        // k 4, stride 1: total 3, so one row / column top-left and two bottom-right.
        int c1 = b.Add(new ConvOp(16, 4, 1, Same, true), new[] { 16, 32, 32 }, new[] { image }, "conv_a", 784, padding: IrBuilder.Pad(1, 2, 1, 2));
        // k 3, stride 2 on 32: total 1, all of it bottom-right.
        int c2 = b.Add(new ConvOp(16, 3, 2, Same, false), new[] { 16, 16, 16 }, new[] { c1 }, "conv_b", 2304, padding: IrBuilder.Pad(0, 1, 0, 1));
        // k 3, stride 1: total 2, symmetric.
        int c3 = b.Add(new ConvOp(8, 3, 1, Same, true), new[] { 8, 16, 16 }, new[] { c2 }, "conv_c", 1160, padding: IrBuilder.Pad(1, 1, 1, 1));
        // Different rows / columns (hand-made plan): the tuple overload.
        int c4 = b.Add(new ConvOp(8, 5, 1, Same, true), new[] { 8, 16, 14 }, new[] { c3 }, "conv_d", 1608, padding: IrBuilder.Pad(2, 2, 1, 1));
        int p1 = b.Add(new PoolOp(PoolKind.Max, 3, 2, Same), new[] { 8, 8, 7 }, new[] { c4 }, padding: IrBuilder.Pad(0, 1, 0, 1));
        int p2 = b.Add(new PoolOp(PoolKind.Avg, 3, 1, Same), new[] { 8, 8, 7 }, new[] { p1 }, padding: IrBuilder.Pad(1, 1, 1, 1));
        int p3 = b.Add(new PoolOp(PoolKind.Max, 4, 1, Same), new[] { 8, 8, 7 }, new[] { p2 }, padding: IrBuilder.Pad(1, 2, 1, 2));
        int p4 = b.Add(new PoolOp(PoolKind.Avg, 2, 1, Same), new[] { 8, 8, 7 }, new[] { p3 }, padding: IrBuilder.Pad(0, 1, 0, 1));
        int p5 = b.Add(new PoolOp(PoolKind.Avg, 4, 1, Same), new[] { 8, 8, 7 }, new[] { p4 }, padding: IrBuilder.Pad(1, 2, 1, 2));
        int p6 = b.Add(new PoolOp(PoolKind.Max, 2, 2, Same), new[] { 8, 4, 4 }, new[] { p5 }, padding: PaddingPlan.None);
        int p7 = b.Add(new PoolOp(PoolKind.Max, 3, 1, Same), new[] { 8, 4, 4 }, new[] { p6 }, padding: IrBuilder.Pad(1, 1, 2, 2));
        b.Output("features", p7);
        var model = b.Build("Demo.Padding", "SamePadded");

        string emitted = EmitAssert.CompilesCleanly(model, """
            namespace Demo.Padding
            {
                /// <summary>Same padding everywhere (a namespace named Padding must not confuse the generated code).</summary>
                [Dsl.Model]
                public partial class SamePadded
                {
                    static void Define(Dsl.Graph g)
                    {
                        var x = g.Input("image", 3, 32, 32).Conv2d(16, 4, padding: Dsl.Padding.Same, name: "conv_a");
                        g.Output("features", x);
                    }
                }
            }
            """);

        const string F = "global::TorchSharp.torch.nn.functional.";
        EmitAssert.HasLine(emitted, "conv_a = global::TorchSharp.torch.nn.Conv2d(3, 16, 4, stride: 1, bias: true);");
        EmitAssert.HasLine(emitted, $"var conv_a = this.conv_a.forward({F}pad(image, new long[] {{ 1, 2, 1, 2 }})); // [B, 16, 32, 32]");
        EmitAssert.HasLine(emitted, $"var conv_b = this.conv_b.forward({F}pad(conv_a, new long[] {{ 0, 1, 0, 1 }})); // [B, 16, 16, 16]");
        EmitAssert.HasLine(emitted, "conv_b = global::TorchSharp.torch.nn.Conv2d(16, 16, 3, stride: 2, bias: false);");
        EmitAssert.HasLine(emitted, "conv_c = global::TorchSharp.torch.nn.Conv2d(16, 8, 3, stride: 1, padding: 1, bias: true);");
        EmitAssert.HasLine(emitted, "conv_d = global::TorchSharp.torch.nn.Conv2d(8, 8, (5, 5), stride: (1, 1), padding: (2, 1), bias: true);");
        EmitAssert.HasLine(emitted, $"var max_pool2d_1 = {F}max_pool2d(conv_d, 3, stride: 2, ceil_mode: true); // [B, 8, 8, 7]");
        EmitAssert.HasLine(emitted, $"var avg_pool2d_1 = {F}avg_pool2d(max_pool2d_1, 3, stride: 1, padding: 1, count_include_pad: false); // [B, 8, 8, 7]");
        EmitAssert.HasLine(emitted, $"var max_pool2d_2 = {F}max_pool2d({F}pad(avg_pool2d_1, new long[] {{ 1, 2, 1, 2 }}, value: double.NegativeInfinity), 4, stride: 1); // [B, 8, 8, 7]");
        EmitAssert.HasLine(emitted, $"var avg_pool2d_2 = {F}avg_pool2d(max_pool2d_2, 2, stride: 1, ceil_mode: true); // [B, 8, 8, 7]");
        EmitAssert.HasLine(emitted,
            $"var avg_pool2d_3 = {F}avg_pool2d({F}pad(avg_pool2d_2, new long[] {{ 1, 2, 1, 2 }}), 4, stride: 1) / " +
            $"{F}avg_pool2d({F}pad(global::TorchSharp.torch.ones_like(avg_pool2d_2), new long[] {{ 1, 2, 1, 2 }}), 4, stride: 1); // [B, 8, 8, 7]");
        EmitAssert.HasLine(emitted, $"var max_pool2d_3 = {F}max_pool2d(avg_pool2d_3, 2, stride: 2); // [B, 8, 4, 4]");
        EmitAssert.HasLine(emitted, $"var max_pool2d_4 = {F}max_pool2d(max_pool2d_3, (3, 3), stride: (1, 1), padding: (1, 2)); // [B, 8, 4, 4]");
    }

    [Fact]
    public void Two_input_model_with_graph_ops_compiles()
    {
        var b = new IrBuilder();
        int left = b.Input("left", 8);
        int right = b.Input("right_side", 8);
        int cat = b.Add(new ConcatOp(1), new[] { 16 }, new[] { left, right });
        int lin = b.Add(new LinearOp(4, false), new[] { 4 }, new[] { cat }, "proj", 64);
        int bn = b.Add(new BatchNormOp(0, 1e-3, 0.01), new[] { 4 }, new[] { lin }, trainable: 8, nonTrainable: 8);
        int dist = b.Add(new EuclideanDistanceOp(), new[] { 1 }, new[] { left, right });
        int score = b.Add(new ScalarOp(BinaryKind.Subtract, 1, ScalarOnLeft: true), dist, 1);
        int cos = b.Add(new CosineSimilarityOp(), new[] { 1 }, new[] { left, right });
        int sum = b.Add(new BinaryOp(BinaryKind.Add), new[] { 1 }, new[] { score, cos });
        int scaled = b.Add(new BinaryOp(BinaryKind.Multiply), new[] { 4 }, new[] { bn, sum });
        int diff = b.Add(new BinaryOp(BinaryKind.Subtract), new[] { 4 }, new[] { scaled, bn });
        int half = b.Add(new ScalarOp(BinaryKind.Multiply, 0.5, ScalarOnLeft: false), diff, 4);
        int shifted = b.Add(new ScalarOp(BinaryKind.Subtract, -2, ScalarOnLeft: false), half, 4);
        int probs = b.Add(new SoftmaxOp(1, Log: false), shifted, 4);
        int logProbs = b.Add(new SoftmaxOp(1, Log: true), shifted, 4);
        int sig = b.Add(new ActivationOp(ActivationKind.Sigmoid), score, 1);
        int tanh = b.Add(new ActivationOp(ActivationKind.Tanh), score, 1);
        b.Output("score", score);
        b.Output("probs", probs);
        b.Output("log_probs", logProbs);
        b.Output("is_odd", sig);
        b.Output("Dispose", tanh);
        var model = b.Build("Demo", "Pair");

        string emitted = EmitAssert.CompilesCleanly(model, """
            using Dsl;

            namespace Demo;

            /// <summary>Two inputs.</summary>
            [Model]
            public partial class Pair
            {
                static void Define(Graph g)
                {
                    var left = g.Input("left", 8);
                    var right = g.Input("right_side", 8);
                    g.Output("score", 1 - Ops.EuclideanDistance(left, right));
                }
            }
            """);

        EmitAssert.HasLine(emitted, "public sealed record Inputs(global::TorchSharp.torch.Tensor Left, global::TorchSharp.torch.Tensor RightSide);");
        EmitAssert.HasLine(emitted,
            "public sealed record Outputs(global::TorchSharp.torch.Tensor Score, global::TorchSharp.torch.Tensor Probs, " +
            "global::TorchSharp.torch.Tensor LogProbs, global::TorchSharp.torch.Tensor IsOdd, global::TorchSharp.torch.Tensor Dispose2) : global::System.IDisposable");
        EmitAssert.HasLine(emitted,
            "long batch = global::Dsl.Checks.TensorCheck.Check(\"Pair\", \"input\", \"left\", inputs.Left, LeftShape, \"[B, 8]\", global::TorchSharp.torch.ScalarType.Float32, 0);");
        EmitAssert.HasLine(emitted,
            "global::Dsl.Checks.TensorCheck.Check(\"Pair\", \"input\", \"right_side\", inputs.RightSide, RightSideShape, \"[B, 8]\", global::TorchSharp.torch.ScalarType.Float32, batch);");
        EmitAssert.HasLine(emitted, "var concat_1 = global::TorchSharp.torch.cat(new[] { left, right_side }, 1); // [B, 16]");
        EmitAssert.HasLine(emitted, "batch_norm_1 = global::TorchSharp.torch.nn.BatchNorm1d(4, eps: 0.001, momentum: 0.01);");
        EmitAssert.HasLine(emitted, "var euclidean_distance_1 = (left - right_side).square().sum(1, keepdim: true).clamp_min(1e-12).sqrt(); // [B, 1]");
        EmitAssert.HasLine(emitted, "var scalar_1 = 1.0 - euclidean_distance_1; // [B, 1]");
        EmitAssert.HasLine(emitted, "var cosine_similarity_1 = global::TorchSharp.torch.nn.functional.cosine_similarity(left, right_side, 1).unsqueeze(1); // [B, 1]");
        EmitAssert.HasLine(emitted, "var scalar_3 = scalar_2 - (-2.0); // [B, 4]");
        EmitAssert.HasLine(emitted, "public Outputs Forward(global::TorchSharp.torch.Tensor left, global::TorchSharp.torch.Tensor right_side) => forward(new Inputs(left, right_side));");
    }

    [Fact]
    public void Image_ops_keywords_and_reserved_names_compile_in_the_global_namespace()
    {
        var b = new IrBuilder();
        int image = b.Input("image", 1, 4, 4);
        int conv = b.Add(new ConvOp(8, 3, 1, new PaddingSpec(PaddingMode.Explicit, 1), true), new[] { 8, 4, 4 }, new[] { image }, "training", 80);
        int bn = b.Add(new BatchNormOp(2, 1e-5, 0.1), new[] { 8, 4, 4 }, new[] { conv }, "class", 16, 16);
        int act = b.Add(new ActivationOp(ActivationKind.LeakyRelu, 0.2), bn, 8, 4, 4);
        int up = b.Add(new UpSample2dOp(2), act, 8, 8, 8);
        int avg = b.Add(new PoolOp(PoolKind.Avg, 2, 2, PaddingSpec.Valid), up, 8, 4, 4);
        int max = b.Add(new PoolOp(PoolKind.Max, 3, 1, new PaddingSpec(PaddingMode.Explicit, 1)), avg, 8, 4, 4);
        int flip = b.Add(new FlipOp(3), max, 8, 4, 4);
        int gap = b.Add(new GlobalPoolOp(), flip, 8);
        int reshaped = b.Add(new ReshapeOp(EquatableArray.Create(2, 4)), gap, 2, 4);
        int flat = b.Add(new FlattenOp(), reshaped, 8);
        b.Output("embedding", flat);
        b.Output("image", image);
        var model = b.Build("", "Imaging");

        string emitted = EmitAssert.CompilesCleanly(model, """
            using Dsl;

            /// <summary>Image ops.</summary>
            [Model]
            public partial class Imaging
            {
                static void Define(Graph g)
                {
                    g.Output("embedding", g.Input("image", 1, 4, 4).UpSample2d(2).GlobalAvgPool2d());
                }
            }
            """);

        const string F = "global::TorchSharp.torch.nn.functional.";
        Assert.DoesNotContain("namespace", emitted);
        // A field may not hide Module.training; the state-dict name stays "training".
        EmitAssert.HasLine(emitted, "private readonly global::TorchSharp.Modules.Conv2d training2;");
        EmitAssert.HasLine(emitted, "register_module(\"training\", training2);");
        EmitAssert.HasLine(emitted, "var training = this.training2.forward(image); // [B, 8, 4, 4]");
        EmitAssert.HasLine(emitted, "@class = global::TorchSharp.torch.nn.BatchNorm2d(8, eps: 1E-05, momentum: 0.1);");
        EmitAssert.HasLine(emitted, "var @class = this.@class.forward(training); // [B, 8, 4, 4]");
        EmitAssert.HasLine(emitted, $"var leaky_relu_1 = {F}leaky_relu(@class, 0.2); // [B, 8, 4, 4]");
        EmitAssert.HasLine(emitted,
            $"var up_sample2d_1 = {F}interpolate(leaky_relu_1, scale_factor: new double[] {{ 2.0, 2.0 }}, mode: global::TorchSharp.torch.InterpolationMode.Nearest); // [B, 8, 8, 8]");
        EmitAssert.HasLine(emitted, $"var max_pool2d_1 = {F}max_pool2d(avg_pool2d_1, 3, stride: 1, padding: 1); // [B, 8, 4, 4]");
        EmitAssert.HasLine(emitted, "var flip_1 = max_pool2d_1.flip(3); // [B, 8, 4, 4]");
        EmitAssert.HasLine(emitted, "var global_avg_pool2d_1 = flip_1.mean(new long[] { 2, 3 }); // [B, 8]");
        EmitAssert.HasLine(emitted, "var reshape_1 = global_avg_pool2d_1.reshape(global_avg_pool2d_1.shape[0], 2, 4); // [B, 2, 4]");
        EmitAssert.HasLine(emitted, "var flatten_1 = reshape_1.flatten(1); // [B, 8]");
        EmitAssert.HasLine(emitted, "new global::Dsl.Metadata.LayerInfo(\"class\", \"BatchNorm2d\", \"[B, 8, 4, 4]\", 16, 16, new string[] { \"training\" }),");
    }

    [Fact]
    public void Symbolic_dimensions_accept_any_size_at_run_time()
    {
        var b = new IrBuilder();
        var tokens = new TensorType(EquatableArray.Create(DimExpr.Sym("T"), DimExpr.Of(64)));
        int x = b.Input("tokens", tokens);
        int y = b.Add(new LinearOp(32, true), new TensorType(EquatableArray.Create(DimExpr.Sym("T"), DimExpr.Of(32))), "proj", 2080, 0, null, x);
        b.Output("features", y);

        string emitted = EmitAssert.CompilesCleanly(b.Build("Demo", "Tokens"), """
            using Dsl;

            namespace Demo;

            /// <summary>A symbolic length.</summary>
            [Model]
            public partial class Tokens
            {
                static void Define(Graph g) => g.Output("features", g.Input("tokens", Dim.Of("T"), 64).Linear(32, name: "proj"));
            }
            """);

        EmitAssert.HasLine(emitted, "private static readonly long[] TokensShape = { -1, -1, 64 };");
        EmitAssert.HasLine(emitted, "proj = global::TorchSharp.torch.nn.Linear(64, 32, hasBias: true);");
        EmitAssert.HasLine(emitted, "/// <param name=\"Features\">features: [B, T, 32] float32</param>");
    }
}
