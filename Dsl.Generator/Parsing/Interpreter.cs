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

/// <summary>
/// Runs Define at compile time over Roslyn's <see cref="IOperation"/> tree: the C# subset of a model
/// declaration (locals, loops, if / ?:, int / double / bool / string arithmetic, interpolation, arrays of
/// constants, static helper methods inlined). DSL calls are handed to <see cref="DslCalls"/>, which builds the
/// graph. Anything else stops interpretation with a diagnostic at that spot. Loops, helper nesting and the total
/// work are bounded, so a runaway declaration cannot hang the build. Split by seam: this file holds the state, frames
/// and sites; <c>Interpreter.Statements.cs</c>, <c>Interpreter.Expressions.cs</c>, <c>Interpreter.Calls.cs</c> (DSL
/// calls, lambdas, inlined helpers, Math) and <c>Interpreter.Values.cs</c> (value formatting and errors).
/// </summary>
internal sealed partial class Interpreter
{
    public const int MaxLoopIterations = 10_000;
    public const int MaxCallDepth = 32;
    public const int MaxSteps = 1_000_000;

    /// <summary>
    /// What a helper call counts in <see cref="MaxSteps"/>: a call (a frame, its arguments, a return) costs about as
    /// much time as this many plain evaluation steps, so that the budget is one of time: a runaway declaration of
    /// any shape (a long loop, binary recursion) stops in well under a second.
    /// </summary>
    public const int CallCost = 16;

    private readonly Compilation compilation;
    private readonly SourceReads reads;
    private readonly CancellationToken cancellationToken;
    private readonly DslCalls calls;
    private readonly Dictionary<IMethodSymbol, IOperation?> helperBodies = new(SymbolEqualityComparer.Default);
    private Frame frame = new(null);
    private int depth;
    private int iterations;
    private int steps;
    private int nextCancellationCheck = 1024;

    public Interpreter(Compilation compilation, SourceReads reads, GraphBuilder graph, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.reads = reads;
        this.cancellationToken = cancellationToken;
        Graph = graph;
        calls = new DslCalls(this, graph);
    }

    public GraphBuilder Graph { get; }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    /// <summary>Interprets the body of Define with its graph parameter bound to the graph.</summary>
    public void RunDefine(IParameterSymbol graphParameter, IOperation body)
    {
        frame.Set(graphParameter, GraphRef.Instance);
        Execute(body);
    }

    // ----- sites -----

    /// <summary>The site of a call: from the method name to the closing parenthesis, or the whole expression.</summary>
    public int CallSite(SyntaxNode syntax) => Graph.AddSite(CallLocation(syntax));

    /// <summary>The location of a call from the method name to the closing parenthesis, or of the whole expression.</summary>
    public static Location CallLocation(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End);
            return Location.Create(syntax.SyntaxTree, span);
        }

        return syntax.GetLocation();
    }

    public int Site(SyntaxNode syntax) => Graph.AddSite(syntax.GetLocation());

    /// <summary>Marks a local declared without a value.</summary>
    private sealed class Unassigned
    {
        public static readonly Unassigned Value = new();
    }

    /// <summary>The locals and parameters of Define or of one inlined helper call.</summary>
    private sealed class Frame
    {
        private readonly Dictionary<ISymbol, object?> values = new(SymbolEqualityComparer.Default);

        public Frame(Frame? caller, Frame? enclosing = null)
        {
            Caller = caller;
            Enclosing = enclosing;
        }

        public Frame? Caller { get; }

        /// <summary>For a lambda: the frame it was written in, whose locals it reads (a closure).</summary>
        public Frame? Enclosing { get; }

        public object? ReturnValue { get; set; }

        public void Set(ISymbol symbol, object? value) => values[symbol] = value;

        /// <summary>Assigns a variable where it lives: this frame, or the frame a lambda or local function captured it from.</summary>
        public void Assign(ISymbol symbol, object? value)
        {
            for (var scope = this; scope is not null; scope = scope.Enclosing)
            {
                if (scope.values.ContainsKey(symbol))
                {
                    scope.values[symbol] = value;
                    return;
                }
            }

            values[symbol] = value;
        }

        public bool TryGet(ISymbol symbol, out object? value)
        {
            for (var scope = this; scope is not null; scope = scope.Enclosing)
            {
                if (scope.values.TryGetValue(symbol, out value))
                {
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
