using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: DSL0001-0099 shapes, DSL0100-0199 constructs the
/// generator cannot evaluate, DSL0200-0299 outputs, targets and losses, DSL0300-0399 composition, sharing and
/// names, DSL0900+ warnings. Each has a section in docs/diagnostics.md.
/// </summary>
internal static class Descriptors
{
    private const string Shapes = "Dsl.Shapes";
    private const string Constructs = "Dsl.Constructs";
    private const string Outputs = "Dsl.Outputs";
    private const string Names = "Dsl.Names";
    private const string HelpRoot = "https://github.com/dsl-torchsharp/dsl/blob/main/docs/diagnostics.md#";

    // ----- DSL0001-0099: shapes -----

    public static readonly DiagnosticDescriptor IncompatibleShapes = Error(
        "DSL0001", Shapes, "Incompatible shapes",
        "'{0}' cannot combine {1} and {2}; {3}");

    public static readonly DiagnosticDescriptor WrongRank = Error(
        "DSL0002", Shapes, "Wrong input rank",
        "{0} expects {1} but got {2}; {3}");

    public static readonly DiagnosticDescriptor KernelTooLarge = Error(
        "DSL0003", Shapes, "Kernel larger than the input",
        "{0}: kernel {1} does not fit the input {2} (spatial {3}, padding {4}); use Padding.Same, a smaller kernel or remove a downsampling layer before it");

    public static readonly DiagnosticDescriptor ReshapeMismatch = Error(
        "DSL0004", Shapes, "Reshape sizes do not multiply out",
        "Reshape to {0} holds {1} elements per sample but the input {2} holds {3}; choose sizes whose product is {3}");

    public static readonly DiagnosticDescriptor ConcatMismatch = Error(
        "DSL0005", Shapes, "Concat operands do not match",
        "Concat along dim {0}: operand {1} has shape {2} but the first has {3}; all dims except {0} must agree");

    public static readonly DiagnosticDescriptor NeedsConcreteSize = Error(
        "DSL0006", Shapes, "A concrete size is needed",
        "{0} needs a size known at compile time but the input {1} has symbolic dimension '{2}'; {3}");

    public static readonly DiagnosticDescriptor InvalidArgument = Error(
        "DSL0007", Shapes, "Invalid argument",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor TensorTooLarge = Error(
        "DSL0008", Shapes, "Tensor too large",
        "{0}: its {1} would hold {2} elements ({3} as float32), more than a 64-bit process can address (128 TiB); use smaller sizes");

    public static readonly DiagnosticDescriptor WrongDType = Error(
        "DSL0009", Shapes, "Wrong element type",
        "{0} expects {1} but got {2}; {3}");

    public static readonly DiagnosticDescriptor BatchLevelInPerSampleOp = Error(
        "DSL0010", Shapes, "Batch-level tensor where samples are needed",
        "{0} needs {1} but '{2}' is {3}; {4}");

    public static readonly DiagnosticDescriptor AttentionLengths = Error(
        "DSL0011", Shapes, "Attention lengths do not agree",
        "{0}: {1}; query {2}, key {3}, value {4}; {5}");

    public static readonly DiagnosticDescriptor WrongLayout = Error(
        "DSL0012", Shapes, "Axes in the wrong layout",
        "{0} expects {1} but got {2}; {3}");

    // ----- DSL0100-0199: constructs -----

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "DSL0100", Constructs, "Model class must be partial",
        "[Model] class '{0}' must be declared 'partial' so the generator can add the module members; write 'partial class {0}'");

    public static readonly DiagnosticDescriptor MissingDefine = Error(
        "DSL0101", Constructs, "Missing Define method",
        "[Model] class '{0}' needs a method 'static void Define(Graph g)' that declares the graph{1}");

    public static readonly DiagnosticDescriptor Unsupported = Error(
        "DSL0102", Constructs, "Not supported in Define",
        "'{0}' cannot be interpreted at compile time: {1}");

    public static readonly DiagnosticDescriptor NotConstant = Error(
        "DSL0103", Constructs, "Value not known at compile time",
        "{0} must be known at compile time, but '{1}' is not; use literals, constants, locals or parameters computed from them");

    public static readonly DiagnosticDescriptor RunawayLoop = Error(
        "DSL0104", Constructs, "Loop runs too long",
        "This loop ran more than {0} iterations while interpreting Define; check its condition (the generator unrolls loops at compile time)");

