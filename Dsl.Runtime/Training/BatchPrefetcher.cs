using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Dsl.Data;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// Gathers the batches of one epoch in order, each on a background task while the one before it trains: at most one
/// batch ahead, so at most two batches exist at a time. The batches are the ones <see cref="TensorDataset.GetBatch"/>
/// gives on the training thread (same rows, same order), so results do not depend on it. An exception of the data side
/// is rethrown on the training thread, unwrapped, by <see cref="Take"/>. Disposing waits for the batch in flight and
/// disposes it, so stopping early (cancellation, an exception) leaks no tensor.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly Func<long[], IReadOnlyDictionary<string, Tensor>> _gather;
    private readonly IReadOnlyList<long[]> _batches;
    private Task<IReadOnlyDictionary<string, Tensor>>? _next;
    private int _nextPosition = -1;

    public BatchPrefetcher(TensorDataset data, IReadOnlyList<long[]> batches, Device device)
        : this(indices => data.GetBatch(indices, device), batches)
    {
    }

    /// <summary>Prefetches what <paramref name="gather"/> makes of each of <paramref name="batches"/>.</summary>
    internal BatchPrefetcher(Func<long[], IReadOnlyDictionary<string, Tensor>> gather, IReadOnlyList<long[]> batches)
    {
        _gather = gather;
        _batches = batches;
    }

    /// <summary>
    /// Batch <paramref name="position"/> (the caller disposes its tensors), and starts gathering the next one. Positions
    /// are taken in order.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> Take(int position)
    {
        IReadOnlyDictionary<string, Tensor> batch;
        if (_next is not null && _nextPosition == position)
        {
            var pending = _next;
            _next = null;
            batch = pending.GetAwaiter().GetResult();
        }
        else
        {
            DisposePending();
            batch = _gather(_batches[position]);
        }

        if (position + 1 < _batches.Count)
        {
            long[] indices = _batches[position + 1];
            _nextPosition = position + 1;
            _next = Task.Run(() => _gather(indices));
        }

        return batch;
    }

    /// <summary>Disposes every tensor of <paramref name="batch"/>.</summary>
    public static void Dispose(IReadOnlyDictionary<string, Tensor> batch)
    {
        foreach (var tensor in batch.Values)
        {
            tensor.Dispose();
        }
    }

    public void Dispose() => DisposePending();

    private void DisposePending()
    {
        var pending = _next;
        _next = null;
        if (pending is null)
        {
            return;
        }

        try
        {
            Dispose(pending.GetAwaiter().GetResult());
        }
        catch (Exception)
        {
            // The batch never reached training: its error is not this run's to report (training already stopped).
        }
    }
}
