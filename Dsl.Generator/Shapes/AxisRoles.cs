using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>
/// Axis roles (<see cref="AxisRole"/>): what each axis of a node means. Inputs declare them, each op's descriptor
/// produces its output's from its inputs' (<see cref="OpDescriptor.Roles"/>; by default read from the op's
/// <see cref="FeatureLayout"/>), and shape inference attaches them after the op's rule (<see cref="Attach"/>), so a
/// rule that demands a layout (Conv1d, BatchNorm1d, LayerNorm, Softmax, pooling) reads its input's roles. The default
/// reading is cheap: one small array per node, no graph walk.
/// </summary>
internal static class AxisRoles
{
    /// <summary><paramref name="result"/> with its type's roles from the node's descriptor.</summary>
    public static NodeAnalysis Attach(NodeSpec node, IReadOnlyList<TensorType> inputs, NodeAnalysis result)
    {
        if (result.Type is not { } type || OpCatalogue.For(node.Op) is not { } descriptor)
        {
            return result;
        }

        var roles = descriptor.Roles(node.Op, inputs, type);
        return roles.Length == type.Dims.Count && roles.Any(r => r != AxisRole.Unknown) ? result with { Type = type.WithRoles(roles) }
            : type.RoleCode.Length > 0 ? result with { Type = type with { RoleCode = "" } } : result;
    }

    /// <summary>
    /// The roles an op of <paramref name="layout"/> gives: features last keeps the leading roles of its first input and
    /// makes the last axis features; channels first makes axis 1 channels and keeps time or spatial axes (a 1-D map's axis
    /// is time, others spatial); kept, named-axis (Softmax) and agreed layouts keep the inputs'; a move carries each role
    /// with its axis; anything else is not known. A vector per sample ([B, F]) is features.
    /// </summary>
    public static AxisRole[] FromLayout(FeatureLayout layout, IReadOnlyList<TensorType> inputs, TensorType output)
    {
        int n = output.Dims.Count;
        var input = inputs.Count > 0 ? inputs[0] : null;
        switch (layout.Kind)
        {
            case FeatureLayoutKind.FeaturesLast when n >= 1:
                {
                    var roles = new AxisRole[n];
                    for (int i = 0; i < n - 1; i++)
                    {
                        roles[i] = input?.RoleAt(i + 1) ?? AxisRole.Unknown;
                    }

                    roles[n - 1] = AxisRole.Feature;
                    return roles;
                }

            case FeatureLayoutKind.ChannelsFirst:
                return ChannelsFirst(input, n);

            case FeatureLayoutKind.AtAxis:
            case FeatureLayoutKind.FromInput when layout.Move is null:
                return input is not null && input.Dims.Count == n ? Of(input) : Vector(n);

            case FeatureLayoutKind.FromInput when input is not null:
                return Moved(layout, input, output);

            case FeatureLayoutKind.Agreed:
                return inputs.FirstOrDefault(i => i.Dims.Count == n && i.RoleCode.Length == n) is { } agreed ? Of(agreed) : Vector(n);

            default:
                return output.IsSpatial ? ChannelsFirst(input, n) : output.DType == DType.Int64 ? System.Array.Empty<AxisRole>() : Vector(n);
        }
    }

    /// <summary>
    /// After a cross entropy or NLL term is analysed (<paramref name="analysis"/> reads classes): its prediction's class
    /// axis has the Class role, and so has the same axis of the nodes it was computed from by ops that keep the axes
    /// (a Slice, an activation, dropout, a Softmax over that axis), back to the layer that scored the classes; the
    /// hovers and shape comments of the logits then read <c>[B, T, K:1000]</c>, and a later term stating another class
    /// axis is told (DSL0905). One short walk back per loss term, none per rule.
    /// </summary>
    public static LossAnalysis MarkClasses(ModelSpec spec, List<NodeAnalysis> nodes, LossSpec loss, LossAnalysis analysis)
    {
        if (!analysis.ReadsClasses)
        {
            return analysis;
        }

        int axis = analysis.ClassAxis;
        for (int id = loss.Prediction; id >= 0 && nodes[id].Type is { } type && type.Rank > axis;)
        {
            var roles = Of(type);
            roles[axis - 1] = AxisRole.Class;
            nodes[id] = nodes[id] with { Type = type.WithRoles(roles) };

            var node = spec.Nodes[id];
            var layout = OpCatalogue.For(node.Op)?.Layout(node.Op) ?? FeatureLayout.NotKnown;
            bool keepsAxes = (layout.Kind == FeatureLayoutKind.FromInput && layout.Move is null) ||
                (layout.Kind == FeatureLayoutKind.AtAxis && Axes.FromFront(layout.Axis, type.Rank) == axis);
            id = keepsAxes && node.Inputs.Count == 1 && nodes[node.Inputs[0]].Type?.Rank == type.Rank ? node.Inputs[0] : -1;
        }

        return analysis;
    }

