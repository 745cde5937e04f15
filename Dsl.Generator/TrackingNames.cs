namespace Dsl.Generator;

/// <summary>Names of the pipeline's steps, so tests can assert how each step ran after an edit.</summary>
internal static class TrackingNames
{
    /// <summary>Interpreting each [Model] class into its IR and location table.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The IR alone (what shape inference and emission depend on).</summary>
    public const string Specs = nameof(Specs);

    /// <summary>All models together, for resolution across models.</summary>
    public const string AllSpecs = nameof(AllSpecs);

    /// <summary>Each model after shape inference.</summary>
    public const string Analyzed = nameof(Analyzed);

    /// <summary>Parse results and analyses gathered for reporting diagnostics.</summary>
}
