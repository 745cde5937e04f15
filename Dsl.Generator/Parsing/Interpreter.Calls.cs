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
            return Recovering(() => calls.Invoke(invocation));
        }

        if (method.ContainingType.SpecialType == SpecialType.None && method.ContainingType.ToDisplayString() == "System.Math")
        {
            return MathCall(invocation);
        }

        if (method.ContainingType.ToDisplayString() == "System.Linq.Enumerable")
        {
            return Linq(invocation);
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is not null)
        {
            return InvokeDelegate(invocation);
        }

        if (!method.IsStatic && invocation.Instance is not null && (IsList(method.ContainingType) || IsDictionary(method.ContainingType)))
        {
            return CollectionCall(invocation, Evaluate(invocation.Instance));
        }

        if (!method.IsExtern && method.DeclaringSyntaxReferences.Length > 0 &&
            (method.IsStatic && method.MethodKind == MethodKind.Ordinary || method.MethodKind == MethodKind.LocalFunction))
        {
            return InlineHelper(invocation);
        }

        throw Unsupported(invocation, $"'{method.ContainingType.Name}.{method.Name}' cannot run at compile time; only DSL methods, Math.Min / Max / Abs, static helper methods and local functions declared in this project, List / Dictionary members and LINQ operators (Select, Where, Aggregate, Sum, ...) can");
    }

    /// <summary>
    /// Runs one DSL call (or operator on nodes). A mistake in it is reported and the call gives a
    /// <see cref="FailedValue"/>, so the rest of the expression and of Define is still checked; a call that reads a
    /// failed value gives one silently.
    /// </summary>
    private object? Recovering(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (InterpretationError error) when (!error.IsFatal)
        {
            Graph.ReportRecovered(error);
            return FailedValue.Instance;
        }
        catch (PoisonedValue)
        {
            return FailedValue.Instance;
        }
    }

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
        var body = HelperBody(method, invocation);

        if (depth >= MaxCallDepth)
        {
            throw new InterpretationError(Descriptors.RecursionTooDeep, invocation.Syntax, method.Name, MaxCallDepth.ToString(CultureInfo.InvariantCulture));
        }

        var callee = new Frame(frame, EnclosingOf(method));
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

        if (args.Length == 1 && IsNumber(args[0]) && name == "Sqrt")
        {
            // An attention's 1 / sqrt(d) scale, as its reference code writes it (math.sqrt(head_size)).
            return Math.Sqrt(ToDouble(args[0]));
        }

        throw Unsupported(invocation, $"'Math.{name}' cannot run at compile time; only Math.Min, Math.Max, Math.Abs and Math.Sqrt on numbers can");
    }
}
