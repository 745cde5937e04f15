using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// x.BatchMean() end to end through the generator: a batch statistic [1, ...] that broadcasts back over the batch, the
/// ops and losses that need samples refusing it (DSL0010), a load-balancing term over it, and its code in every backend.
/// </summary>
public class BatchMeanTests
{
    private const string Flat = "var x = g.Input(\"x\", 8);";

    [Theory]
    [InlineData("g.Output(\"y\", x.BatchMean());", "[1, 8]")]
    [InlineData("g.Output(\"y\", x - x.BatchMean());", "[B, 8]")]
    [InlineData("g.Output(\"y\", x * x.Softmax(-1).BatchMean());", "[B, 8]")]
    [InlineData("g.Output(\"y\", x.BatchMean().Sum(1));", "[1]")]
    public void The_mean_over_the_batch_is_a_batch_of_one(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Flat);

    [Fact]
    public void A_load_balancing_term_is_a_target_free_term_of_the_statistic()
    {
        var run = DefineBody.Run("var p = x.Linear(4).Softmax(-1); g.Output(\"p\", p); var m = p.BatchMean(); g.Minimize(\"balance\", 4 * (m * m).Sum(1), weight: 0.01);", Flat);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains(".mean(new long[] { 0 }, keepdim: true)", run.GeneratedSource("Net"));
        Assert.Contains(".mean(0, keepdim=True)", run.PyTorchSource("Net"));
    }

    [Fact]
    public void A_statistic_against_per_sample_targets_is_reported() =>
        DefineBody.AssertSingle("var m = x.Linear(3).BatchMean(); g.Output(\"m\", x); g.Loss(\"label\", m, Loss.CrossEntropy());", "DSL0010",
            "Loss 'label' needs a prediction per sample to compare with its target column but 'batch_mean_1' is the batch statistic [1, 3] (one value for the whole batch); a batch statistic is a target-free term: g.Minimize(name, statistic)", Flat);

    [Fact]
    public void The_mean_of_a_statistic_is_reported() =>
        DefineBody.AssertSingle("g.Output(\"y\", x.BatchMean().BatchMean());", "DSL0010", "BatchMean 'batch_mean_2' needs a batch of samples [B, ...] to compute over but 'batch_mean_1' is the batch statistic [1, 8]", Flat);

    [Fact]
    public void A_batch_norm_of_a_statistic_is_reported() =>
        DefineBody.AssertSingle("g.Output(\"y\", x.BatchMean().BatchNorm1d());", "DSL0010", "BatchNorm1d", Flat);

    /// <summary>Ops that need one batch across operands (Concat without broadcast) name the statistic in DSL0007.</summary>
    [Fact]
    public void A_concat_with_the_batch_names_the_statistic() =>
        DefineBody.AssertSingle("g.Output(\"y\", Ops.Concat(1, x, x.BatchMean()));", "DSL0007", "operand 2 is the batch statistic [1, 8] (one value for the whole batch) and operand 1 has the batch [B, 8]", Flat);
}
