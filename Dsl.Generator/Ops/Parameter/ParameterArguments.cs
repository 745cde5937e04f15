using System.Collections.Generic;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Parsing;

namespace Dsl.Generator.Ops;

/// <summary>Reads <c>g.Parameter(name, dim1, ..., init:, std:)</c> (the name is read as every layer's <c>name:</c>).</summary>
internal static class ParameterArguments
{
    private static readonly string[] DimParameters = { "dim1", "dim2", "dim3" };

    public static OpRead Read(Call call)
    {
        var dims = new List<int>();
        foreach (string parameter in DimParameters)
        {
            if (call.OptionalInt(parameter, min: 1) is int size)
            {
                dims.Add(size);
            }
        }

        string init = call.EnumMember("init") ?? "Zeros";
        return new OpRead(new ParameterOp(dims.ToEquatableArray(), init, call.Positive("std")));
    }
}
