using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Data;

/// <summary>
/// An in-memory dataset of named columns: tensors that share their first dimension (the samples). Columns are
/// named after a model's inputs and targets (<c>image</c>, <c>label</c>, <c>isOdd</c>), so every mini-batch
/// feeds <see cref="Dsl.Training.ITrainableModel.Step"/> directly. Columns normally live on the CPU; batches
/// are gathered there and then moved to the training device.
/// </summary>
/// <remarks>
/// The dataset owns its column tensors: it detaches them from any dispose scope and disposes them when it is
/// disposed. Datasets derived with <see cref="Slice"/> or <see cref="Select"/> own their own tensors (views or
/// copies), so disposing one never invalidates another.
/// </remarks>
public sealed class TensorDataset : IDisposable
{
    private readonly Dictionary<string, Tensor> _columns;
    private bool _disposed;

    /// <summary>Creates a dataset over <paramref name="columns"/>, which must all have the same first dimension.</summary>
    /// <exception cref="ArgumentException">No column, a scalar column, or columns with different sample counts.</exception>
    public TensorDataset(IReadOnlyDictionary<string, Tensor> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one column.", nameof(columns));
        }

        long count = -1;
        string? first = null;
        foreach (var (name, tensor) in columns)
        {
            if (tensor is null)
            {
                throw new ArgumentException($"Column '{name}' is null.", nameof(columns));
            }

            if (tensor.dim() == 0)
            {
                throw new ArgumentException(
                    $"Column '{name}' is a scalar; every column needs the samples as its first dimension.", nameof(columns));
            }

            if (count < 0)
            {
                count = tensor.shape[0];
                first = name;
            }
            else if (tensor.shape[0] != count)
            {
                throw new ArgumentException(
                    $"Columns must share their first dimension (the samples): '{first}' has {count} but '{name}' has " +
                    $"{tensor.shape[0]} (shape [{string.Join(", ", tensor.shape)}]).",
                    nameof(columns));
            }
        }

        _columns = columns.ToDictionary(c => c.Key, c => c.Value.DetachFromDisposeScope(), StringComparer.Ordinal);
        Count = checked((int)count);
    }

    /// <summary>The number of samples.</summary>
    public int Count { get; }

    /// <summary>
    /// A dataset of the given columns, skipping those whose tensor is null, each held through its own alias so the
    /// caller keeps (and disposes) the tensors it passed. The generated <c>Model.Dataset(...)</c> methods call it
    /// with the model's declared column names.
    /// </summary>
    /// <exception cref="ArgumentException">No column is given, or the columns do not share their sample count.</exception>
    public static TensorDataset Of(params (string Name, Tensor? Column)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var given = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, column) in columns)
            {
                if (column is not null)
                {
                    given[name] = column.alias();
                }
            }

            return new TensorDataset(given);
        }
        catch
        {
            foreach (var alias in given.Values)
            {
                alias.Dispose();
            }

            throw;
        }
    }

    /// <summary>The columns by name.</summary>
    public IReadOnlyDictionary<string, Tensor> Columns
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _columns;
        }
    }

    /// <summary>The samples <c>[start, start + count)</c>, as views of this dataset's columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the dataset.</exception>
    public TensorDataset Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start + (long)count > Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), $"Slice({start}, {count}) reaches past the end of a dataset of {Count} samples.");
        }

        return Derive(column => column.narrow(0, start, count));
    }

    /// <summary>The first <paramref name="count"/> samples.</summary>
    public TensorDataset Take(int count) => Slice(0, Math.Min(count, Count));

    /// <summary>All samples but the first <paramref name="count"/>.</summary>
    public TensorDataset Skip(int count)
    {
        int skipped = Math.Min(count, Count);
        return Slice(skipped, Count - skipped);
    }

    /// <summary>Splits into the first <paramref name="firstCount"/> samples and the rest (train / validation).</summary>
    public (TensorDataset First, TensorDataset Remainder) Split(int firstCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstCount, Count);
        return (Slice(0, firstCount), Slice(firstCount, Count - firstCount));
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order (copies).</summary>
    public TensorDataset Select(long[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        using var index = IndexTensor(indices);
        return Derive(column => column.index_select(0, index));
    }

    /// <summary>
    /// Gathers the samples at <paramref name="indices"/> into one batch on <paramref name="device"/> (the CPU
    /// when null). The tensors belong to the caller: dispose them, or call this inside a dispose scope.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> GetBatch(long[] indices, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var index = IndexTensor(indices);
        var batch = new Dictionary<string, Tensor>(_columns.Count, StringComparer.Ordinal);
        foreach (var (name, column) in _columns)
        {
            var rows = column.index_select(0, index);
            if (device is null || rows.device == device)
            {
                batch[name] = rows;
            }
            else
            {
                batch[name] = rows.to(device);
                rows.Dispose();
            }
        }

        return batch;
    }

    /// <summary>
    /// The sample indices of each mini-batch, in order: <c>0..Count-1</c>, or a permutation determined by
    /// <paramref name="seed"/> alone when <paramref name="shuffle"/> is set (the same seed gives the same order
    /// on every machine and .NET version). The last batch may be smaller unless <paramref name="dropLast"/>.
    /// </summary>
    public IEnumerable<long[]> BatchIndices(int batchSize, bool shuffle = false, long seed = 0, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long[] order = shuffle ? Permutation(Count, seed) : Enumerable.Range(0, Count).Select(i => (long)i).ToArray();
        for (int start = 0; start < Count; start += batchSize)
        {
            int size = Math.Min(batchSize, Count - start);
            if (size < batchSize && dropLast)
            {
                yield break;
            }

            yield return order.AsSpan(start, size).ToArray();
        }
    }

    /// <summary>The number of batches <see cref="BatchIndices"/> yields.</summary>
    public int BatchCount(int batchSize, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return dropLast ? Count / batchSize : (Count + batchSize - 1) / batchSize;
    }

    /// <summary>
    /// The mini-batches on <paramref name="device"/>: <see cref="BatchIndices"/> gathered by
    /// <see cref="GetBatch"/>. Each batch's tensors belong to the caller (dispose them, or use a dispose scope
    /// inside the loop body).
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, Tensor>> Batches(
        int batchSize, bool shuffle = false, long seed = 0, Device? device = null, bool dropLast = false)
    {
        foreach (var indices in BatchIndices(batchSize, shuffle, seed, dropLast))
        {
            yield return GetBatch(indices, device);
        }
    }

    /// <summary>Disposes every column tensor.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var column in _columns.Values)
        {
            column.Dispose();
        }
    }

    /// <summary>A Fisher-Yates permutation of <c>0..count-1</c> driven by SplitMix64, stable across platforms.</summary>
    private static long[] Permutation(int count, long seed)
    {
        var order = new long[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        ulong state = unchecked((ulong)seed);
        for (int i = count - 1; i > 0; i--)
        {
            ulong next = SplitMix64(ref state);
            int j = (int)(next % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private Tensor IndexTensor(long[] indices)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (long i in indices)
        {
            if (i < 0 || i >= Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(indices), $"Sample index {i} is outside a dataset of {Count} samples.");
            }
        }

        return torch.tensor(indices, ScalarType.Int64);
    }

    private TensorDataset Derive(Func<Tensor, Tensor> select)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var columns = new Dictionary<string, Tensor>(_columns.Count, StringComparer.Ordinal);
        foreach (var (name, column) in _columns)
        {
            columns[name] = select(column);
        }

        return new TensorDataset(columns);
    }
}
