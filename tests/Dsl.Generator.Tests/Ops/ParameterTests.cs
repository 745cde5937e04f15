using System.Globalization;
using System.Linq;
using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// <c>g.Parameter</c>: a learned tensor [1, dims...] under exactly its state-dict name, counted as parameters, a batch of
/// one that broadcasts against [B, ...] where PyTorch broadcasts and is refused where it would fail at run time.
/// </summary>
public class ParameterTests
{
    [Theory]
    [InlineData("g.Output(\"y\", x + g.Parameter(\"bias\", 1, 8));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x * g.Parameter(\"scale\", 1, 1));", "[B, T, 8]")]
    [InlineData("g.Output(\"y\", x.Mean(1) * g.Parameter(\"temperature\", 1, init: ParameterInit.Ones));", "[B, 8]")]
    [InlineData("g.Output(\"y\", x.Mean(new[] { 1, 2 }) * g.Parameter(\"logit_scale\"));", "[B]")]
    [InlineData("g.Output(\"y\", Ops.MatMul(x, g.Parameter(\"w\", 8, 3, init: ParameterInit.Normal, std: 0.02)));", "[B, T, 3]")]
    [InlineData("g.Output(\"y\", g.Parameter(\"cls_token\", 1, 8).Expand(batchOf: x));", "[B, 1, 8]")]
    [InlineData("g.Output(\"y\", x + g.Parameter(\"p\", 1, 4).Linear(8).Relu());", "[B, T, 8]")]
    public void A_parameter_broadcasts_against_the_batch(string body, string shape) => DefineBody.AssertOutputShape(body, shape);

    [Fact]
    public void A_parameter_of_its_own_keeps_its_batch_of_one()
    {
        var run = DefineBody.Run("g.Output(\"y\", x); g.Output(\"p\", g.Parameter(\"table\", 3, 8).Relu());");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("p: [1, 3, 8] float32", run.GeneratedSource("Net"));
    }