    /// <summary>Channels on axis 1, then the input's time or spatial axes where it has them (a 1-D map's axis is time, others spatial).</summary>
    public static AxisRole[] ChannelsFirst(TensorType? input, int n)
    {
        if (n <= 1)
        {
            return Vector(n);
        }

        var roles = new AxisRole[n];
        roles[0] = AxisRole.Channel;
        for (int i = 1; i < n; i++)
        {
            var kept = input?.Dims.Count == n ? input.RoleAt(i + 1) : AxisRole.Unknown;
            roles[i] = kept is AxisRole.Time or AxisRole.Spatial ? kept : n == 2 ? AxisRole.Time : AxisRole.Spatial;
        }

        return roles;
    }

    /// <summary>
    /// The roles a declared input reads as: [B, F] features; [B, T, F] time x feature (a symbolic second size reads as
    /// channels x time, two fixed sizes say nothing); [B, C, H, W] and up channels x spatial; int64 [B, T] token ids time.
    /// </summary>
    public static AxisRole[] Declared(EquatableArray<DimExpr> dims, DType dtype)
    {
        int n = dims.Count;
        if (dtype == DType.Int64)
        {
            return n == 1 ? new[] { AxisRole.Time } : System.Array.Empty<AxisRole>();
        }

        return n switch
        {
            1 => new[] { AxisRole.Feature },
            2 when !dims[0].IsKnown => new[] { AxisRole.Time, AxisRole.Feature },
            2 when !dims[1].IsKnown => new[] { AxisRole.Channel, AxisRole.Time },
            2 => System.Array.Empty<AxisRole>(),
            _ => ChannelsFirst(null, n),
        };
    }

    /// <summary>The roles of an input declared with a layout: channels first ([C, L], [C, H, W]) or channels last ([T, F], [H, W, C]).</summary>
    public static AxisRole[] Declared(int n, bool channelsFirst)
    {
        if (n <= 1)
        {
            return Vector(n);
        }

        if (channelsFirst)
        {
            return ChannelsFirst(null, n);
        }

        var roles = Enumerable.Repeat(n == 2 ? AxisRole.Time : AxisRole.Spatial, n).ToArray();
        roles[n - 1] = n == 2 ? AxisRole.Feature : AxisRole.Channel;
        return roles;
    }

    /// <summary>True for a sequence read as time x feature, [B, T, F] (an Embedding, a recurrent layer, a [B, T, F] input).</summary>
    public static bool IsTimeByFeature(TensorType type) =>
        type.Rank == 3 && type.RoleAt(1) == AxisRole.Time && type.RoleAt(2) is AxisRole.Feature or AxisRole.Channel or AxisRole.Class;

    /// <summary>
    /// True for a sequence with its time axis last, [B, C, T] or [B, F, T] (a Conv1d's output, a transposed embedding): a
    /// layer that reads [B, T, F] (recurrent, attention) would take the channels for steps.
    /// </summary>
    public static bool IsTimeLast(TensorType type) =>
        type.Rank == 3 && type.RoleAt(2) == AxisRole.Time && type.RoleAt(1) is AxisRole.Channel or AxisRole.Feature;

