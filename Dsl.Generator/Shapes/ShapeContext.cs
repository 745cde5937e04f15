using System.Collections.Generic;
using System.Globalization;
using Dsl.Generator.Diagnostics;
using Dsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Dsl.Generator.Shapes;

/// <summary>
/// What a shape rule sees of one node: the node, its input types, and helpers that report a diagnostic at the
/// node's call site or at one argument's site. Every failure helper returns null so a rule can
/// <c>return context.Fail(...)</c>.
/// </summary>
internal sealed class ShapeContext
{
    private readonly ModelSpec spec;
    private readonly List<DiagnosticInfo> diagnostics;

    public ShapeContext(ModelSpec spec, NodeSpec node, IReadOnlyList<TensorType> inputs, List<DiagnosticInfo> diagnostics, IReadOnlyList<ResolvedUse>? uses = null)
    {
        this.spec = spec;
        Uses = uses ?? System.Array.Empty<ResolvedUse>();
        Node = node;
        Inputs = inputs;
        this.diagnostics = diagnostics;
    }

    public NodeSpec Node { get; }

    /// <summary>The model being analyzed.</summary>
    public ModelSpec Spec => spec;

    /// <summary>The model's submodels (<c>g.Use</c>), by index, with their analyses.</summary>
    public IReadOnlyList<ResolvedUse> Uses { get; }

    /// <summary>The types of the node's inputs, in argument order (all known).</summary>
    public IReadOnlyList<TensorType> Inputs { get; }

    /// <summary>The analyses of the nodes before this one (by id), where the inference gives them.</summary>
    public IReadOnlyList<NodeAnalysis>? Earlier { get; init; }

    /// <summary>The type of an earlier node that is not an input of this one (an op reading another node's inputs), or null when unknown.</summary>
    public TensorType? TypeOf(int node) => Earlier is { } earlier && node >= 0 && node < earlier.Count ? earlier[node].Type : null;

    /// <summary>The single input of a one-input op.</summary>
    public TensorType Input => Inputs[0];

    /// <summary>How messages name the node: <c>Conv2d 'layer1'</c>.</summary>
    public string Label => Node.Op.Kind + " '" + Node.Name + "'";

    /// <summary>
    /// The node's analysis. <paramref name="spatial"/>: the result is a channels-first feature map [B, C, H, W] (or
    /// [B, C, L], [B, C, D, H, W]) that Linear must not treat as a sequence of feature vectors
    /// (<see cref="TensorType.IsSpatial"/>); convolution, pooling and upsampling rules set it.
    /// </summary>
    public static NodeAnalysis Ok(TensorType type, long trainable = 0, long nonTrainable = 0, PaddingPlan? padding = null, long? macs = 0, bool spatial = false) =>
        new(spatial ? type.AsSpatial() : type, trainable, nonTrainable, padding, macs);

    /// <summary>Reports <paramref name="descriptor"/> at the node's call site.</summary>
    public NodeAnalysis? Fail(DiagnosticDescriptor descriptor, params string[] args) => FailAt(null, descriptor, args);

    /// <summary>Reports <paramref name="descriptor"/> at the node's call site, with the edit that fixes it.</summary>
    public NodeAnalysis? FailWithFix(FixSpec fix, DiagnosticDescriptor descriptor, params string[] args)
    {
        diagnostics.Add(DiagnosticInfo.Create(descriptor, spec.ClassName, Node.Site, args) with { Fix = fix });
        return null;
    }

    /// <summary>Reports <paramref name="descriptor"/> at the site of argument <paramref name="parameter"/> (the call's site when it has none).</summary>
    public NodeAnalysis? FailAt(string? parameter, DiagnosticDescriptor descriptor, params string[] args)
    {
        diagnostics.Add(DiagnosticInfo.Create(descriptor, spec.ClassName, Node.SiteOf(parameter), args));
        return null;
    }

    /// <summary>Reports a warning at the node's call site; the node's analysis goes on.</summary>
    public void Warn(DiagnosticDescriptor descriptor, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, spec.ClassName, Node.Site, args));

    /// <summary>
    /// DSL0012 about the input's layout, at the call: "<c>Label expects {expected} but got [B, T:200, F:128] (time x
    /// feature); {fix}</c>", with the edit where it is unambiguous.
    /// </summary>
    public NodeAnalysis? WrongLayout(string expected, string fix, FixSpec? edit = null, TensorType? actual = null)
    {
        var info = DiagnosticInfo.Create(Descriptors.WrongLayout, spec.ClassName, Node.Site, Label, expected, LayoutText(actual ?? Input), fix);
        diagnostics.Add(edit is null ? info : info with { Fix = edit });
        return null;
    }

    /// <summary>DSL0905, the warning counterpart of <see cref="WrongLayout"/> (a legal trick that is usually a slip); the analysis goes on.</summary>
    public void UnusualLayout(string expected, string hint, FixSpec? edit = null, TensorType? actual = null)
    {
        var info = DiagnosticInfo.Create(Descriptors.UnusualLayout, spec.ClassName, Node.Site, Label, expected, LayoutText(actual ?? Input), hint);
        diagnostics.Add(edit is null ? info : info with { Fix = edit });
    }

    /// <summary>The shape with its roles and the roles in words: <c>[B, T:200, F:128] (time x feature)</c>.</summary>
    public static string LayoutText(TensorType type) => AxisRoles.Text(type) + " (" + AxisRoles.Words(type) + ")";

    /// <summary>DSL0007 at argument <paramref name="parameter"/>: "<c>Label: problem</c>".</summary>
    public NodeAnalysis? InvalidArgument(string? parameter, string problem) =>
        FailAt(parameter, Descriptors.InvalidArgument, Label, problem);

    /// <summary>DSL0007 as <see cref="InvalidArgument"/>, returning false: for a check written <c>ok || context.Reject(...)</c> (<see cref="SameTypeRule{TOp}"/>).</summary>
    public bool Reject(string? parameter, string problem)
    {
        InvalidArgument(parameter, problem);
        return false;
    }

    /// <summary>DSL0002 about <paramref name="actual"/> (the input by default): "<c>Label expects {expected} but got {shape}; {hint}</c>".</summary>
    public NodeAnalysis? WrongRank(string expected, string hint, TensorType? actual = null, FixSpec? fix = null) =>
        fix is null
            ? Fail(Descriptors.WrongRank, Label, expected, (actual ?? Input).ShapeText, hint)
            : FailWithFix(fix, Descriptors.WrongRank, Label, expected, (actual ?? Input).ShapeText, hint);

    /// <summary>DSL0006: the rule needs <paramref name="dim"/> of <paramref name="shape"/> as a concrete size.</summary>
    public NodeAnalysis? NeedsConcreteSize(TensorType shape, DimExpr dim, string hint) =>
        Fail(Descriptors.NeedsConcreteSize, Label, shape.ShapeText, dim.ToString(), hint);

    /// <summary>A positive size argument, or DSL0007 at it; true when valid.</summary>
    public bool CheckPositive(string parameter, string description, int value)
    {
        if (value >= 1)
        {
            return true;
        }

        InvalidArgument(parameter, description + " must be at least 1 but is " + Text(value));
        return false;
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
