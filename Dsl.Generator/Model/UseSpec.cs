namespace Dsl.Generator.Model;

/// <summary>
/// <c>g.Use&lt;T&gt;(name, frozen)</c>: one instance of another <c>[Model]</c> of the compilation, registered as the
/// submodule <see cref="Name"/>; every application of it shares its weights.
/// </summary>
/// <param name="Name">The submodule's field and state-dict prefix (<c>tower</c> gives <c>tower.conv2d_1.weight</c>).</param>
/// <param name="Model">The used model's full metadata name (<c>Examples.Models.SiameseTower</c>).</param>
/// <param name="Frozen">True: its parameters do not train and it runs in eval mode; autograd is on inside it only when something trainable feeds it.</param>
/// <param name="Site">Where <c>g.Use</c> was written.</param>
internal sealed record UseSpec(string Name, string Model, bool Frozen, int Site);

/// <summary>A <see cref="UseSpec"/> with the analysis of the model it names (null when that model could not be analyzed).</summary>
internal sealed record ResolvedUse(UseSpec Use, AnalyzedModel? Model);
