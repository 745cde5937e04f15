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

    /// <summary>Whether the compilation references Dsl.Onnx (then each model also gets its ONNX graph).</summary>
    public const string OnnxReferenced = nameof(OnnxReferenced);

    /// <summary>Parse results and analyses gathered for reporting diagnostics.</summary>
}
