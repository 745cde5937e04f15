using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit.Onnx;

/// <summary>
/// The ONNX nodes of an op given as one delegate, for a trivial op's descriptor: it writes its nodes through the
/// scope and returns the value holding the result (usually <see cref="OnnxScope.Output"/>), as <see cref="OnnxEmitter{TOp}"/> does.
/// </summary>
internal sealed class InlineOnnx<TOp> : OnnxEmitter<TOp>
    where TOp : Op
{
    private readonly Func<TOp, OnnxScope, string> emit;

    public InlineOnnx(Func<TOp, OnnxScope, string> emit)
    {
        this.emit = emit;
    }

    protected override string Emit(TOp op, NodeSpec node, OnnxScope scope) => emit(op, scope);
}
