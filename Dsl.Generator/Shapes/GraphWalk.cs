using System.Collections.Generic;
using Dsl.Generator.Model;

namespace Dsl.Generator.Shapes;

/// <summary>Questions about the graph's structure that fixes ask: what a node is computed from.</summary>
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
}
