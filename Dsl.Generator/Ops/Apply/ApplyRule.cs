using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// <c>tower.Apply(x, ...)</c>: the used model's inputs, in order, must receive nodes of their declared shapes (a
/// symbolic dimension of the submodel accepts any size). The submodel's parameters are counted once, on its
/// first application (all of them non-trainable when it is frozen). The node's type is the submodel's first
/// output, for display; the outputs are read by <see cref="OutputOfRule"/>.
/// </summary>
internal sealed class ApplyRule : ShapeRule<ApplyOp>
{
    public override bool AcceptsInputCount(int count) => count >= 0;

    // A submodel may take int64 indices (its own Embedding reads them): the dtypes are compared below.
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(ApplyOp op, ShapeContext context)
    {
        var use = context.Uses.Count > op.Use ? context.Uses[op.Use] : null;
        var sub = use?.Model;
        if (use is null || sub is null || !sub.CanEmit)
        {
            // The submodel's own diagnostics (or the cycle) explain why it cannot be applied.
            return null;
        }

        var inputs = sub.Spec.Nodes.Where(n => n.Op is InputOp).ToList();
        string className = sub.Spec.ClassName;
        if (inputs.Count != context.Inputs.Count)
        {
            string expected = string.Join(", ", inputs.Select(i => ((InputOp)i.Op).Name + " " + sub.TypeOf(i.Id).ShapeText));
            return context.Fail(Descriptors.ApplyArity, use.Use.Name, className, inputs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), expected, context.Inputs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            var expected = sub.TypeOf(inputs[i].Id);
            var actual = context.Inputs[i];
            bool matches = expected.Dims.Count == actual.Dims.Count &&
                expected.Dims.Zip(actual.Dims, (e, a) => !e.IsKnown || e.Equals(a)).All(ok => ok);
            if (!matches || expected.DType != actual.DType)
            {
                bool dtypes = expected.DType != actual.DType;
                return context.Fail(Descriptors.ApplyInputShape, use.Use.Name, ((InputOp)inputs[i].Op).Name, className, dtypes ? expected.TypeText : expected.ShapeText, dtypes ? actual.TypeText : actual.ShapeText);
            }
        }

        bool first = context.Spec.Nodes.First(n => n.Op is ApplyOp a && a.Use == op.Use).Id == context.Node.Id;
        long trainable = first ? sub.Nodes.Sum(n => n.TrainableParameters) : 0;
        long nonTrainable = first ? sub.Nodes.Sum(n => n.NonTrainableParameters) : 0;
        if (use.Use.Frozen)
        {
            (trainable, nonTrainable) = (0, trainable + nonTrainable);
        }

        var firstOutput = sub.Spec.Outputs.FirstOrDefault(o => !o.ForLoss) ?? sub.Spec.Outputs[0];
        // Every application runs the whole submodel: its work counts each time (its parameters only once).
        long? macs = sub.Nodes.Aggregate((long?)0, (sum, n) => sum is long s && n.Macs is long m ? SizeLimits.Add(s, m) : null);
        return ShapeContext.Ok(sub.TypeOf(firstOutput.Node), trainable, nonTrainable, macs: macs);
    }
}
