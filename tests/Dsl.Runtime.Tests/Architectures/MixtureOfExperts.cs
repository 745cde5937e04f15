using Dsl;

namespace Dsl.Runtime.Tests.Architectures;

/// <summary>
/// A small mixture of experts: a softmax router over K expert Linears, their outputs weighted by the router's
/// probabilities and summed, a classification loss, and a load-balancing term in the Switch Transformer's form
/// K * sum_k f_k P_k, with P_k the router's mean probability of expert k over the batch (a batch statistic,
/// <c>BatchMean()</c>) and the fraction routed f_k taken soft, as P_k: K * sum_k P_k^2, 1 when the batch is spread evenly.
/// </summary>
[Model]
[PyTorchParity]
public partial class MixtureOfExperts
{
    public const int Features = 6, Experts = 4, Classes = 3;

    static void Define(Graph g)
    {
        var x = g.Input("x", Features);                                             // [B, 6]
        var gate = x.Linear(Experts, name: "router").Softmax(-1);                  // [B, 4]
        Node? mixed = null;
        for (int k = 0; k < Experts; k++)
        {
            var expert = x.Linear(Classes, name: $"experts.{k}") * gate.Slice(1, k, k + 1);   // [B, 3] * [B, 1]
            mixed = mixed is null ? expert : mixed + expert;
        }

        g.Output("logits", mixed!);
        g.Loss("label", mixed!, Loss.CrossEntropy());
        var importance = gate.BatchMean();                                          // [1, 4]: P_k
        g.Minimize("balance", Experts * (importance * importance).Sum(1), weight: 0.1);   // [1]
    }
}

/// <summary>A batch statistic declared as the first output: the loss's target check takes the batch size from the logits.</summary>
[Model]
public partial class StatisticFirst
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 4);
        g.Output("mean", x.BatchMean());                                           // [1, 4]
        var logits = x.Linear(3);
        g.Output("logits", logits);
        g.Loss("label", logits, Loss.CrossEntropy());
    }
}
