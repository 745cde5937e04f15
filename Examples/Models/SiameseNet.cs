using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 003's Siamese network: one <see cref="SiameseTower"/>, applied to both images of a pair with the same
/// weights, the Euclidean distance of the two 50-d embeddings, and the contrastive loss with margin 1
/// (target "same": 1 for a genuine pair, 0 for an impostor pair). Trained with RMSprop in the seed.
/// </summary>
[Model]
public partial class SiameseNet
{
    static void Define(Graph g)
    {
        var left = g.Input("left", 1, 56, 46);
        var right = g.Input("right", 1, 56, 46);
        var tower = g.Use<SiameseTower>("tower");

        var distance = Ops.EuclideanDistance(tower.Apply(left), tower.Apply(right));
        g.Output("distance", distance);
        g.Loss("same", distance, Loss.Contrastive(margin: 1.0));
    }
}
