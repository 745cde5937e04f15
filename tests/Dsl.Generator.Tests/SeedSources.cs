namespace Dsl.Generator.Tests;

/// <summary>Declarations of the seed programs' networks, shared by pipeline, snapshot and robustness tests.</summary>
public static class SeedSources
{
    public const string DigitClassifier = """
        using Dsl;

        namespace Seeds;

        /// <summary>Seed 000: the MNIST classifier pretrained as the teacher.</summary>
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

    public const string ResNet = """
        using Dsl;

        namespace Seeds;

        /// <summary>Seed 004: a ResNet built by loops and a helper, with projection shortcuts.</summary>
        [Model]
        public partial class ResNet
        {
            const int NumBlocks = 4;
            const int NumSubBlocks = 2;

            static Node ResidualBlock(Node x, int filters, bool downsample)
            {
                int strides = downsample ? 2 : 1;
                var y = x.Conv2d(filters, 3, stride: strides, padding: Padding.Same).BatchNorm2d().Relu();
                y = y.Conv2d(filters, 3, padding: Padding.Same).BatchNorm2d();
                if (downsample)
                {
                    x = x.Conv2d(filters, 1, stride: 2, padding: Padding.Same);
                }

                return (x + y).Relu();
            }

            static void Define(Graph g)
            {
                int filters = 64;
                var x = g.Input("image", 3, 128, 128)
                    .Conv2d(filters, 7, stride: 2, padding: Padding.Same)
                    .BatchNorm2d()
                    .Relu();
                for (int i = 0; i < NumBlocks; i++)
                {
                    for (int j = 0; j < NumSubBlocks; j++)
                    {
                        bool isFirstLayerButNotFirstBlock = j == 0 && i > 0;
                        x = ResidualBlock(x, filters, isFirstLayerButNotFirstBlock);
                    }

                    filters *= 2;
                }

                g.Output("probabilities", x.GlobalAvgPool2d().Linear(2).Softmax());
            }
        }
        """;

    public const string Unrelated = """
        namespace Seeds;

        public static class Helpers
        {
            public static int Answer() => 42;
        }
        """;
}
