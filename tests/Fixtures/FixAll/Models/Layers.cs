using Dsl;

namespace FixAll.Models;

// Each model has one mistake a code fix repairs; the comment names the diagnostic and the fix.

[Model]
public partial class Head
{
    // DSL0002: Linear on a feature map; fix: insert .Flatten()
    static void Define(Graph g) => g.Output("logits", g.Input("image", 1, 28, 28).Conv2d(8, 3).Relu().Linear(10));
}

[Model]
public partial class Norm
{
    // DSL0002: BatchNorm2d on [B, F]; fix: BatchNorm1d
    static void Define(Graph g) => g.Output("y", g.Input("x", 16).BatchNorm2d());
}

// DSL0100: not partial; fix: partial
[Model]
public sealed class Sealed
{
    static void Define(Graph g) => g.Output("y", g.Input("x", 4).Linear(2));
}

// DSL0101: no Define; fix: an empty Define (whose next step, declaring an output, is DSL0200)
[Model]
public partial class Empty
{
}
