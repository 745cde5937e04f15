using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>
/// DSL0902: a model with more parameters than the project's budget (the MSBuild property <c>DslParameterBudget</c>,
/// <see cref="SizeLimits.DefaultParameterBudget"/> by default), reported at its largest layer. A warning, since
/// big models are legitimate; usually it is a Linear on an unflattened or unpooled feature map.
/// </summary>
internal static class ParameterBudget
{
    /// <summary>The MSBuild property, as analyzers see it.</summary>
    public const string Property = "build_property.DslParameterBudget";

    /// <summary>The budget a property value gives: a positive whole number (underscores and commas allowed), else the default.</summary>
    public static long Parse(string? value)
    {
        string? digits = value?.Replace("_", "").Replace(",", "").Trim();
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long budget) && budget > 0
            ? budget
            : SizeLimits.DefaultParameterBudget;
    }

    public static DiagnosticInfo? Check(AnalyzedModel model, long budget)
    {
        if (!model.CanEmit)
        {
            return null;
        }

        long total = model.Nodes.Aggregate(0L, (sum, n) => SizeLimits.Add(sum, SizeLimits.Add(n.TrainableParameters, n.NonTrainableParameters)));
        if (total <= budget)
        {
            return null;
        }

        var largest = model.Spec.Nodes
            .OrderByDescending(n => model.Nodes[n.Id].TrainableParameters + model.Nodes[n.Id].NonTrainableParameters)
            .First();
        long layer = model.Nodes[largest.Id].TrainableParameters + model.Nodes[largest.Id].NonTrainableParameters;
        return DiagnosticInfo.Create(
            Descriptors.ParameterBudget,
            model.Spec.ClassName,
            largest.Site,
            model.Spec.ClassName,
            SizeLimits.Count(total),
            SizeLimits.Float32Size(total),
            SizeLimits.Count(budget),
            largest.Op.Kind + " '" + largest.Name + "'",
            SizeLimits.Count(layer));
    }
}
