using Dsl.Generator.Diagnostics;

namespace Dsl.Generator.Parsing;

/// <summary>Mistakes the interpreter recovered from: reported where they were made, and counted.</summary>
internal sealed partial class GraphBuilder
{
    /// <summary>How many evaluation errors Define went on after (each reported once).</summary>
    public int RecoveredErrors { get; private set; }

    /// <summary>Reports an evaluation error at its exact location, its node, or else the class (site 0).</summary>
    public void ReportError(InterpretationError error)
    {
        int site = error.Location is not null ? AddSite(error.Location)
            : error.At is null ? 0
            : AddSite(error.At.GetLocation());
        Report(error.Descriptor, site, error.Args);
    }

    /// <summary>
    /// Notes a value Define could not compute because a shape failed to infer (the shape rule reports it later): the
    /// model is then not checked as a whole, as after a reported mistake.
    /// </summary>
    public void NoteUnknownRead() => RecoveredErrors++;

    /// <summary>As <see cref="ReportError"/>, for an error the interpreter goes on after with a failed value.</summary>
    public void ReportRecovered(InterpretationError error)
    {
        RecoveredErrors++;
        ReportError(error);
    }
}
