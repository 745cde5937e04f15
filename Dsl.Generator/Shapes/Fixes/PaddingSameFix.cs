using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes.Fixes;

/// <summary>
/// For operands that disagree because convolutions on one branch shrank the feature map (a residual
/// <c>x + f(x)</c> or a U-Net skip <c>Concat</c> with unpadded convolutions): offers switching those
/// convolutions to <c>Padding.Same</c> (each op's <see cref="OpDescriptor.WithSamePadding"/> says whether it shrinks and how it is padded), only when inference over the changed graph shows the operands then agree.
/// </summary>
internal static class PaddingSameFix
{
    private static readonly HashSet<string> FixableIds = new() { Descriptors.IncompatibleShapes.Id, Descriptors.ConcatMismatch.Id };

    public static List<DiagnosticInfo> Attach(ModelSpec spec, IReadOnlyList<ResolvedUse> uses, List<DiagnosticInfo> diagnostics)
    {
        return diagnostics.Select(d => d.Fix is null && FixableIds.Contains(d.Id) ? d with { Fix = Find(spec, uses, d) } : d).ToList();
    }

    private static FixSpec? Find(ModelSpec spec, IReadOnlyList<ResolvedUse> uses, DiagnosticInfo diagnostic)
    {
        var node = spec.Nodes.FirstOrDefault(n => n.Site == diagnostic.Site && n.Inputs.Count >= 2);
        if (node is null)
        {
            return null;
        }

        var shrinking = GraphWalk.BranchOnly(spec, node)
            .OrderBy(id => id)
            .Select(id => (Id: id, Padded: OpCatalogue.For(spec.Nodes[id].Op)?.WithSamePadding(spec.Nodes[id].Op)))
            .Where(p => p.Padded is not null)
            .ToList();
        if (shrinking.Count == 0)
        {
            return null;
        }

        var byId = shrinking.ToDictionary(p => p.Id, p => p.Padded!);
        var padded = spec with
        {
            Nodes = spec.Nodes.Select(n => byId.TryGetValue(n.Id, out var op) ? n with { Op = op } : n).ToEquatableArray(),
        };
        var scratch = new List<DiagnosticInfo>();
        var nodes = ShapeInference.InferNodes(padded, uses, scratch);
        return nodes[node.Id].Type is not null
            ? FixSpec.AtSites(FixKinds.PaddingSame, shrinking.Select(p => spec.Nodes[p.Id].Site).ToArray())
            : null;
    }
}
