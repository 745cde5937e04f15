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
/// Offers the fix a DSL diagnostic carries: insert <c>.Flatten()</c>, BatchNorm1d / BatchNorm2d by rank,
/// <c>Padding.Same</c> on the convolutions that shrank one branch, a projection shortcut, <c>partial</c>, an
/// empty <c>Define</c>. Diagnostics without a fix property get no action: no guess is offered.
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
    }.ToDictionary(f => f.Kind);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.IncompatibleShapes.Id,
        Descriptors.WrongRank.Id,
        Descriptors.ConcatMismatch.Id,
        Descriptors.NotPartial.Id,
        Descriptors.MissingDefine.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
                    CodeAction.Create(fix.Title(diagnostic), ct => fix.ApplyAsync(document, diagnostic, ct), equivalenceKey: kind),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
