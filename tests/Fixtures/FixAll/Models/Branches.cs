using Dsl;

namespace FixAll.Models;

[Model]
public partial class Unrelated
{
    // DSL0001 without a fix: two unrelated inputs are added; nothing is guessed, and the others are still fixed
    static void Define(Graph g) => g.Output("y", g.Input("a", 32, 14, 14) + g.Input("b", 16, 14, 14));
}

[Model]
public partial class Residual
{
    static void Define(Graph g)
    {
        var x = g.Input("image", 16, 28, 28);
        // DSL0001: the unpadded convolution shrinks the branch; fix: padding: Padding.Same
        g.Output("y", x + x.Conv2d(16, 3).Relu());
    }
}

[Model]
public partial class Downsample
{
    static void Define(Graph g)
    {
        var x = g.Input("image", 32, 28, 28);
        var y = x.Conv2d(64, 3, stride: 2, padding: Padding.Same);
        // DSL0001: channels and size differ; fix: project the shortcut with .Conv2d(64, 1, stride: 2)
        g.Output("y", x + y);
    }
}

[Model]
public partial class Skip
{
    static void Define(Graph g)
    {
        var x = g.Input("image", 8, 32, 32);
        // DSL0005: the skip's convolution shrinks it; fix: padding: Padding.Same
        g.Output("y", Ops.Concat(1, x, x.Conv2d(8, 3).Relu()));
    }
}

[Model]
public partial class TwoMistakes
{
    // DSL0002 twice in one chain, the second hidden until the first is fixed: BatchNorm2d, then .Flatten()
    static void Define(Graph g) => g.Output("logits", g.Input("image", 1, 28, 28).Conv2d(8, 3).BatchNorm1d().Relu().Linear(10));
}