    [Fact]
    public void The_module_registers_the_parameter_under_its_name_and_counts_it()
    {
        var run = DefineBody.Run("""
            var pos = g.Parameter("pos_embedding", 5, 8, init: ParameterInit.Normal, std: 0.02);
            var cls = g.Parameter("cls_token", 1, 8);
            g.Output("y", Ops.Concat(1, cls.Expand(batchOf: x), x) + pos);
            """, "var x = g.Input(\"x\", 4, 8);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string module = run.GeneratedSource("Net");
        Assert.Contains("register_parameter(\"pos_embedding\", pos_embedding);", module);
        Assert.Contains("new global::TorchSharp.Modules.Parameter(global::TorchSharp.torch.randn(new long[] { 1, 5, 8 }).mul_(0.02))", module);
        Assert.Contains("new global::TorchSharp.Modules.Parameter(global::TorchSharp.torch.zeros(new long[] { 1, 1, 8 }))", module);
        Assert.Contains("48 parameters", module); // 5 * 8 + 8, the model's total
        string python = run.PyTorchSource("Net");
        Assert.Contains("self.pos_embedding = nn.Parameter(torch.randn(1, 5, 8) * 0.02)", python);
        Assert.Contains("self.cls_token = nn.Parameter(torch.zeros(1, 1, 8))", python);
        Assert.Contains("expand_1 = cls_token.expand(x.size(0), -1, -1)", python);
        Assert.Contains("concat_1 = torch.cat([expand_1, x], 1)", python);
    }

    [Fact]
    public void DefaultInit_does_not_touch_a_parameter()
    {
        var run = DefineBody.Run("g.DefaultInit(Init.GlorotUniform); g.Output(\"y\", x.Linear(8) + g.Parameter(\"bias\", 1, 8, init: ParameterInit.Ones));");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        string module = run.GeneratedSource("Net");
        Assert.Contains("Initialization.Apply(linear_1, global::Dsl.Init.GlorotUniform);", module);
        Assert.DoesNotContain("Initialization.Apply(bias", module);
        Assert.Contains("torch.ones(new long[] { 1, 1, 8 })", module);
    }

    [Fact]
    public void A_parameter_named_like_a_module_member_goes_into_the_parameters_of_the_pytorch_module()
    {
        var run = DefineBody.Run("g.Output(\"y\", x + g.Parameter(\"eval\", 1, 8));", "var x = g.Input(\"x\", 5, 8);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("register_parameter(\"eval\",", run.GeneratedSource("Net"));
        string python = run.PyTorchSource("Net");
        Assert.Contains("self._parameters[\"eval\"] = nn.Parameter(torch.zeros(1, 1, 8))", python);
        Assert.Contains("= self._parameters[\"eval\"]", python);
    }

    [Fact]
    public void A_parameter_in_a_shared_block_is_one_tensor_for_every_application()
    {
        var run = DefineBody.Run("""
            var shift = g.Block("shift", h => h + g.Parameter("offset", 1, 8));
            g.Output("y", shift.Apply(x) + shift.Apply(x * 2));
            """, "var x = g.Input(\"x\", 5, 8);");

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("8 parameters", run.GeneratedSource("Net"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.PyTorchSource("Net"), @"self\.offset = nn\.Parameter"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(run.PyTorchSource("Net"), @"= self\.offset\b").Count);
    }

    [Theory]
    [InlineData("g.Output(\"y\", Ops.Stack(1, x, g.Parameter(\"p\", 5, 8)));", "DSL0007", "Stack 'stack_1': operand 2 is a batch of one [1, 5, 8] (a g.Parameter, a constant or positions) and operand 1 has the batch [B, 5, 8]; give it the batch first with .Expand(batchOf: x)")]
    [InlineData("g.Output(\"y\", Ops.Concat(1, g.Parameter(\"cls\", 1, 8), x));", "DSL0007", "Concat 'concat_1': operand 1 is a batch of one [1, 1, 8] (a g.Parameter, a constant or positions) and operand 2 has the batch [B, 5, 8]; write Ops.Concat(dim, broadcast: true, ...) or give it the batch with .Expand(batchOf: x)")]
    [InlineData("g.Output(\"y\", x + g.Parameter(\"p\", 8));", "DSL0001", "[B, 5, 8] and [1, 8]")]
    [InlineData("g.Output(\"y\", x + g.Parameter(\"p\", 0, 8));", "DSL0007", "'dim1' must be at least 1")]
    [InlineData("g.Output(\"y\", x + g.Parameter(\"p\", 1, 8, init: ParameterInit.Normal, std: 0));", "DSL0007", "'std' must be positive but is 0")]
    [InlineData("g.Output(\"y\", x + g.Parameter(\"x\", 1, 8));", "DSL0300", "Layer name 'x' is already used by an input")]
    [InlineData("g.Output(\"bias\", x + g.Parameter(\"bias\", 1, 8));", "DSL0301", "'bias' cannot be used as an output name: a g.Parameter has that name, and both would name one value of the ONNX graph; rename the output or the parameter")]
    public void Parameter_mistakes_are_errors_at_the_call(string body, string id, string message) =>
        DefineBody.AssertSingle(body, id, message, "var x = g.Input(\"x\", 5, 8);");

    [Fact]
    public void A_size_below_1_is_reported_at_that_size()
    {
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 5, 8);
                    g.Output("y", x + g.Parameter("p", 5, [|0|]));
                }
            }
            """,
            "DSL0007",
            "Parameter: 'dim2' must be at least 1 but is 0");
    }

    [Fact]
    public void A_batch_of_one_in_an_op_that_needs_one_batch_is_reported_at_that_op()
    {
        DiagnosticAssert.Single(
            """
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 5, 8);
                    var table = g.Parameter("table", 5, 8);
                    g.Output("y", Ops.[|MultiheadAttention(x, table, table, 2)|]);
                }
            }
            """,
            "DSL0007",
            "MultiheadAttention 'attention_1': operand 2 is a batch of one [1, 5, 8] (a g.Parameter, a constant or positions) and operand 1 has the batch [B, 5, 8]; give it the batch first with .Expand(batchOf: x)");
    }
}
