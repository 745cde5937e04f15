using System.Globalization;
using Dsl.Generator.Diagnostics;

namespace Dsl.Generator.Parsing;

/// <summary><c>x.Size(dim)</c>: a node's static size, read while Define runs (Keras' <c>x.shape[-1]</c>).</summary>
internal sealed partial class DslCalls
{
    private object Size(Call call)
    {
        var node = call.Node("node");
        if (call.Value("dim") is not long dim)
        {
            throw Interpreter.NotConstant(((Microsoft.CodeAnalysis.Operations.IInvocationOperation)call.At).Arguments[1].Value, "The axis of Size");
        }

        var type = graph.TypeSoFar(node);
        if (type is null)
        {
            if (graph.ReadsSubmodel(node))
            {
                throw new InterpretationError(Descriptors.Unsupported, call.At.Syntax, Interpreter.Text(call.At), "the shapes a submodel (g.Use) computes are known only after Define has run; pass the size to this code as a number");
            }

            // The node's shape failed to infer: its rule reports that when the graph is analyzed.
            graph.NoteUnknownRead();
            throw new PoisonedValue();
        }

        long axis = dim < 0 ? dim + type.Rank : dim;
        if (axis < 0 || axis >= type.Rank)
        {
            throw new InterpretationError(Descriptors.InvalidArgument, call.SyntaxOf("dim"), "Size", $"'dim' must be between {(-type.Rank).ToString(CultureInfo.InvariantCulture)} and {(type.Rank - 1).ToString(CultureInfo.InvariantCulture)} for {type.ShapeText}, but is {dim.ToString(CultureInfo.InvariantCulture)}");
        }

        if (axis == 0)
        {
            throw new InterpretationError(Descriptors.NeedsConcreteSize, Interpreter.CallLocation(call.At.Syntax), "Size(" + dim.ToString(CultureInfo.InvariantCulture) + ")", type.ShapeText, "B", "axis 0 is the batch, whose size is known only at run time; read another axis");
        }

        var size = type.Dims[(int)axis - 1];
        return size.IsKnown
            ? (long)size.Value
            : throw new InterpretationError(Descriptors.NeedsConcreteSize, Interpreter.CallLocation(call.At.Syntax), "Size(" + dim.ToString(CultureInfo.InvariantCulture) + ")", type.ShapeText, size.FirstSymbol ?? size.ToString(), "declare that axis with a number, or pass the size to this code as a parameter");
    }
}
