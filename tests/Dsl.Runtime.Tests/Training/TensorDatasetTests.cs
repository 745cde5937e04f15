using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Data;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Training;

public sealed class TensorDatasetTests
{
    private static TensorDataset Numbers(int count) => new(new Dictionary<string, Tensor>
    {
        ["x"] = arange(count, ScalarType.Float32).reshape(count, 1),
        ["y"] = arange(count, ScalarType.Int64),
    });

    [Fact]
    public void Columns_with_different_sample_counts_are_rejected_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new TensorDataset(new Dictionary<string, Tensor>
        {
            ["image"] = zeros(10, 1, 28, 28),
            ["label"] = zeros(9, ScalarType.Int64),
        }));

        Assert.Contains("'image' has 10 but 'label' has 9", error.Message);
    }

    [Fact]
    public void Batches_cover_every_sample_once_with_a_partial_last_batch_unless_dropped()
    {
        using var data = Numbers(10);

        Assert.Equal(new[] { 4, 4, 2 }, data.BatchIndices(4).Select(b => b.Length));
        Assert.Equal(new[] { 4, 4 }, data.BatchIndices(4, dropLast: true).Select(b => b.Length));
        Assert.Equal(3, data.BatchCount(4));
        Assert.Equal(2, data.BatchCount(4, dropLast: true));

        var shuffled = data.BatchIndices(4, shuffle: true, seed: 5).SelectMany(b => b).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), shuffled.Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), shuffled);
        Assert.Equal(shuffled, data.BatchIndices(4, shuffle: true, seed: 5).SelectMany(b => b));
        Assert.NotEqual(shuffled, data.BatchIndices(4, shuffle: true, seed: 6).SelectMany(b => b));
    }

    [Fact]
    public void A_batch_gathers_the_same_rows_of_every_column()
    {
        using var data = Numbers(10);

        var seen = new List<long>();
        foreach (var batch in data.Batches(3, shuffle: true, seed: 1))
        {
            using var scope = NewDisposeScope();
            foreach (var column in batch.Values)
            {
                scope.Attach(column);
            }

            Assert.True(Weights.Identical(batch["y"].to(ScalarType.Float32), batch["x"].squeeze(1)), "x and y rows differ");
            seen.AddRange(batch["y"].data<long>().ToArray());
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen.Order());
    }

    [Fact]
    public void Slice_split_and_select_pick_the_expected_samples()
    {
        using var data = Numbers(10);
        var (first, rest) = data.Split(7);
        using (first)
        using (rest)
        using (var middle = data.Slice(2, 3))
        using (var picked = data.Select(new long[] { 9, 0, 4 }))
        using (var head = data.Take(20))
        using (var tail = data.Skip(8))
        {
            Assert.Equal((7, 3), (first.Count, rest.Count));
            Assert.Equal(new long[] { 7, 8, 9 }, rest.Columns["y"].data<long>().ToArray());
            Assert.Equal(new long[] { 2, 3, 4 }, middle.Columns["y"].data<long>().ToArray());
            Assert.Equal(new long[] { 9, 0, 4 }, picked.Columns["y"].data<long>().ToArray());
            Assert.Equal(10, head.Count);
            Assert.Equal(new long[] { 8, 9 }, tail.Columns["y"].data<long>().ToArray());
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => data.Slice(8, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Select(new long[] { 10 }));
    }
}
