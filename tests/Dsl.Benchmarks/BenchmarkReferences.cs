using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Dsl.Benchmarks;

/// <summary>The references a model project compiles against: .NET 10, Dsl.Runtime, TorchSharp.</summary>
internal static class BenchmarkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(Dsl.Graph).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
            })
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> All => References.Value;
}
