namespace Dsl.Generator.Tests.Emit;

/// <summary>The generated <c>Columns</c> and <c>Dataset</c> compile whatever the declared names are.</summary>
public class TypedDataTests
{
    [Fact]
    public void Names_that_clash_with_the_generated_members_still_compile()
    {
        var run = GeneratorHarness.Run("""
            using Dsl;
            [Model]
            public partial class Net
            {
                static void Define(Graph g)
                {
                    var columns = g.Input("Columns", 4);
                    var dataset = g.Input("Dataset", 4);
                    var y = Ops.Concat(1, columns, dataset).Linear(3, name: "OutputsByName");
                    g.Output("Equals", y);
                    g.Loss("ToString", y, Loss.CrossEntropy());
                }
            }

            public static class Use
            {
                public static Dsl.Data.TensorDataset Build(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b) =>
                    Net.Dataset(a, b);

                public static string[] Names() => new[] { Net.Columns.Columns2, Net.Columns.Dataset, Net.Columns.Equals2, Net.Columns.ToString2 };
            }
            """);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Empty(run.OutputDiagnostics);
        Assert.Contains("public const string Columns2 = \"Columns\";", run.GeneratedSource("Net"));
    }
}
