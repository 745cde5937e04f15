using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;

namespace Dsl.Training;

/// <summary>
/// An immutable description of an optimizer and its hyper-parameters; <see cref="Create(TorchSharp.torch.nn.Module)"/> builds the TorchSharp
/// optimizer over a model's trainable parameters. The factories' defaults are the <b>Keras</b> defaults, because
/// the seed programs are Keras programs; where PyTorch's defaults differ, the factory says so. Every optimizer
/// takes a weight decay, and <see cref="WithGroup"/> gives a part of the model its own learning rate.
/// </summary>
/// <example>
/// <code>
/// // Fine-tune: the pretrained encoder at a tenth of the head's rate, no decay on it.
/// var spec = OptimizerSpec.AdamW(lr: 1e-3, weightDecay: 0.01).WithGroup("encoder", learningRate: 1e-4, weightDecay: 0);
/// </code>
/// </example>
public sealed record OptimizerSpec
{
    private IReadOnlyList<ParameterGroup> _groups = Array.Empty<ParameterGroup>();

    private OptimizerSpec(OptimizerKind kind, double learningRate, double weightDecay)
    {
        if (!(learningRate >= 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number >= 0.");
        }

        if (!(weightDecay >= 0) || double.IsInfinity(weightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be a finite number >= 0 (0 for none).");
        }

        Kind = kind;
        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>Which optimizer.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>The learning rate (of the parameters no <see cref="Groups"/> entry selects).</summary>
    public double LearningRate { get; }

    /// <summary>
    /// The weight decay: L2 regularization added to the gradient (Adam, SGD, Adadelta, RMSprop, as in PyTorch), or
    /// the decoupled decay of AdamW (the weights shrink by <c>lr * weightDecay</c> each step).
    /// </summary>
    public double WeightDecay { get; }

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

    /// <summary>Parts of the model with their own learning rate, in the order they were added (first match wins).</summary>
    public IReadOnlyList<ParameterGroup> Groups
    {
        get => _groups;
        private init => _groups = value;
    }

    /// <summary>Whether the optimizer has a momentum a one-cycle schedule can cycle (Adam's beta1, SGD's momentum).</summary>
    internal bool HasMomentum => Kind is OptimizerKind.Adam or OptimizerKind.AdamW || (Kind == OptimizerKind.Sgd && Momentum > 0);

    /// <summary>
    /// Adam. Keras and PyTorch agree on <c>lr = 1e-3</c>, <c>beta1 = 0.9</c>, <c>beta2 = 0.999</c>; Keras uses
    /// <c>eps = 1e-7</c> where PyTorch uses <c>1e-8</c>. <paramref name="weightDecay"/> is L2 regularization (PyTorch's
    /// Adam); use <see cref="AdamW"/> for decoupled decay.
    /// </summary>
    public static OptimizerSpec Adam(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-7, double weightDecay = 0.0) =>
        new(OptimizerKind.Adam, lr, weightDecay) { Beta1 = beta1, Beta2 = beta2, Epsilon = eps };

    /// <summary>
    /// AdamW with the Keras defaults: <c>lr = 1e-3</c>, <c>weight_decay = 0.004</c>, <c>beta1 = 0.9</c>,
    /// <c>beta2 = 0.999</c>, <c>eps = 1e-7</c>. PyTorch's defaults are <c>weight_decay = 0.01</c>, <c>eps = 1e-8</c>.
    /// </summary>
    public static OptimizerSpec AdamW(double lr = 1e-3, double weightDecay = 0.004, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-7) =>
        new(OptimizerKind.AdamW, lr, weightDecay) { Beta1 = beta1, Beta2 = beta2, Epsilon = eps };

    /// <summary>
    /// SGD with optional momentum. Keras' default learning rate is <c>0.01</c> (PyTorch has none). Keras and
    /// PyTorch write Nesterov momentum in two algebraically equivalent forms; PyTorch's is used. Nesterov needs a
    /// momentum &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> without momentum.</exception>
    public static OptimizerSpec Sgd(double lr = 0.01, double momentum = 0.0, bool nesterov = false, double weightDecay = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        if (nesterov && momentum <= 0)
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0 (for example Sgd(lr: 0.01, momentum: 0.9, nesterov: true)).", nameof(nesterov));
        }

        return new(OptimizerKind.Sgd, lr, weightDecay) { Momentum = momentum, Nesterov = nesterov };
    }

    /// <summary>
    /// Adadelta with the Keras 2.1 defaults the seed programs use: <c>lr = 1.0</c>, <c>rho = 0.95</c>,
    /// <c>eps = 1e-7</c>. PyTorch's defaults are <c>rho = 0.9</c>, <c>eps = 1e-6</c>; tf.keras (2.3+) changed the
    /// learning rate to <c>1e-3</c>.
    /// </summary>
    public static OptimizerSpec Adadelta(double lr = 1.0, double rho = 0.95, double eps = 1e-7, double weightDecay = 0.0) =>
        new(OptimizerKind.Adadelta, lr, weightDecay) { Rho = rho, Epsilon = eps };

    /// <summary>
    /// RMSprop with the Keras defaults: <c>lr = 1e-3</c>, <c>rho = 0.9</c>, <c>eps = 1e-7</c>. PyTorch's defaults
    /// are <c>lr = 1e-2</c>, <c>alpha = 0.99</c>, <c>eps = 1e-8</c>. Both add <c>eps</c> outside the square root.
    /// </summary>
    public static OptimizerSpec RmsProp(double lr = 1e-3, double rho = 0.9, double eps = 1e-7, double weightDecay = 0.0) =>
        new(OptimizerKind.RmsProp, lr, weightDecay) { Rho = rho, Epsilon = eps };

    /// <summary>
    /// This optimizer with one more parameter group: the parameters under <paramref name="prefix"/> (a submodule's
    /// state-dict name) train with <paramref name="learningRate"/> and, when given, <paramref name="weightDecay"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An empty prefix, a prefix already grouped, or a negative rate.</exception>
    public OptimizerSpec WithGroup(string prefix, double learningRate, double? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var group = new ParameterGroup(prefix, learningRate, weightDecay);
        group.Validate();
        if (_groups.Any(g => g.Prefix.TrimEnd('.') == prefix.TrimEnd('.')))
        {
            throw new ArgumentException($"The optimizer already has a parameter group '{prefix}'.", nameof(prefix));
        }

        return this with { Groups = _groups.Append(group).ToArray() };
    }

    /// <summary>
    /// Creates the optimizer over the parameters of <paramref name="module"/> that require gradients (frozen parts are
    /// left out), one TorchSharp parameter group per <see cref="Groups"/> entry (in that order) and one for the rest.
    /// </summary>
    /// <exception cref="ArgumentException">A group selects no trainable parameter (the message lists the model's submodules).</exception>
    public OptimizerHelper Create(torch.nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var trainable = module.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        if (_groups.Count == 0)
        {
            return Create(trainable.Select(p => p.parameter));
        }

        var members = _groups.Select(_ => new List<Parameter>()).ToArray();
        var rest = new List<Parameter>();
        foreach (var (name, parameter) in trainable)
        {
            int index = -1;
            for (int i = 0; i < _groups.Count && index < 0; i++)
            {
                index = _groups[i].Selects(name) ? i : -1;
            }

            (index >= 0 ? members[index] : rest).Add(parameter);
        }

        for (int i = 0; i < _groups.Count; i++)
        {
            if (members[i].Count == 0)
            {
                var names = module.named_parameters().Select(p => p.name.Split('.')[0]).Distinct().ToArray();
                throw new ArgumentException(
                    $"Parameter group '{_groups[i].Prefix}' selects no trainable parameter of the model (frozen parts are not trained, and an " +
                    $"earlier group takes a parameter first). The model's top-level parts are [{string.Join(", ", names)}]; " +
                    "name one of them, or a nested part as in the state dict (\"tower.conv2d_1\").",
                    nameof(module));
            }
        }

        var specs = _groups.Select((g, i) => (Parameters: (IEnumerable<Parameter>)members[i], g.LearningRate, WeightDecay: g.WeightDecay ?? WeightDecay)).ToList();
        if (rest.Count > 0)
        {
            specs.Add((rest, LearningRate, WeightDecay));
        }

        return CreateGroups(specs);
    }

    /// <summary>Creates the optimizer over <paramref name="parameters"/> (one group, <see cref="Groups"/> are not applied).</summary>
    public OptimizerHelper Create(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        return Kind switch
        {
            OptimizerKind.Adam => torch.optim.Adam(list, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
            OptimizerKind.AdamW => torch.optim.AdamW(list, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
            OptimizerKind.Sgd => torch.optim.SGD(list, LearningRate, momentum: Momentum, weight_decay: WeightDecay, nesterov: Nesterov),
            OptimizerKind.Adadelta => torch.optim.Adadelta(list, LearningRate, Rho, Epsilon, WeightDecay),
            OptimizerKind.RmsProp => torch.optim.RMSProp(list, LearningRate, alpha: Rho, eps: Epsilon, weight_decay: WeightDecay),
            _ => throw new InvalidOperationException($"Unknown optimizer kind {Kind}."),
        };
    }

    /// <summary>Names of the TorchSharp parameter groups <see cref="Create(TorchSharp.torch.nn.Module)"/> makes, in order: each prefix, then <c>"default"</c> when parameters remain.</summary>
    internal static IReadOnlyList<string> GroupNames(OptimizerSpec spec, int groupCount) =>
        Enumerable.Range(0, groupCount).Select(i => i < spec._groups.Count ? spec._groups[i].Prefix.TrimEnd('.') : "default").ToArray();

    private OptimizerHelper CreateGroups(List<(IEnumerable<Parameter> Parameters, double LearningRate, double WeightDecay)> groups) => Kind switch
    {
        OptimizerKind.Adam => torch.optim.Adam(
            groups.Select(g => new Adam.ParamGroup(g.Parameters, g.LearningRate, Beta1, Beta2, Epsilon, g.WeightDecay, false, false)),
            LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
        OptimizerKind.AdamW => torch.optim.AdamW(
            groups.Select(g => new AdamW.ParamGroup(g.Parameters, g.LearningRate, Beta1, Beta2, Epsilon, g.WeightDecay, false, false)),
            LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
        OptimizerKind.Sgd => torch.optim.SGD(
            groups.Select(g => new SGD.ParamGroup(g.Parameters, g.LearningRate, Momentum, 0.0, g.WeightDecay, Nesterov, false)),
            LearningRate, momentum: Momentum, weight_decay: WeightDecay, nesterov: Nesterov),
        OptimizerKind.Adadelta => torch.optim.Adadelta(
            groups.Select(g => new Adadelta.ParamGroup(g.Parameters, g.LearningRate, Rho, Epsilon, g.WeightDecay, false)),
            LearningRate, Rho, Epsilon, WeightDecay),
        OptimizerKind.RmsProp => torch.optim.RMSProp(
            groups.Select(g => new RMSProp.ParamGroup(g.Parameters, g.LearningRate, Epsilon, Rho, g.WeightDecay, 0.0, false)),
            LearningRate, alpha: Rho, eps: Epsilon, weight_decay: WeightDecay),
        _ => throw new InvalidOperationException($"Unknown optimizer kind {Kind}."),
    };

    /// <summary>A short description, for logs and checkpoints (<c>Sgd(lr=0.01, momentum=0.9, nesterov)</c>).</summary>
    public override string ToString()
    {
        string decay = WeightDecay > 0 ? FormattableString.Invariant($", weight_decay={WeightDecay}") : "";
        string groups = string.Concat(_groups.Select(g => FormattableString.Invariant(
            $", group {g.Prefix}(lr={g.LearningRate}{(g.WeightDecay is double d ? FormattableString.Invariant($", weight_decay={d}") : "")})")));
        string core = Kind switch
        {
            OptimizerKind.Adam => FormattableString.Invariant($"Adam(lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon}"),
            OptimizerKind.AdamW => FormattableString.Invariant($"AdamW(lr={LearningRate}, beta1={Beta1}, beta2={Beta2}, eps={Epsilon}"),
            OptimizerKind.Sgd => FormattableString.Invariant($"Sgd(lr={LearningRate}, momentum={Momentum}{(Nesterov ? ", nesterov" : "")}"),
            OptimizerKind.Adadelta => FormattableString.Invariant($"Adadelta(lr={LearningRate}, rho={Rho}, eps={Epsilon}"),
            _ => FormattableString.Invariant($"RmsProp(lr={LearningRate}, rho={Rho}, eps={Epsilon}"),
        };
        return core + decay + groups + ")";
    }

    /// <summary>Equal kind, hyper-parameters and groups.</summary>
    public bool Equals(OptimizerSpec? other) =>
        other is not null && ToString() == other.ToString();

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
