using System.Collections.Generic;
using Dsl.Metadata;
using TorchSharp;

namespace Dsl.Training.Callbacks;

/// <summary>What a callback sees of the run.</summary>
/// <param name="Module">The model being trained (its weights are the current ones).</param>
/// <param name="Model">The model's metadata.</param>
/// <param name="Options">The run's options.</param>
/// <param name="History">Every completed epoch so far, including those before a resumed checkpoint.</param>
public sealed record TrainingContext(torch.nn.Module Module, ModelInfo Model, TrainingOptions Options, IReadOnlyList<EpochMetrics> History);
