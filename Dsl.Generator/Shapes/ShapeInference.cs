using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

// PLACEHOLDER until the shape rules land: replaced by the Shapes work.
internal static class ShapeInference
{
    public static AnalyzedModel Analyze(ModelSpec spec) =>
        new(spec, EquatableArray<NodeAnalysis>.Empty, EquatableArray<Diagnostics.DiagnosticInfo>.Empty);
}
