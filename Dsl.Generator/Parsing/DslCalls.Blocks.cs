using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>Shared blocks: <c>g.Block(name, x =&gt; ...)</c> and its applications.</summary>
internal sealed partial class DslCalls
{
    private BlockRef Block(Call call)
    {
        string name = call.String("name");
        var argument = ((IInvocationOperation)call.At).Arguments.First(a => a.Parameter!.Name == "body").Value;
        while (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        var lambda = (argument as IDelegateCreationOperation)?.Target as IAnonymousFunctionOperation ?? argument as IAnonymousFunctionOperation
            ?? throw new InterpretationError(Descriptors.Unsupported, argument.Syntax, Interpreter.Text(argument), "the body of g.Block must be a lambda written in place (x => x.Linear(64).Relu())");
        if (!Names.IsIdentifier(name))
        {
            throw new InterpretationError(Descriptors.InvalidName, argument.Syntax, name, "a block", "use ASCII letters, digits and '_', starting with a letter or '_'");
        }

        return new BlockRef(name, lambda, interpreter.CurrentFrame, call.Site);
    }

    private NodeRef ApplyBlock(Call call)
    {
        var instance = ((IInvocationOperation)call.At).Instance;
        var block = instance is not null && FailedValue.Check(interpreter.Evaluate(instance)) is BlockRef b
            ? b
            : throw new InterpretationError(Descriptors.UninitializedNode, instance?.Syntax ?? call.At.Syntax, "The block");
        var input = call.Node("input");
        return graph.ApplyBlock(block, call.Site, () => interpreter.InvokeLambda(block.Body, block.Enclosing, input) as NodeRef
            ?? throw new InterpretationError(Descriptors.UninitializedNode, block.Body.Syntax, "The result of block '" + block.Name + "'"));
    }
}
