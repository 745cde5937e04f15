namespace Dsl.Generator.Model.Ops;

internal enum ActivationKind
{
    Relu,
    LeakyRelu,
    Sigmoid,
    Tanh,
}

/// <summary>An element-wise activation; <see cref="NegativeSlope"/> is used by LeakyRelu only.</summary>
internal sealed record ActivationOp(ActivationKind Activation, double NegativeSlope = 0) : Op
{
    public override string Kind => Activation.ToString();

    public override string NamePrefix => Activation == ActivationKind.LeakyRelu ? "leaky_relu" : Kind.ToLowerInvariant();
}

/// <summary><c>Softmax(dim)</c> or <c>LogSoftmax(dim)</c>.</summary>
internal sealed record SoftmaxOp(int Dim, bool Log) : Op
{
    public override string Kind => Log ? "LogSoftmax" : "Softmax";

    public override string NamePrefix => Log ? "log_softmax" : "softmax";
}

/// <summary><c>Dropout(p)</c>: identity in eval mode.</summary>
internal sealed record DropoutOp(double P) : Op
{
    public override string Kind => "Dropout";
}

internal enum BinaryKind
{
    Add,
    Subtract,
    Multiply,
}

/// <summary><c>a + b</c>, <c>a - b</c>, <c>a * b</c> on two nodes (shapes equal, or one side [B, 1]).</summary>
internal sealed record BinaryOp(BinaryKind Operator) : Op
{
    public override string Kind => Operator.ToString();

    public string Symbol => Operator switch
    {
        BinaryKind.Add => "+",
        BinaryKind.Subtract => "-",
        _ => "*",
    };
}

/// <summary>A node combined with a constant: <c>1 - x</c> (<see cref="ScalarOnLeft"/>), <c>x * 0.5</c>; negation is <c>0 - x</c>.</summary>
internal sealed record ScalarOp(BinaryKind Operator, double Scalar, bool ScalarOnLeft) : Op
{
    public override string Kind => "Scalar" + Operator;

    public override string NamePrefix => "scalar";
}

/// <summary><c>Ops.CosineSimilarity(a, b)</c>: [B, F] x [B, F] to [B, 1].</summary>
internal sealed record CosineSimilarityOp : Op
{
    public override string Kind => "CosineSimilarity";

    public override string NamePrefix => "cosine_similarity";
}

/// <summary><c>Ops.EuclideanDistance(a, b)</c>: [B, F] x [B, F] to [B, 1].</summary>
internal sealed record EuclideanDistanceOp : Op
{
    public override string Kind => "EuclideanDistance";

    public override string NamePrefix => "euclidean_distance";
}
