using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;

namespace Dsl.Generator.Ops;

/// <summary>Which of a submodel's outputs an <see cref="OutputOfOp"/> reads (the emitters share it).</summary>
internal static class OutputOfSelection
{
    /// <summary>The index in <paramref name="sub"/>'s outputs: the named declared output, or the only declared one for <c>Apply</c>.</summary>
    public static int IndexIn(ModelSpec sub, OutputOfOp output)
    {
        var declared = sub.Outputs.Select((o, i) => (Output: o, Index: i)).Where(p => !p.Output.ForLoss).ToList();
        return output.Output is null ? declared[0].Index : declared.First(p => p.Output.Name == output.Output).Index;
    }
}
