using System;
using System.Collections.Generic;
using System.Linq;
using Dsl.Data;
using Dsl.Metadata;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>
/// The batches of one optimizer step under <see cref="TrainingOptions.AccumulateGradBatches"/>, and the weight of each
/// batch's loss so that the summed gradients are those of the group's loss as one large batch. Every loss term is a
/// mean: over the batch's samples (and their elements), or for a masked term over the selected samples,
/// sum(l * mask) / max(sum(mask), 1). A term of the large batch is therefore the sum over its batches of
/// term_i * d_i / D, where d_i is what batch i's term divides by (its sample count, or max(sum(mask_i), 1)) and D the
/// same for the whole group; that is the weight each batch's term gets here.
/// </summary>
internal sealed class AccumulationGroup
{
    private readonly double[] _sampleShare;
    private readonly Dictionary<string, double[]> _maskShare;

    private AccumulationGroup(double[] sampleShare, Dictionary<string, double[]> maskShare)
    {
        _sampleShare = sampleShare;
        _maskShare = maskShare;
    }

    /// <summary>The group of <paramref name="batches"/> (sample indices into <paramref name="train"/>).</summary>
    public static AccumulationGroup Create(ModelInfo info, TensorDataset train, IReadOnlyList<long[]> batches)
    {
        double samples = batches.Sum(b => (double)b.Length);
        double[] sampleShare = batches.Select(b => b.Length / samples).ToArray();
        var maskShare = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var term in info.Losses)
        {
            // A mask column the dataset lacks: Step reports it before any weight is used.
            if (term.Mask is null || !train.Columns.TryGetValue(term.Mask, out var column))
            {
                continue;
            }

            double[] selected = batches.Select(b => MaskSum(column, b)).ToArray();
            double total = Math.Max(selected.Sum(), 1.0);
            maskShare[term.Name] = selected.Select(s => Math.Max(s, 1.0) / total).ToArray();
        }

        return new AccumulationGroup(sampleShare, maskShare);
    }

    /// <summary>
    /// What batch <paramref name="position"/> of the group back-propagates: its total loss weighted by its share of
    /// the group's samples, with every masked term reweighted to its share of the group's selected samples.
    /// </summary>
    public Tensor Objective(StepResult result, int position)
    {
        var objective = result.Losses.Total * _sampleShare[position];
        foreach (var term in result.Losses.Terms)
        {
            if (_maskShare.TryGetValue(term.Name, out var shares))
            {
                double correction = term.Weight * (shares[position] - _sampleShare[position]);
                objective = objective + term.Value * correction;
            }
        }

        return objective;
    }

    private static double MaskSum(Tensor column, long[] indices)
    {
        using var scope = NewDisposeScope();
        using var index = tensor(indices, device: column.device);
        return column.index_select(0, index).to(ScalarType.Float64).sum().item<double>();
    }
}
