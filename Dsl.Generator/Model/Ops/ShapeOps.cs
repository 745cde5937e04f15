namespace Dsl.Generator.Model.Ops;

/// <summary><c>Flatten()</c>: [B, d1, ..., dn] to [B, d1*...*dn].</summary>
internal sealed record FlattenOp : Op
{
    public override string Kind => "Flatten";
}

/// <summary><c>Reshape(dims...)</c> of everything after the batch.</summary>
internal sealed record ReshapeOp(EquatableArray<int> Dims) : Op
{
    public override string Kind => "Reshape";
}

/// <summary><c>Flip(dim)</c>: reverses the order along one dimension (0 is the batch).</summary>
internal sealed record FlipOp(int Dim) : Op
{
    public override string Kind => "Flip";
}

/// <summary><c>Ops.Concat(dim, nodes...)</c>.</summary>
internal sealed record ConcatOp(int Dim) : Op
{
    public override string Kind => "Concat";
}
