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

/// <summary>Used models: <c>g.Use&lt;T&gt;</c>, <c>Apply</c>, <c>ApplyAll</c> and reading one of its outputs.</summary>
internal sealed partial class DslCalls
{
    private SubModelRef Use(Call call, IMethodSymbol method)
    {
        var type = method.TypeArguments[0];
        string name = call.String("name");
        string? problem =
            type is not INamedTypeSymbol named ? "is not a class" :
            !named.GetAttributes().Any(a => a.AttributeClass is { Name: "ModelAttribute" } attribute && IsDslType(attribute)) ? "is not a [Model] class; add [Model] to it and declare its graph in Define" :
            named.DeclaringSyntaxReferences.Length == 0 ? "is declared in another assembly; g.Use needs a [Model] of this project" :
            null;
        if (problem is not null)
        {
            throw new InterpretationError(Descriptors.NotAModel, Interpreter.CallLocation(call.At.Syntax), type.ToDisplayString(), problem);
        }

        string fullName = type.ContainingNamespace.IsGlobalNamespace ? type.Name : type.ContainingNamespace.ToDisplayString() + "." + type.Name;
        return graph.AddUse(name, call.SiteOf("name"), fullName, call.Bool("frozen", defaultValue: false), call.Site);
    }

    private NodeRef Apply(Call call)
    {
        var instance = ((IInvocationOperation)call.At).Instance;
        var sub = instance is not null && FailedValue.Check(interpreter.Evaluate(instance)) is SubModelRef s
            ? s
            : throw new InterpretationError(Descriptors.UninitializedNode, instance?.Syntax ?? call.At.Syntax, "The submodel");
        var inputs = call.Array("inputs").Select(n => n as NodeRef ?? throw new InterpretationError(Descriptors.UninitializedNode, call.At.Syntax, "An input of " + sub.Name + "." + call.Method)).ToList();
        return graph.AddNode(new ApplyOp(sub.Index, sub.Name), inputs, null, call.Site, call.Site, call.ArgSites());
    }

    /// <summary><c>ApplyAll(...)["name"]</c>: a node reading one output of the application.</summary>
    public NodeRef OutputOf(ApplyAllRef application, object? key, IOperation at)
    {
        if (key is not string output)
        {
            throw Interpreter.NotConstant(at, "The output name");
        }

        int site = interpreter.Site(at.Syntax);
        return graph.AddNode(new OutputOfOp(output), new[] { application.Call }, null, site, site, EquatableArray<ArgSite>.Empty);
    }
}
