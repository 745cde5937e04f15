using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Dsl.CodeFixes.Fixes;
using Dsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Dsl.CodeFixes;

/// <summary>
/// Offers the fix a DSL diagnostic carries: insert <c>.Flatten()</c>, <c>.Transpose(1, 2)</c> before a layer that
/// reads the axes in another layout, <c>dim: -1</c>, BatchNorm1d / BatchNorm2d by rank,
/// <c>Padding.Same</c> on the convolutions that shrank one branch, a projection shortcut, <c>partial</c>, an
/// empty <c>Define</c>. Diagnostics without a fix property get no action: no guess is offered.
/// <para>
/// Every action shares one equivalence key and <see cref="DslFixAllProvider"/> applies all of them, whatever
/// their kind, so one Fix All (one <c>dotnet format analyzers</c> run) fixes every fixable DSL mistake.
/// </para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DslCodeFixProvider))]
public sealed class DslCodeFixProvider : CodeFixProvider
{
    private static readonly IReadOnlyDictionary<string, IDslFix> Fixes = new IDslFix[]
    {
        new InsertFlattenFix(),
        new RenameCallFix(),
        new PaddingSameFix(),
        new ProjectShortcutFix(),
        new MakePartialFix(),
        new AddDefineFix(),
        new InsertCallsFix(),
        new SetArgumentFix(),
    }.ToDictionary(f => f.Kind);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.IncompatibleShapes.Id,
        Descriptors.WrongRank.Id,
        Descriptors.ConcatMismatch.Id,
        Descriptors.WrongLayout.Id,
        Descriptors.UnusualLayout.Id,
        Descriptors.NotPartial.Id,
        Descriptors.MissingDefine.Id);

    /// <summary>The equivalence key of every DSL fix: Fix All groups them as one.</summary>
    internal const string EquivalenceKey = "DslFix";

    private static readonly FixAllProvider FixAll = new DslFixAllProvider(Fixes);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(FixKinds.KindProperty, out string? kind) &&
                kind is not null &&
                Fixes.TryGetValue(kind, out var fix))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title(diagnostic), ct => fix.ApplyAsync(document, diagnostic, ct), equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
