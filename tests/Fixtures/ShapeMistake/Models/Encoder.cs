using Dsl;

namespace ShapeMistake.Models;

/// <summary>A correct model beside the broken one: it must not be reported.</summary>
[Model]
public partial class Encoder
{
    static void Define(Graph g) => g.Output("code", g.Input("x", 784).Linear(32).Relu());
}
