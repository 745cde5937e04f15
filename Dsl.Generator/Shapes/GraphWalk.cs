using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>Questions about the graph's structure that fixes and emitters ask: what a node is computed from.</summary>
internal static class GraphWalk
{
    /// <summary>The node and every node it is computed from.</summary>
    public static HashSet<int> Ancestors(ModelSpec spec, int node)
    {
        var found = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (id >= 0 && id < spec.Nodes.Count && found.Add(id))
            {
                foreach (int input in spec.Nodes[id].Inputs)
                {
                    pending.Push(input);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// True when <paramref name="reader"/> is the only thing that reads <paramref name="node"/>: no other node, output
    /// or loss term, and <paramref name="reader"/> only once. Then <paramref name="reader"/> may overwrite it.
    /// </summary>
    public static bool IsReadOnlyBy(ModelSpec spec, int node, int reader)
    {
        int reads = 0;
        foreach (var other in spec.Nodes)
        {
            foreach (int input in other.Inputs)
            {
                if (input == node && (other.Id != reader || ++reads > 1))
                {
                    return false;
                }
            }
        }

        return spec.Outputs.All(o => o.Node != node) && spec.Losses.All(l => l.Prediction != node && l.TargetNode != node);
    }

    /// <summary>
    /// The nodes on the branches of <paramref name="node"/>'s inputs that are not shared by all of them: for a
    /// residual <c>x + f(x)</c>, the layers of <c>f</c>.
    /// </summary>
    public static HashSet<int> BranchOnly(ModelSpec spec, NodeSpec node)
    {
        var union = new HashSet<int>();
        HashSet<int>? common = null;
        foreach (int input in node.Inputs)
        {
            var ancestors = Ancestors(spec, input);
            union.UnionWith(ancestors);
            if (common is null)
            {
                common = ancestors;
            }
            else
            {
                common.IntersectWith(ancestors);
            }
        }

        if (common is not null)
        {
            union.ExceptWith(common);
        }

        return union;
    }

    /// <summary>
    /// True when a trainable parameter of this model is upstream of <paramref name="node"/>'s inputs: a layer with
    /// trainable weights (or a later application of a block's layer), or an application of a submodel that is not
    /// frozen. A frozen submodel fed by one must pass gradients through, so autograd stays on inside it.
    /// </summary>
    public static bool FedByTrainable(AnalyzedModel model, NodeSpec node)
    {
        var spec = model.Spec;
        var upstream = new HashSet<int>(node.Inputs.SelectMany(input => Ancestors(spec, input)));
        return upstream.Any(id => IsTrainable(model, spec.Nodes[id]));
    }

    private static bool IsTrainable(AnalyzedModel model, NodeSpec node)
    {
        if (node.Op is ApplyOp apply)
        {
            return !model.Uses[apply.Use].Use.Frozen;
        }

        int owner = node.SharedWith >= 0 ? node.SharedWith : node.Id;
        return model.Nodes[owner].TrainableParameters > 0;
    }
}
