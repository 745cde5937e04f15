using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Parsing;

/// <summary>
/// The type of a node while Define is still running (<c>x.Size(-1)</c>): shape inference over the graph built so far,
/// with the same rules the finished graph gets. Submodels are not resolved yet, so what a <c>g.Use</c> model computes is
/// unknown here.
/// </summary>
internal sealed partial class GraphBuilder
{
    /// <summary>The node's type, or null where it is unknown (an earlier mistake, or a submodel's output upstream).</summary>
    public TensorType? TypeSoFar(NodeRef node)
    {
        var specs = new List<NodeSpec>(node.Id + 1);
        for (int id = 0; id <= node.Id && id < nodes.Count; id++)
        {
            var pending = nodes[id];
            specs.Add(new NodeSpec(id, pending.Op, new EquatableArray<int>(pending.Inputs), pending.Name ?? pending.Op.NamePrefix + "_" + id, pending.Site, pending.ArgSites, pending.SharedWith));
        }

        var spec = new ModelSpec("", modelName, "internal", 0, specs.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, IsComplete: true);
        var scratch = new List<DiagnosticInfo>();
        var types = ShapeInference.InferNodes(spec, System.Array.Empty<ResolvedUse>(), scratch);
        return node.Id < types.Count ? types[node.Id].Type : null;
    }

    /// <summary>True when the node or one it is computed from applies a submodel (whose outputs are not known yet).</summary>
    public bool ReadsSubmodel(NodeRef node)
    {
        var pending = new Stack<int>();
        var seen = new HashSet<int>();
        pending.Push(node.Id);
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (id < 0 || id >= nodes.Count || !seen.Add(id))
            {
                continue;
            }

            if (nodes[id].Op is ApplyOp)
            {
                return true;
            }

            foreach (int input in nodes[id].Inputs)
            {
                pending.Push(input);
            }
        }

        return false;
    }
}
