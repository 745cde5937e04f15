using System.Linq;

namespace Dsl.Generator.Model;

/// <summary>The element type of a node.</summary>
internal enum DType
{
    Float32,
    Int64,
}

/// <summary>
/// What one axis of a tensor means, as PyTorch and Keras code reads it: declared by inputs, produced by ops (each
/// op's descriptor, <c>Ops.OpDescriptor.Roles</c>) and demanded by ops that read an axis by position (Conv1d wants
/// channels before time, LayerNorm features last). <see cref="Unknown"/> where nothing tells (a Reshape, a submodel).
/// </summary>
internal enum AxisRole : byte
{
    Unknown,
    Batch,
    Channel,
    Time,
    Spatial,
    Feature,
    Class,
    Head,
}

/// <summary>
/// The static type of a node: its shape after the batch dimension, and its dtype. <see cref="IsSpatial"/> tags a
/// channels-first feature map [B, C, H, W] (set by images and the convolution / pooling rules, kept by element-wise
/// ops, cleared by every rule that builds a new type): Linear reads it to tell a feature map it must not apply to
/// per position from a [B, T, F] sequence. Shape checks compare <see cref="Dims"/>, so the tag never makes two
/// shapes differ.
/// </summary>
internal sealed record TensorType(EquatableArray<DimExpr> Dims, DType DType = DType.Float32)
{
    /// <summary>True for a channels-first feature map (see the type's summary).</summary>
    public bool IsSpatial { get; init; }

    /// <summary>
    /// True for a batch of one: axis 0 has size 1 instead of the batch B (a <c>g.Parameter</c>, a constant, positions).
    /// It broadcasts against [B, ...] in element-wise ops; ops of one input keep it (see <c>Shapes.Broadcast.Batch</c>).
    /// </summary>
    public bool BatchOne { get; init; }

    /// <summary>
    /// True for a batch-level tensor: a sample's values depend on the other samples of the batch. The ops that mix
    /// samples set it (<c>Ops.BatchSimilarity</c>'s [B, B], whose columns are the samples of the other batch and whose
    /// second axis is the batch size <see cref="DimExpr.BatchSize"/>; <c>x.BatchMean()</c>'s batch statistic, a batch of
    /// one); every op that reads one keeps it (<c>Shapes.BatchLevel</c>). Per-sample ops that would compute a wrong
    /// result on it (a batch norm of a statistic, per-sample targets against a statistic) are DSL0010.
    /// </summary>
    public bool MixesSamples { get; init; }

    /// <summary>
    /// The role of each dimension after the batch (<see cref="Dims"/>' order), one character per axis (an
    /// <see cref="AxisRole"/> as a digit, so the type stays value-equatable), attached after the op's rule by
    /// <c>Shapes.AxisRoles</c>; empty where none is known. Like <see cref="IsSpatial"/>, it never makes two shapes differ.
    /// </summary>
    public string RoleCode { get; init; } = "";

    /// <summary>The role of <paramref name="axis"/>, counted with the batch (0 is the batch); Unknown outside the known roles.</summary>
    public AxisRole RoleAt(int axis) => axis == 0 ? AxisRole.Batch : axis > 0 && axis <= RoleCode.Length ? (AxisRole)(RoleCode[axis - 1] - '0') : AxisRole.Unknown;

    /// <summary>This type with <paramref name="roles"/> (one per dimension after the batch).</summary>
    public TensorType WithRoles(System.Collections.Generic.IReadOnlyList<AxisRole> roles) =>
        this with { RoleCode = new string(roles.Select(r => (char)('0' + (int)r)).ToArray()) };

    /// <summary>This type tagged as a channels-first feature map.</summary>
    public TensorType AsSpatial() => IsSpatial ? this : this with { IsSpatial = true };

    /// <summary>Rank including the batch dimension.</summary>
    public int Rank => Dims.Count + 1;

    public bool IsFullyKnown => Dims.All(d => d.IsKnown);

    public static TensorType Of(params int[] dims) => new(dims.Select(DimExpr.Of).ToEquatableArray());

    /// <summary>The shape as users read it: <c>[B, 1, 28, 28]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", new[] { BatchOne ? "1" : "B" }.Concat(Dims.Select(d => d.ToString()))) + "]";

    /// <summary>
    /// The shape with each axis's role, as hovers, shape comments and the layer table show it: <c>[B, C:64, H:12, W:12]</c>,
    /// <c>[B, T, F:128]</c>. The letters: B batch (1 for a batch of one), C channel, T time, H and W the spatial axes
    /// of a 2-D map (D, H, W of a 3-D one, S otherwise), F feature, K class, Hd head; a symbolic size that names its letter (T or
    /// T - 2 on a time axis, (H - 1) / 2 on H) shows without it, and an axis of unknown role shows its size alone. Messages and run-time
    /// checks keep <see cref="ShapeText"/>.
    /// </summary>
    public string RoleShapeText
    {
        get
        {
            if (RoleCode.Length == 0)
            {
                return ShapeText;
            }

            int spatial = RoleCode.Count(c => c - '0' == (int)AxisRole.Spatial), seen = 0;
            var text = new System.Text.StringBuilder("[").Append(BatchOne ? "1" : "B");
            for (int i = 0; i < Dims.Count; i++)
            {
                var role = RoleAt(i + 1);
                string letter = role == AxisRole.Spatial ? SpatialLetter(seen++, spatial) : RoleLetter(role);
                string size = Dims[i].ToString();
                text.Append(", ").Append(letter.Length == 0 || Names(size, letter) ? size : letter + ":" + size);
            }

            return text.Append(']').ToString();
        }
    }

    /// <summary>The letter of a role in <see cref="RoleShapeText"/> (spatial axes are lettered by position).</summary>
    public static string RoleLetter(AxisRole role) => role switch
    {
        AxisRole.Channel => "C",
        AxisRole.Time => "T",
        AxisRole.Spatial => "S",
        AxisRole.Feature => "F",
        AxisRole.Class => "K",
        AxisRole.Head => "Hd",
        _ => "",
    };

    /// <summary>True where a symbolic size already names its role: <c>T</c> or <c>T - 2</c> on a time axis, <c>(H - 1) / 2</c> on H.</summary>
    private static bool Names(string size, string letter) =>
        size.Split(' ', '(', ')', '+', '-', '*', '/').Contains(letter);

    private static string SpatialLetter(int index, int count) =>
        count == 2 ? (index == 0 ? "H" : "W") : count == 3 ? (index == 0 ? "D" : index == 1 ? "H" : "W") : "S";

    public string DTypeText => DType == DType.Int64 ? "int64" : "float32";

    /// <summary>The shape and dtype: <c>[B, T] int64</c>.</summary>
    public string TypeText => ShapeText + " " + DTypeText;

    public override string ToString() => ShapeText;
}
