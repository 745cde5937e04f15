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
/// mean: over the batch's samples (and their elements), or, for a term with a mask or an ignore index, the weighted
/// mean sum(l * w) / sum(w), where w is the mask spread over the loss's elements times 0 for an ignored target (0 when
/// nothing is selected). A term of the large batch is therefore the sum over its batches of term_i * d_i / D, where
/// d_i is what batch i's term divides by (its sample count, or sum(w_i)) and D the same for the whole group; that is
/// the weight each batch's term gets here. A term whose ignored targets come from a node of the graph rather than a
/// column cannot be counted before the step: it is weighted by its samples, so for it the equality holds in
/// expectation only.
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
            // A column the dataset lacks: Step reports it before any weight is used.
            Tensor? mask = term.Mask is not null && train.Columns.TryGetValue(term.Mask, out var m) ? m : null;
            Tensor? target = term.IgnoreIndex is not null && term.Target is not null && train.Columns.TryGetValue(term.Target, out var t) ? t : null;
            if (mask is null && target is null)
            {
                continue;
            }

            double[] selected = batches.Select(b => WeightSum(mask, target, term.IgnoreIndex, b)).ToArray();
            double total = selected.Sum();
            maskShare[term.Name] = selected.Select(s => total > 0 ? s / total : 0.0).ToArray();
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

    /// <summary>
    /// sum(w) of one batch: the mask's values spread over the target's positions (a per-sample mask counts once per
    /// position, as the loss spreads it) times 1 where the target is not the ignore index.
    /// </summary>
    private static double WeightSum(Tensor? mask, Tensor? target, long? ignoreIndex, long[] indices)
    {
        using var scope = NewDisposeScope();
        using var index = tensor(indices, device: (mask ?? target)!.device);
        Tensor? weights = mask?.index_select(0, index).to(ScalarType.Float64);
        if (target is not null)
        {
            var keep = target.index_select(0, index).ne(ignoreIndex!.Value).to(ScalarType.Float64);
            if (weights is not null)
            {
                while (weights.dim() < keep.dim())
                {
                    weights = weights.unsqueeze(-1);
                }
            }

            weights = weights is null ? keep : weights * keep;
        }

        return weights!.sum().item<double>();
    }
}
