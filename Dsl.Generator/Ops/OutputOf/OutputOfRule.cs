using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Shapes;

namespace Dsl.Generator.Ops;

/// <summary>
/// One output of a submodel application: <c>Apply(x)</c> needs a submodel with exactly one declared output;
/// <c>ApplyAll(x)["name"]</c> needs an output of that name. The type is that output's type.
/// </summary>
internal sealed class OutputOfRule : ShapeRule<OutputOfOp>
{
    // Its input is the application, which carries the submodel's types (of any dtype).
    public override bool AcceptsIndices => true;

    protected override NodeAnalysis? Infer(OutputOfOp op, ShapeContext context)
    {
        var application = (ApplyOp)context.Spec.Nodes[context.Node.Inputs[0]].Op;
        var use = context.Uses[application.Use];
        var sub = use.Model!;
        var outputs = sub.Spec.Outputs.Where(o => !o.ForLoss).ToList();
        string names = string.Join(", ", outputs.Select(o => o.Name));
        if (op.Output is null)
        {
            if (outputs.Count != 1)
            {
                return context.Fail(Descriptors.ApplyOnMultiOutput, use.Use.Name, sub.Spec.ClassName, outputs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), names, outputs.FirstOrDefault()?.Name ?? "name");
            }

            return ShapeContext.Ok(sub.TypeOf(outputs[0].Node));
        }

        var output = outputs.FirstOrDefault(o => o.Name == op.Output);
        return output is null
            ? context.Fail(Descriptors.UnknownSubmodelOutput, use.Use.Name, op.Output, sub.Spec.ClassName, names)
            : ShapeContext.Ok(sub.TypeOf(output.Node));
    }
}
