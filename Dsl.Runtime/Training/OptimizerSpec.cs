using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training;

/// <summary>
/// An immutable description of an optimizer and its hyper-parameters; <see cref="Create(TorchSharp.torch.nn.Module)"/> builds the TorchSharp
/// optimizer over a model's trainable parameters. The factories' defaults are the <b>Keras</b> defaults, because
/// the seed programs are Keras programs; where PyTorch's defaults differ, the factory says so.
/// </summary>
public sealed record OptimizerSpec
{
    private OptimizerSpec(OptimizerKind kind, double learningRate)
    {
        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number >= 0.");
        }

        Kind = kind;
        LearningRate = learningRate;
    }

    /// <summary>Which optimizer.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>Adam's first-moment decay.</summary>
    public double Beta1 { get; private init; }

    /// <summary>Adam's second-moment decay.</summary>
    public double Beta2 { get; private init; }

    /// <summary>The decay of the running average of squared gradients (Adadelta, RMSprop; PyTorch calls it <c>alpha</c> for RMSprop).</summary>
    public double Rho { get; private init; }

    /// <summary>The term added to denominators for numerical stability (Adam, Adadelta, RMSprop).</summary>
    public double Epsilon { get; private init; }

    /// <summary>SGD's momentum factor (0 = none).</summary>
    public double Momentum { get; private init; }

    /// <summary>Whether SGD uses Nesterov momentum (needs <see cref="Momentum"/> &gt; 0).</summary>
    public bool Nesterov { get; private init; }

    /// <summary>
    /// Adam. Keras and PyTorch agree on <c>lr = 1e-3</c>, <c>beta1 = 0.9</c>, <c>beta2 = 0.999</c>; Keras uses
    /// <c>eps = 1e-7</c> where PyTorch uses <c>1e-8</c>.
    /// </summary>
    public static OptimizerSpec Adam(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-7) =>
        new(OptimizerKind.Adam, lr) { Beta1 = beta1, Beta2 = beta2, Epsilon = eps };

    /// <summary>
    /// SGD with optional momentum. Keras' default learning rate is <c>0.01</c> (PyTorch has none). Keras and
    /// PyTorch write Nesterov momentum in two algebraically equivalent forms; PyTorch's is used. Nesterov needs a
    /// momentum &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> without momentum.</exception>
    public static OptimizerSpec Sgd(double lr = 0.01, double momentum = 0.0, bool nesterov = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        if (nesterov && momentum <= 0)
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0 (for example Sgd(lr: 0.01, momentum: 0.9, nesterov: true)).", nameof(nesterov));
        }

        return new(OptimizerKind.Sgd, lr) { Momentum = momentum, Nesterov = nesterov };
    }

    /// <summary>
    /// Adadelta with the Keras 2.1 defaults the seed programs use: <c>lr = 1.0</c>, <c>rho = 0.95</c>,
    /// <c>eps = 1e-7</c>. PyTorch's defaults are <c>rho = 0.9</c>, <c>eps = 1e-6</c>; tf.keras (2.3+) changed the
    /// learning rate to <c>1e-3</c>.
    /// </summary>
    public static OptimizerSpec Adadelta(double lr = 1.0, double rho = 0.95, double eps = 1e-7) =>
        new(OptimizerKind.Adadelta, lr) { Rho = rho, Epsilon = eps };

    /// <summary>
    /// RMSprop with the Keras defaults: <c>lr = 1e-3</c>, <c>rho = 0.9</c>, <c>eps = 1e-7</c>. PyTorch's defaults
    /// are <c>lr = 1e-2</c>, <c>alpha = 0.99</c>, <c>eps = 1e-8</c>. Both add <c>eps</c> outside the square root.
    /// </summary>
    public static OptimizerSpec RmsProp(double lr = 1e-3, double rho = 0.9, double eps = 1e-7) =>
        new(OptimizerKind.RmsProp, lr) { Rho = rho, Epsilon = eps };

    /// <summary>Creates the optimizer over the parameters of <paramref name="module"/> that require gradients (frozen parts are left out).</summary>
    public OptimizerHelper Create(torch.nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Create(module.parameters().Where(p => p.requires_grad));
    }

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    public OptimizerHelper Create(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        return Kind switch
        {
            OptimizerKind.Adam => torch.optim.Adam(list, LearningRate, Beta1, Beta2, Epsilon),
            OptimizerKind.Sgd => torch.optim.SGD(list, LearningRate, momentum: Momentum, nesterov: Nesterov),
            OptimizerKind.Adadelta => torch.optim.Adadelta(list, LearningRate, Rho, Epsilon),
            OptimizerKind.RmsProp => torch.optim.RMSProp(list, LearningRate, alpha: Rho, eps: Epsilon),
            _ => throw new InvalidOperationException($"Unknown optimizer kind {Kind}."),
        };
    }

    /// <summary>A short description, for logs and checkpoints (<c>Sgd(lr=0.01, momentum=0.9, nesterov)</c>).</summary>
    public override string ToString() => Kind switch
    {
        OptimizerKind.Adam => FormattableString.Invariant($"Adam(lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon})"),
        OptimizerKind.Sgd => FormattableString.Invariant($"Sgd(lr={LearningRate}, momentum={Momentum}{(Nesterov ? ", nesterov" : "")})"),
        OptimizerKind.Adadelta => FormattableString.Invariant($"Adadelta(lr={LearningRate}, rho={Rho}, eps={Epsilon})"),
        _ => FormattableString.Invariant($"RmsProp(lr={LearningRate}, rho={Rho}, eps={Epsilon})"),
    };
}
