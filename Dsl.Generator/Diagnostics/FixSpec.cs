using Dsl.Generator.Model;

namespace Dsl.Generator.Diagnostics;

/// <summary>
/// The edit that fixes a diagnostic, decided where the mistake is understood (a shape rule, the parser) and
/// carried to the code fix as the diagnostic's properties and additional locations. The code fix only applies
/// it to the syntax; it never re-derives why the model is wrong.
/// </summary>
/// <param name="Kind">One of <see cref="FixKinds"/>.</param>
/// <param name="Sites">Further sites the edit touches (indexes into the model's site table), e.g. the
/// convolutions to pad; they become the diagnostic's additional locations, in order.</param>
/// <param name="Values">Kind-specific values, e.g. the method name to call instead.</param>
internal sealed record FixSpec(string Kind, EquatableArray<int> Sites, EquatableArray<string> Values)
{
    public static FixSpec Of(string kind, params string[] values) => new(kind, EquatableArray<int>.Empty, EquatableArray.Create(values));

    public static FixSpec AtSites(string kind, params int[] sites) => new(kind, EquatableArray.Create(sites), EquatableArray<string>.Empty);
}

/// <summary>The kinds of <see cref="FixSpec"/>, and the names of the diagnostic properties that carry them.</summary>
internal static class FixKinds
{
    /// <summary>Property holding the kind.</summary>
    public const string KindProperty = "DslFix";

    /// <summary>Property prefix of the values: <c>DslFix.0</c>, <c>DslFix.1</c>, ...</summary>
    public const string ValuePrefix = "DslFix.";

    /// <summary>Insert <c>.Flatten()</c> before the call (a Linear on a feature map).</summary>
    public const string InsertFlatten = nameof(InsertFlatten);

    /// <summary>Call another method with the same arguments; value 0: the method (BatchNorm1d / BatchNorm2d).</summary>
    public const string RenameCall = nameof(RenameCall);

    /// <summary>Give each convolution at the additional locations <c>padding: Padding.Same</c>.</summary>
    public const string PaddingSame = nameof(PaddingSame);

    /// <summary>Project the shortcut operand of a residual operator: values "left"/"right", channels, stride.</summary>
    public const string ProjectShortcut = nameof(ProjectShortcut);

    /// <summary>
    /// Insert calls around the call: value 0 before it (<c>.Transpose(1, 2)</c> between the receiver and the call),
    /// value 1, where present and not empty, after it (a BatchNorm1d on [B, T, F] wrapped in two transposes).
    /// </summary>
    public const string InsertCalls = nameof(InsertCalls);

    /// <summary>Set a named argument of the call: value 0 the parameter, value 1 its text (<c>dim: -1</c>), replacing one already written.</summary>
    public const string SetArgument = nameof(SetArgument);

    /// <summary>Add the <c>partial</c> modifier to the model class.</summary>
    public const string MakePartial = nameof(MakePartial);

    /// <summary>Add <c>static void Define(Graph g)</c> to the model class.</summary>
    public const string AddDefine = nameof(AddDefine);
}
