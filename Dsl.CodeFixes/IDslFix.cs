using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Dsl.CodeFixes;

/// <summary>
/// One kind of edit named by a diagnostic's <c>DslFix</c> property (see Dsl.Generator's <c>FixKinds</c>). The
/// rule that reported the diagnostic already decided that the edit fixes it; a fix only applies it to the source.
/// </summary>
internal interface IDslFix
{
    /// <summary>The <c>FixKinds</c> constant this fix applies.</summary>
    string Kind { get; }

    /// <summary>What the code action says, e.g. "Insert .Flatten() before Linear".</summary>
    string Title(Diagnostic diagnostic);

    /// <summary>The solution with the edit applied; unchanged when the source no longer has the expected shape.</summary>
    Task<Solution> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
}
