using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary><c>Softmax(dim)</c> or <c>LogSoftmax(dim)</c>.</summary>
internal sealed record SoftmaxOp(int Dim, bool Log) : Op
{
    public override string Kind => Log ? "LogSoftmax" : "Softmax";

    public override string NamePrefix => Log ? "log_softmax" : "softmax";
}
