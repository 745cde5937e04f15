using Dsl.Generator.Tests.Diagnostics;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// Ops.BatchSimilarity end to end through the generator: [B, F] x [B, F] to [B, B] (the batch size in a later axis, a
/// batch-level result), its shape and batch checks, what per-sample ops do with a [B, B] tensor, the reserved symbol B,
/// and its code in every backend.
/// </summary>
public class BatchSimilarityTests
{
    private const string Pair = "var a = g.Input(\"a\", 8); var b = g.Input(\"b\", 8);";

    [Theory]
    [InlineData("g.Output(\"y\", Ops.BatchSimilarity(a, b));", "[B, B]")]
    [InlineData("g.Output(\"y\", Ops.BatchSimilarity(a.Normalize(), b.Normalize()) * g.Parameter(\"logit_scale\", 1).Exp());", "[B, B]")]
    [InlineData("g.Output(\"y\", Ops.BatchSimilarity(a, b).Softmax(-1));", "[B, B]")]
    [InlineData("g.Output(\"y\", Ops.BatchSimilarity(a, b).Transpose(0, 1));", "[B, B]")]
    [InlineData("g.Output(\"y\", Ops.Concat(1, Ops.BatchSimilarity(a, b), a));", "[B, B + 8]")]
    public void The_batch_size_is_a_dim_of_the_second_axis(string body, string shape) => DefineBody.AssertOutputShape(body, shape, Pair);

    [Fact]
    public void Embeddings_of_different_sizes_are_reported() =>
        DefineBody.AssertSingle("g.Output(\"y\", Ops.BatchSimilarity(a, b.Linear(4)));", "DSL0001",
            "'BatchSimilarity' cannot combine [B, 8] and [B, 4]; both batches need embeddings of one size", Pair);

    [Fact]
    public void A_sequence_is_reported_with_its_rank() =>
        DefineBody.AssertSingle("g.Output(\"y\", Ops.BatchSimilarity(x, x));", "DSL0002", "BatchSimilarity 'batch_similarity_1' expects two batches of embeddings [B, F] but got [B, T, 8]");

    /// <summary>A parameter, a constant or a batch statistic has no samples to compare: DSL0010 names it.</summary>
    [Fact]
    public void A_batch_of_one_has_no_samples_to_compare() =>
        DefineBody.AssertSingle("g.Output(\"y\", Ops.BatchSimilarity(a, b.BatchMean()));", "DSL0010",
            "BatchSimilarity 'batch_similarity_1' needs a batch of samples [B, ...] to compute over but 'batch_mean_1' is the batch statistic [1, 8] (one value for the whole batch)", Pair);

    /// <summary>A per-sample op whose weights would depend on the batch size cannot be built: the size is not known until run time.</summary>
    [Fact]
    public void A_linear_over_the_columns_needs_a_size_the_batch_does_not_have() =>
        Assert.Contains("DSL0006", DefineBody.Run("g.Output(\"y\", Ops.BatchSimilarity(a, b).Linear(4));", Pair).DslDiagnostics);

    /// <summary>Only an axis of the batch size may trade places with the batch: a feature axis may not.</summary>
    [Fact]
    public void The_batch_swaps_only_with_an_axis_of_the_batch_size() =>
        DefineBody.AssertSingle("g.Output(\"y\", a.Transpose(0, 1));", "DSL0007", "dim0 0 is out of range for [B, 8]; use 1 or -1 (dim 0 is the batch)", "var a = g.Input(\"a\", 8);");

    [Fact]
    public void B_is_reserved_for_the_batch() =>
        Assert.Contains("'B' cannot be used as a symbolic dimension name: \"B\" is the batch size", DefineBody.Run("g.Output(\"y\", g.Input(\"z\", Dim.Of(\"B\"), 4));", Pair).DslDiagnostics);

    [Fact]
    public void The_similarity_is_emitted_for_every_backend()
    {
        var run = DefineBody.Run("g.Output(\"y\", Ops.BatchSimilarity(a, b));", Pair);

        Assert.True(run.Diagnostics.IsEmpty, run.DslDiagnostics);
        Assert.Contains("a.matmul(b.t())", run.GeneratedSource("Net"));
        Assert.Contains("a @ b.t()", run.PyTorchSource("Net"));
    }

    /// <summary>It is a similarity: the distance-based contrastive loss refuses it (DSL0210), as it refuses a cosine similarity.</summary>
    [Fact]
    public void A_distance_loss_refuses_it() =>
        Assert.Contains("DSL0210", DefineBody.Run("var s = Ops.BatchSimilarity(a, b); g.Output(\"s\", s); g.Loss(\"same\", s, Loss.Contrastive());", Pair).DslDiagnostics);
}
