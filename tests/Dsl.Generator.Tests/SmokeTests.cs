namespace Dsl.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void Generator_runs_on_a_model()
    {
        var run = GeneratorHarness.Run("using Dsl; [Model] public partial class M { static void Define(Graph g) { } }");
        Assert.NotNull(run.Output);
    }
}
