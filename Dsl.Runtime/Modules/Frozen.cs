using TorchSharp;

namespace Dsl.Modules;

/// <summary>
/// Runs a frozen submodel (<c>g.Use&lt;T&gt;(name, frozen: true)</c>): in eval mode (dropout off, BatchNorm on its
/// running statistics) with its parameters out of training, so its weights never change. Autograd is off inside it
/// unless gradients must pass through to something trainable upstream (<see cref="RunDifferentiable"/>, chosen by
/// the generator; or inputs that carry gradients at run time).
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

    /// <summary>
    /// Runs <paramref name="module"/> on <paramref name="inputs"/> in eval mode, without autograd when nothing upstream
    /// needs a gradient: the generator found no trainable part of the calling model upstream, and no input tensor
    /// requires a gradient (<paramref name="inputsRequireGrad"/>, computed by the generated code: false unless the
    /// calling model is itself fed by a trained one).
    /// </summary>
    public static TOutputs Run<TInputs, TOutputs>(torch.nn.Module<TInputs, TOutputs> module, TInputs inputs, bool inputsRequireGrad = false)
    {
        if (inputsRequireGrad)
        {
            return RunDifferentiable(module, inputs);
        }

        EnsureEval(module);
        using (torch.no_grad())
        {
            return module.forward(inputs);
        }
    }

    /// <summary>
    /// Runs <paramref name="module"/> in eval mode with autograd on, so gradients flow through it to the trainable
    /// parts that feed it (a GAN generator trained through a frozen discriminator); its own parameters do not
    /// require gradients, so they stay fixed.
    /// </summary>
    public static TOutputs RunDifferentiable<TInputs, TOutputs>(torch.nn.Module<TInputs, TOutputs> module, TInputs inputs)
    {
        EnsureEval(module);
        return module.forward(inputs);
    }

    private static void EnsureEval(torch.nn.Module module)
    {
        if (module.training)
        {
            module.eval();
        }
    }
}