    /// <summary>
    /// Reports DSL0012 for a layer that reads batch-first sequences [B, T, F] (<paramref name="layer"/>: "Lstm",
    /// "MultiheadAttention") on <paramref name="operand"/> with its time axis last (<see cref="IsTimeLast"/>), and returns the
    /// failed analysis (null), as <see cref="ShapeContext.WrongLayout"/> does.
    /// </summary>
    public static NodeAnalysis? TimeLastSequence(ShapeContext context, TensorType operand, string layer)
    {
        var fixedType = new TensorType(EquatableArray.Create(operand.Dims[1], operand.Dims[0])).WithRoles(new[] { AxisRole.Time, operand.RoleAt(1) == AxisRole.Channel ? AxisRole.Channel : AxisRole.Feature });
        string what = operand.RoleAt(1) == AxisRole.Channel ? "channels" : "features";
        return context.WrongLayout(
            "a batch-first sequence [B, T, F]",
            $"{layer} would read the {operand.Dims[0]} {what} as steps of {operand.Dims[1]} values each; insert .Transpose(1, 2) before it to give it {Text(fixedType)} (a Conv1d's output is channels first; a recurrent layer and attention step through axis 1)",
            FixSpec.Of(FixKinds.InsertCalls, ".Transpose(1, 2)"),
            operand);
    }

    /// <summary>True for a 2-d map with its channels last, [B, H, W, C] (a Keras image declared so, or a Permute(0, 2, 3, 1)).</summary>
    public static bool IsChannelsLastMap(TensorType type) =>
        type.Rank == 4 && type.RoleAt(1) == AxisRole.Spatial && type.RoleAt(2) == AxisRole.Spatial && type.RoleAt(3) == AxisRole.Channel;

    /// <summary>
    /// Reports DSL0012 for a layer that reads channels-first maps [B, C, H, W] on a channels-last <paramref name="input"/>
    /// (<see cref="IsChannelsLastMap"/>), with what it would do instead (<paramref name="effect"/>), and returns the failed
    /// analysis (null).
    /// </summary>
    public static NodeAnalysis? ChannelsLastMap(ShapeContext context, TensorType input, string effect) =>
        context.WrongLayout(
            "channels first [B, C, H, W]",
            $"it would {effect}; insert .Permute(0, 3, 1, 2) before it to move the {input.Dims[2]} channels first (PyTorch's 2-d layers are channels first, unlike Keras')",
            FixSpec.Of(FixKinds.InsertCalls, ".Permute(0, 3, 1, 2)"));

    /// <summary>True for a channels-first map [B, C, ...] whose other axes are time or spatial.</summary>
    public static bool IsChannelsFirst(TensorType type) =>
        type.Rank >= 3 && type.RoleAt(1) == AxisRole.Channel && Enumerable.Range(2, type.Rank - 2).All(a => type.RoleAt(a) is AxisRole.Time or AxisRole.Spatial);

    /// <summary>The shape with the roles it has, <see cref="TensorType.RoleShapeText"/>: <c>[B, T:200, F:128]</c>.</summary>
    public static string Text(TensorType type) => type.RoleShapeText;

    /// <summary>How a layout reads in words: "time x feature", "channel x spatial x spatial".</summary>
    public static string Words(TensorType type) =>
        type.Dims.Count == 0 ? "a batch of scalars" : string.Join(" x ", Enumerable.Range(1, type.Dims.Count).Select(a => type.RoleAt(a).ToString().ToLowerInvariant()));

    /// <summary>The roles of <paramref name="type"/>'s dimensions after the batch.</summary>
    public static AxisRole[] Of(TensorType type) => Enumerable.Range(1, type.Dims.Count).Select(type.RoleAt).ToArray();

    private static AxisRole[] Vector(int n) => n == 1 ? new[] { AxisRole.Feature } : System.Array.Empty<AxisRole>();

    /// <summary>Each input axis's role carried to where the op's move puts it; axes merged into one keep a role they share, else features.</summary>
    private static AxisRole[] Moved(FeatureLayout layout, TensorType input, TensorType output)
    {
        int n = output.Dims.Count;
        if (n == 1)
        {
            return Vector(1);
        }

        var roles = new AxisRole[n];
        var filled = new bool[n];
        for (int axis = 1; axis < input.Rank; axis++)
        {
            if (layout.Move!(axis, output.Rank, input.Rank) is int to && to >= 1 && to <= n)
            {
                var role = input.RoleAt(axis);
                roles[to - 1] = !filled[to - 1] || roles[to - 1] == role ? role : AxisRole.Feature;
                filled[to - 1] = true;
            }
        }

        return roles.Any(r => r != AxisRole.Unknown) ? roles : System.Array.Empty<AxisRole>();
    }
}