    public static readonly DiagnosticDescriptor RecursionTooDeep = Error(
        "DSL0105", Constructs, "Helper calls nest too deeply",
        "Helper method '{0}' is nested more than {1} calls deep while interpreting Define; recursion must end within that depth");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "DSL0106", Constructs, "Generator failure",
        "The Dsl generator failed on model '{0}': {1}. This is a bug in the generator; please report it with the declaration");

    public static readonly DiagnosticDescriptor UnsupportedModelClass = Error(
        "DSL0107", Constructs, "Unsupported model class",
        "[Model] class '{0}' {1}");

    public static readonly DiagnosticDescriptor NotYetSupported = Error(
        "DSL0108", Constructs, "Feature not available yet",
        "'{0}' is declared in the DSL surface but this version of the generator does not implement it yet");

    public static readonly DiagnosticDescriptor UninitializedNode = Error(
        "DSL0109", Constructs, "Node is not defined",
        "{0} has no value here; assign it from g.Input(...) or a layer call before using it");

    public static readonly DiagnosticDescriptor EvaluationFailed = Error(
        "DSL0110", Constructs, "Evaluation failed",
        "Evaluating '{0}' at compile time failed: {1}");

    public static readonly DiagnosticDescriptor BudgetExceeded = Error(
        "DSL0111", Constructs, "Declaration too large",
        "Interpreting Define exceeded the budget of {0} {1}; the generator stops here to keep builds fast");

    // ----- DSL0200-0299: outputs, targets and losses -----

    public static readonly DiagnosticDescriptor NoOutputs = Error(
        "DSL0200", Outputs, "Model has no outputs",
        "Model '{0}' declares no outputs; add g.Output(\"name\", node) for each result of the model");

    public static readonly DiagnosticDescriptor TargetShapeMismatch = Error(
        "DSL0201", Outputs, "Loss target does not match the prediction",
        "Loss '{0}': {1} target '{2}' has shape {3} but prediction '{4}' has shape {5}; compare tensors of the same shape");

    public static readonly DiagnosticDescriptor NotClassScores = Error(
        "DSL0203", Outputs, "Cross entropy needs class scores",
        "Loss '{0}': {1} needs class scores [B, C, ...] but prediction '{2}' has shape {3}; {4}");

    public static readonly DiagnosticDescriptor NotADistance = Error(
        "DSL0205", Outputs, "Contrastive loss needs a distance",
        "Loss '{0}': Contrastive needs a distance of shape [B, 1] or [B] but prediction '{1}' has shape {2}; compute it with Ops.EuclideanDistance(a, b)");

    public static readonly DiagnosticDescriptor NotProbabilities = Error(
        "DSL0209", Outputs, "Binary cross entropy needs probabilities",
        "Loss '{0}': BinaryCrossEntropy needs probabilities in [0, 1] but prediction '{1}' comes from {2}, whose values are not bounded to [0, 1]; add .Sigmoid(), or use Loss.BinaryCrossEntropyWithLogits() on the raw scores");

    public static readonly DiagnosticDescriptor ContrastiveOnSimilarity = Error(
        "DSL0210", Outputs, "Contrastive loss on a similarity",
        "Loss '{0}': Contrastive needs a distance (0 for a pair that is the same, larger apart) but '{1}' is a cosine similarity (1 for the same direction); use Ops.EuclideanDistance(a, b), or 1 - the similarity");

    public static readonly DiagnosticDescriptor InvalidWeight = Error(
        "DSL0206", Outputs, "Invalid loss weight",
        "Loss '{0}': weight {1} must be a finite number greater than or equal to 0");

    public static readonly DiagnosticDescriptor DuplicateTerm = Error(
        "DSL0207", Outputs, "Duplicate loss term",
        "Loss term '{0}' is declared twice; give every term its own name (the first argument of g.Loss / g.Minimize)");

    public static readonly DiagnosticDescriptor TargetNameClash = Error(
        "DSL0208", Outputs, "Target or mask name clashes",
        "{0} '{1}' has the same name as {2}; batches name their columns after inputs, targets and masks, so each name must be unique");

    public static readonly DiagnosticDescriptor DuplicateOutput = Error(
        "DSL0202", Outputs, "Duplicate output name",
        "Output '{0}' is declared twice; give every output its own name");

    public static readonly DiagnosticDescriptor AmbiguousClassAxis = Error(
        "DSL0211", Outputs, "Class axis of the prediction is not known",
        "Loss '{0}': {1} cannot tell which axis of '{2}' {3} holds the classes ({4}); classes on dim 1 (channels first) would make the target {5}, classes last (features last) would make it {6}; state it with Loss.{1}(classDim: 1) or Loss.{1}(classDim: -1)");

    public static readonly DiagnosticDescriptor ClassIndexTargetMismatch = Error(
        "DSL0212", Outputs, "Class-index target does not match the prediction",
        "Loss '{0}': {1} compares '{2}' {3} with '{4}' {5}, but classes on dim {6} of '{2}' need {7}; {8}");

    public static readonly DiagnosticDescriptor NotBatchLogits = Error(
        "DSL0213", Outputs, "A batch-contrastive loss needs the [B, B] scores of two batches",
        "Loss '{0}': {1} needs [B, B] logits or similarities (row i: sample i against every sample of the other batch, the match on the diagonal) but '{2}' is {3}; compute them with Ops.BatchSimilarity(a, b) of two [B, F] embeddings");

    // ----- DSL0300-0399: composition, sharing and names -----

    public static readonly DiagnosticDescriptor DuplicateLayerName = Error(
        "DSL0300", Names, "Duplicate layer name",
        "Layer name '{0}' is already used by {1} in model '{2}'; layer names are state-dict keys and must be unique");

    public static readonly DiagnosticDescriptor InvalidName = Error(
        "DSL0301", Names, "Invalid name",
        "'{0}' cannot be used as {1} name: {2}");

    public static readonly DiagnosticDescriptor DuplicateInput = Error(
        "DSL0302", Names, "Duplicate input name",
        "Input '{0}' is declared twice; give every input its own name");

    public static readonly DiagnosticDescriptor UseCycle = Error(
        "DSL0310", Names, "Models use each other in a cycle",
        "Model '{0}' uses '{1}', which leads back to '{0}' ({2}); a model cannot contain itself");

    public static readonly DiagnosticDescriptor NotAModel = Error(
        "DSL0311", Names, "Use of a type that is not a model",
        "g.Use<{0}>: '{0}' {1}");

    public static readonly DiagnosticDescriptor ApplyArity = Error(
        "DSL0312", Names, "Wrong number of inputs to a submodel",
        "{0}.Apply: '{1}' takes {2} input(s) ({3}) but was given {4}");

    public static readonly DiagnosticDescriptor ApplyInputShape = Error(
        "DSL0313", Names, "Submodel input of the wrong shape",
        "{0}.Apply: input '{1}' of '{2}' expects {3} but got {4}");

    public static readonly DiagnosticDescriptor ApplyOnMultiOutput = Error(
        "DSL0314", Names, "Apply on a model with several outputs",
        "{0}.Apply: '{1}' has {2} outputs ({3}); pick one with {0}.ApplyAll(...)[\"{4}\"]");

    public static readonly DiagnosticDescriptor UnknownSubmodelOutput = Error(
        "DSL0315", Names, "Unknown submodel output",
        "{0}.ApplyAll(...)[\"{1}\"]: '{2}' has no output '{1}'; its outputs are {3}");

    public static readonly DiagnosticDescriptor DuplicateSubmodel = Error(
        "DSL0316", Names, "Duplicate submodel name",
        "Submodel name '{0}' is already used by {1} in model '{2}'; submodel names are state-dict prefixes and must be unique");

    public static readonly DiagnosticDescriptor BlockInputMismatch = Error(
        "DSL0317", Names, "Shared block applied to another shape",
        "Shared {0} '{1}' was built for {2} but this block application gives it {3}: its weights depend on {4}; a shared block reuses its weights, so those sizes must match at every application (sizes the weights do not depend on, such as a sequence length, may differ)");

    public static readonly DiagnosticDescriptor BlockNotRepeatable = Error(
        "DSL0318", Names, "Shared block builds different layers",
        "{0}.Apply: this application creates {1} where the first created {2}; the block's lambda must build the same layers every time (no conditions on the input)");

    // ----- DSL0900+: warnings -----

    public static readonly DiagnosticDescriptor UnusedNode = Warning(
        "DSL0900", Outputs, "Result never used",
        "{0} '{1}' does not reach any output or loss; remove it or connect it");

    public static readonly DiagnosticDescriptor CrossEntropyOnSoftmax = Warning(
        "DSL0901", Outputs, "Cross entropy on probabilities",
        "Loss '{0}': CrossEntropy applies log-softmax to its prediction, but '{1}' is already a {2}; return the logits (remove .{2}()) so the softmax is not applied twice");

    public static readonly DiagnosticDescriptor ZeroWeight = Warning(
        "DSL0903", Outputs, "Loss term with weight 0",
        "Loss '{0}': its weight is 0, so it adds nothing to the total and trains nothing; if the weight is written as an integer division such as 1 / 2, C# computes 0: write 0.5");

    public static readonly DiagnosticDescriptor ParameterBudget = Warning(
        "DSL0902", Outputs, "Parameter budget exceeded",
        "Model '{0}' has {1} parameters ({2} as float32), above the budget of {3}; its largest layer is {4} with {5}. If that is intended, raise <DslParameterBudget> in the project file.");

    public static readonly DiagnosticDescriptor BidirectionalStep = Warning(
        "DSL0904", Shapes, "One step of a bidirectional recurrent layer",
        "{0} takes step {1} of bidirectional {2} {4}: there its forward half has read steps 0 to {1} and its backward half steps {1} to the end, so one of them has not read the whole sequence; to summarize it in both directions take each half where it ends: Ops.Concat(1, seq.Slice(2, 0, {3}).LastStep(), seq.Slice(2, {3}).Select(1, 0)) gives {5}");

    public static readonly DiagnosticDescriptor UnusualLayout = Warning(
        "DSL0905", Shapes, "Axis read against its role",
        "{0} expects {1} but got {2}; {3}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(Descriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>True when the diagnostic <paramref name="id"/> is an error by default.</summary>
    public static bool IsError(string id) => Get(id).DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>"DSL0002: Linear 'linear_1' expects ...": the ID and the message as the build prints them.</summary>
    public static string Format(DiagnosticInfo info)
    {
        var descriptor = Get(info.Id);
        string format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return info.Id + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, info.Args.Items.Cast<object>().ToArray());
    }

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
