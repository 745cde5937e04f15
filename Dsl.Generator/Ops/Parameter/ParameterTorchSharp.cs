using Dsl.Generator.Emit;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using static Dsl.Generator.Emit.TorchSharpCode;

namespace Dsl.Generator.Ops;

/// <summary>A <c>Parameter</c> field, registered under the node's name (not a module: no <c>.weight</c> suffix).</summary>
internal sealed class ParameterTorchSharp : TorchSharpEmitter<ParameterOp>
{
    public override string? FieldType(Op op) => "global::TorchSharp.Modules.Parameter";

    protected override string Construction(ParameterOp op, NodeSpec node, AnalyzedModel model) =>
        $"new global::TorchSharp.Modules.Parameter({Values(op)})";

    protected override ForwardStep Forward(ParameterOp op, NodeSpec node, AnalyzedModel model, MemberNames names) =>
        new($"this.{names.Field(node.Id)}");

    private static string Values(ParameterOp op)
    {
        string shape = "new long[] { " + string.Join(", ", System.Linq.Enumerable.Select(op.Shape, Lit)) + " }";
        return op.Init switch
        {
            "Ones" => $"{Torch}ones({shape})",
            "Normal" => op.Std == 1 ? $"{Torch}randn({shape})" : $"{Torch}randn({shape}).mul_({Names.DoubleLiteral(op.Std)})",
            _ => $"{Torch}zeros({shape})",
        };
    }
}
