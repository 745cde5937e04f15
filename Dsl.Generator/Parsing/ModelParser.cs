using System.Collections.Immutable;
using System.Threading;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Parsing;

// PLACEHOLDER until the interpreter lands.
internal static class ModelParser
{
    public static ParsedModel ParseSafely(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new(new ModelSpec("", context.TargetSymbol.Name, "public", 0, EquatableArray<NodeSpec>.Empty, EquatableArray<OutputSpec>.Empty, false),
            ImmutableArray<Location>.Empty, ImmutableArray<Diagnostics.DiagnosticInfo>.Empty);
}
