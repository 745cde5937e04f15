using TorchSharp;

namespace Dsl.Modules;

/// <summary>
/// Runs a frozen submodel (<c>g.Use&lt;T&gt;(name, frozen: true)</c>): in eval mode (dropout off, BatchNorm on its
/// running statistics) and without autograd, so no gradient reaches it and its weights never change.
/// </summary>
public static class Frozen
{
    /// <summary>Puts every parameter of <paramref name="module"/> out of training (requires_grad = false) and the module in eval mode.</summary>
    public static void Freeze(torch.nn.Module module)
    {
        foreach (var parameter in module.parameters())
        {
            parameter.requires_grad = false;
        }

        module.eval();
    }

    /// <summary>Runs <paramref name="module"/> on <paramref name="inputs"/> in eval mode without autograd.</summary>
    public static TOutputs Run<TInputs, TOutputs>(torch.nn.Module<TInputs, TOutputs> module, TInputs inputs)
    {
        if (module.training)
        {
            module.eval();
        }

        using (torch.no_grad())
        {
            return module.forward(inputs);
        }
    }
}
