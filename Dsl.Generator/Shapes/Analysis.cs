using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>The stage after all models are gathered: infers each model's shapes.</summary>
internal static class Analysis
{
    public static ImmutableArray<AnalyzedModel> AnalyzeAll(ImmutableArray<ModelSpec> specs, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<AnalyzedModel>(specs.Length);
        foreach (var spec in specs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(ShapeInference.Analyze(spec));
        }

        return result.MoveToImmutable();
    }
}
