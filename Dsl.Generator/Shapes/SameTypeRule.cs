using System;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Shapes;

/// <summary>
/// The shape rule of an op whose output has its one input's type (an element-wise function, dropout, a flip): the
/// op only checks its arguments, in an override of <see cref="Check"/> or in the delegate given to the constructor
/// (<c>new SameTypeRule&lt;FlipOp&gt;((op, context) =&gt; ok || context.Reject("dim", ...))</c>), so a trivial op needs no rule file.
/// </summary>
internal class SameTypeRule<TOp> : ShapeRule<TOp>
    where TOp : Op
{
    private readonly Func<TOp, ShapeContext, bool>? check;

    /// <param name="check">Checks the op's arguments against the input (<see cref="ShapeContext.Input"/>); reports through <see cref="ShapeContext.Reject"/>. Null: nothing to check.</param>
    public SameTypeRule(Func<TOp, ShapeContext, bool>? check = null)
    {
        this.check = check;
    }

    protected sealed override NodeAnalysis? Infer(TOp op, ShapeContext context) =>
        Check(op, context) ? ShapeContext.Ok(context.Input) : null;

    /// <summary>Checks <paramref name="op"/>'s arguments against the input; reports through <paramref name="context"/> and returns false where one does not fit.</summary>
    protected virtual bool Check(TOp op, ShapeContext context) => check is null || check(op, context);
}
