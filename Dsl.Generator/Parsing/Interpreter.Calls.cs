using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Dsl.Generator.Parsing;

/// <summary>Invocations: DSL calls (handed to <see cref="DslCalls"/>), lambdas, inlined static helpers and Math.</summary>
internal sealed partial class Interpreter
{
    private object? Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (DslCalls.IsDslType(method.ContainingType))
        {
            return calls.Invoke(invocation);
        }

        if (method.ContainingType.SpecialType == SpecialType.None && method.ContainingType.ToDisplayString() == "System.Math")
        {
            return MathCall(invocation);
        }

        if (method.IsStatic && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0 && method.MethodKind == MethodKind.Ordinary)
        {
            return InlineHelper(invocation);
        }

        throw Unsupported(invocation, $"'{method.ContainingType.Name}.{method.Name}' cannot run at compile time; only DSL methods, Math.Min / Max / Abs and static helper methods declared in this project can");
    }

    /// <summary>Runs a lambda (a shared block's body) with its single parameter bound to <paramref name="argument"/>.</summary>
    /// <summary>The current frame, captured by a lambda when it is declared (see <see cref="InvokeLambda"/>).</summary>
    public object CurrentFrame => frame;

    public object? InvokeLambda(IAnonymousFunctionOperation lambda, object enclosing, object? argument)
    {
        if (lambda.Symbol.Parameters.Length != 1)
        {
            throw Unsupported(lambda, "a block's lambda takes exactly one node");
        }

        var callee = new Frame(frame, (Frame)enclosing);
        callee.Set(lambda.Symbol.Parameters[0], argument);
        var caller = frame;
        frame = callee;
        try
        {
            Execute(lambda.Body);
            return callee.ReturnValue;
        }
        finally
        {
            frame = caller;
        }
    }

    private object? InlineHelper(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        Step(invocation, CallCost);
        var body = BodyOf(method);
        if (body is not IMethodBodyOperation)
        {
            throw Unsupported(invocation, $"the body of '{method.Name}' is not available in source");
        }

        if (depth >= MaxCallDepth)
        {
            throw new InterpretationError(Descriptors.RecursionTooDeep, invocation.Syntax, method.Name, MaxCallDepth.ToString(CultureInfo.InvariantCulture));
        }

        var callee = new Frame(frame);
        foreach (var argument in invocation.Arguments)
        {
            callee.Set(argument.Parameter!, Evaluate(argument.Value));
        }

        var caller = frame;
        frame = callee;
        depth++;
        try
        {
            Execute(body);
            return callee.ReturnValue;
        }
        finally
        {
            depth--;
            frame = caller;
        }
    }

    /// <summary>A helper's bound body, bound once per interpretation: binding is by far the dearest part of a call.</summary>
    private IOperation? BodyOf(IMethodSymbol method)
    {
        if (!helperBodies.TryGetValue(method, out var body))
        {
            var syntax = reads.Syntax(method.DeclaringSyntaxReferences[0], cancellationToken);
            body = reads.Bind(compilation, syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
            helperBodies[method] = body;
        }

        return body;
    }

    private object? MathCall(IInvocationOperation invocation)
    {
        var args = invocation.Arguments.Select(a => Evaluate(a.Value)).ToArray();
        string name = invocation.TargetMethod.Name;
        if (args.All(IsNumber) && (args.Length == 2 && name is "Max" or "Min" || args.Length == 1 && name == "Abs"))
        {
            if (args.All(a => a is long))
            {
                long a = (long)args[0]!;
                return name == "Abs" ? Math.Abs(a) : name == "Max" ? Math.Max(a, (long)args[1]!) : Math.Min(a, (long)args[1]!);
            }

            double x = ToDouble(args[0]);
            return name == "Abs" ? Math.Abs(x) : name == "Max" ? Math.Max(x, ToDouble(args[1])) : Math.Min(x, ToDouble(args[1]));
        }

        throw Unsupported(invocation, $"'Math.{name}' cannot run at compile time; only Math.Min, Math.Max and Math.Abs on numbers can");
    }
}
