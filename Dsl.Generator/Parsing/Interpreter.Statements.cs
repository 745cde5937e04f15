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

/// <summary>Plain C# statements: blocks, locals, if, loops (bounded), return; and the step budget.</summary>
internal sealed partial class Interpreter
{
    private Flow Execute(IOperation operation)
    {
        Step(operation);
        switch (operation)
        {
            case IMethodBodyOperation body:
                return Execute((IOperation?)body.BlockBody ?? body.ExpressionBody!);

            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    var flow = ExecuteRecovering(statement);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;

            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        frame.Set(declarator.Symbol, initializer is null ? Unassigned.Value : EvaluateRecovering(initializer.Value));
                    }
                }

                return Flow.Normal;

            case IExpressionStatementOperation statement:
                Evaluate(statement.Operation);
                return Flow.Normal;

            case IConditionalOperation conditional:
                if (EvaluateBool(conditional.Condition, "The condition of this 'if'"))
                {
                    return Execute(conditional.WhenTrue);
                }

                return conditional.WhenFalse is null ? Flow.Normal : Execute(conditional.WhenFalse);

            case IForLoopOperation loop:
                return ExecuteFor(loop);

            case IForEachLoopOperation loop:
                return ExecuteForEach(loop);

            case IWhileLoopOperation loop:
                return ExecuteWhile(loop);

            case IBranchOperation branch when branch.BranchKind == BranchKind.Break:
                return Flow.Break;

            case IBranchOperation branch when branch.BranchKind == BranchKind.Continue:
                return Flow.Continue;

            case IReturnOperation ret:
                frame.ReturnValue = ret.ReturnedValue is null ? null : EvaluateRecovering(ret.ReturnedValue);
                return Flow.Return;

            case ILocalFunctionOperation localFunction:
                // Declared, not run: a call to it is inlined like a static helper's, reading the locals of this frame.
                localFunctionFrames[localFunction.Symbol] = frame;
                return Flow.Normal;

            case IEmptyOperation:
                return Flow.Normal;

            default:
                throw Unsupported(operation, "this kind of statement is not supported; Define may use local variables, for / foreach / while loops, if / else, break / continue, return in helpers, and expression statements");
        }
    }

    /// <summary>
    /// Runs one statement of a block. A mistake in it is reported and the locals it assigns become failed values
    /// (<see cref="FailedValue"/>), so that Define goes on and reports the mistakes that do not depend on this one.
    /// </summary>
    private Flow ExecuteRecovering(IOperation statement)
    {
        try
        {
            return Execute(statement);
        }
        catch (InterpretationError error) when (!error.IsFatal)
        {
            Graph.ReportRecovered(error);
        }
        catch (PoisonedValue)
        {
            // Computed from a value whose mistake is already reported.
        }

        foreach (var assigned in statement.DescendantsAndSelf())
        {
            switch (assigned)
            {
                case IVariableDeclaratorOperation declarator:
                    frame.Set(declarator.Symbol, FailedValue.Instance);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation local }:
                    frame.Set(local.Local, FailedValue.Instance);
                    break;
                case IAssignmentOperation { Target: IParameterReferenceOperation parameter }:
                    frame.Set(parameter.Parameter, FailedValue.Instance);
                    break;
            }
        }

        // A failed return still leaves the helper: its result is a failed value.
        if (statement is IReturnOperation)
        {
            frame.ReturnValue = FailedValue.Instance;
            return Flow.Return;
        }

        return Flow.Normal;
    }

    /// <summary>Evaluates an expression; a mistake in it is reported and gives a <see cref="FailedValue"/>.</summary>
    private object? EvaluateRecovering(IOperation operation)
    {
        try
        {
            return Evaluate(operation);
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

    private Flow ExecuteFor(IForLoopOperation loop)
    {
        foreach (var before in loop.Before)
        {
            Execute(before);
        }

        while (loop.Condition is null || EvaluateBool(loop.Condition, "The loop condition"))
        {
            if (Iterate(loop, loop.Body) is { } exit)
            {
                return exit;
            }

            foreach (var bottom in loop.AtLoopBottom)
            {
                Execute(bottom);
            }
        }

        return Flow.Normal;
    }

    private Flow ExecuteForEach(IForEachLoopOperation loop)
    {
        var collection = FailedValue.Check(Evaluate(loop.Collection));
        if (collection is not (object?[] or List<object?> or Dictionary<object, object?>))
        {
            throw NotConstant(loop.Collection, "The collection of this 'foreach'");
        }

        foreach (var item in Items(collection, loop.Collection).ToArray())
        {
            switch (loop.LoopControlVariable)
            {
                case IDeclarationExpressionOperation or ITupleOperation:
                    AssignDeconstructed(loop.LoopControlVariable, item, loop.Collection);
                    break;
                case IVariableDeclaratorOperation declarator:
                    frame.Set(declarator.Symbol, item);
                    break;
                case IVariableDeclarationOperation declaration when declaration.Declarators.Length == 1:
                    frame.Set(declaration.Declarators[0].Symbol, item);
                    break;
                default:
                    throw Unsupported(loop.LoopControlVariable, "only a single loop variable is supported");
            }

            if (Iterate(loop, loop.Body) is { } exit)
            {
                return exit;
            }
        }

        return Flow.Normal;
    }

    private Flow ExecuteWhile(IWhileLoopOperation loop)
    {
        bool first = true;
        while (true)
        {
            if (loop.Condition is not null && (loop.ConditionIsTop || !first))
            {
                bool value = EvaluateBool(loop.Condition, "The loop condition");
                if (value == loop.ConditionIsUntil)
                {
                    break;
                }
            }

            first = false;
            if (Iterate(loop, loop.Body) is { } exit)
            {
                return exit;
            }
        }

        return Flow.Normal;
    }

    /// <summary>Runs one iteration of a loop's body: null to go on, or the flow that ends the loop (normal after a break, or a return).</summary>
    private Flow? Iterate(IOperation loop, IOperation body)
    {
        CountIteration(loop);
        return Execute(body) switch
        {
            Flow.Break => Flow.Normal,
            Flow.Return => Flow.Return,
            _ => null,
        };
    }

    private void CountIteration(IOperation loop)
    {
        if (++iterations > MaxLoopIterations)
        {
            // Underline the condition: it is what keeps the loop going.
            var at = loop switch
            {
                IForLoopOperation { Condition: { } condition } => condition.Syntax,
                IWhileLoopOperation { Condition: { } condition } => condition.Syntax,
                IForEachLoopOperation forEach => forEach.Collection.Syntax,
                _ => loop.Syntax,
            };
            throw new InterpretationError(Descriptors.RunawayLoop, at, MaxLoopIterations.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Step(IOperation operation, int cost = 1)
    {
        steps += cost;
        if (steps > MaxSteps)
        {
            throw new InterpretationError(Descriptors.BudgetExceeded, operation.Syntax, MaxSteps.ToString(CultureInfo.InvariantCulture), "evaluation steps");
        }

        if (steps >= nextCancellationCheck)
        {
            nextCancellationCheck = steps + 1024;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
