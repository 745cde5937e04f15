using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>The shape rule of one op: from the types of a node's inputs to its own type and parameter counts.</summary>
internal interface IShapeRule
{
    /// <summary>True when a node of this op may read <paramref name="count"/> inputs (the parser guarantees it; checked defensively).</summary>
    bool AcceptsInputCount(int count);

    /// <summary>
    /// True when the op reads int64 inputs (indices: Embedding, a submodel's inputs); shape inference reports every
    /// other op given one (DSL0009), so a rule sees int64 inputs only when it says so.
    /// </summary>
    bool AcceptsIndices { get; }

    /// <summary>
    /// Infers the node's analysis, or reports a diagnostic through <paramref name="context"/> and returns null.
    /// Called only when every input's type is known.
    /// </summary>
    NodeAnalysis? Infer(ShapeContext context);
}

/// <summary>Base of the rules: casts the node's op to <typeparamref name="TOp"/>; one input unless overridden.</summary>
internal abstract class ShapeRule<TOp> : IShapeRule
    where TOp : Op
{
    public virtual bool AcceptsInputCount(int count) => count == 1;

    public virtual bool AcceptsIndices => false;

    public NodeAnalysis? Infer(ShapeContext context) => Infer((TOp)context.Node.Op, context);

    protected abstract NodeAnalysis? Infer(TOp op, ShapeContext context);
}
