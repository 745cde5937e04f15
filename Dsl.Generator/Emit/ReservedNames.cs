using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;

namespace Dsl.Generator.Emit;

/// <summary>
/// The one list of names the generated types declare or inherit, from which every generated member name is kept
/// apart (a clashing user name gets a number appended in C#; its declared name, used at run time, is unchanged).
/// <c>ReservedNameTests</c> checks every C# keyword and every one of these names, in every role a user can name,
/// against the compiler, and checks <see cref="Module"/> against TorchSharp's Module by reflection.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members of <c>object</c>, visible in every generated type.</summary>
    public static readonly string[] Object =
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>What C# synthesizes in a record besides its positional members; 'Clone' is disallowed in records (CS8859).</summary>
    public static readonly string[] Record = Object.Concat(new[] { "Clone", "Deconstruct", "EqualityContract", "PrintMembers" }).ToArray();

    /// <summary>Members of TorchSharp's <c>nn.Module</c> visible to a derived class (TorchSharp 0.107); a field with one of these names would hide it.</summary>
    public static readonly string[] Module =
    {
        "add_module", "apply", "buffers", "call", "children", "ClearModules", "ConditionallyRegisterBuffer", "ConditionallyRegisterParameter",
        "Create", "Dispose", "Equals", "eval", "Finalize", "forward", "GetDefaultDeviceAndType", "GetHashCode", "GetName",
        "get_buffer", "get_parameter", "GetType", "has_buffer", "has_parameter", "HookRemover", "load", "load_state_dict", "MemberwiseClone",
        "module_post_hooks", "module_pre_hooks", "modules", "name", "named_buffers", "named_children", "named_modules",
        "named_parameters", "parameters", "post_hooks", "pre_hooks", "ReferenceEquals", "register_buffer",
        "register_forward_hook", "register_forward_pre_hook", "register_module", "register_parameter", "RegisterComponents",
        "ReplaceBuffer", "ReplaceParameter", "save", "save_state_dict", "state_dict", "ToString", "train", "training",
        "zero_grad", "_deviceIndex", "_deviceType", "_internal_buffers", "_internal_params", "_internal_submodules",
        "_named_buffers", "_named_parameters", "_parameters", "_to", "_toEpilog",
    };

    /// <summary>
    /// The members every generated model class declares whatever its declaration (the records, <c>forward</c> and its
    /// typed overload, the loss, the metadata, the dataset helpers, the PyTorch source). A class cannot hold a member
    /// of its own name (CS0542), so a model class of one of these names is a DSL error at its name (DSL0107).
    /// </summary>
    public static readonly string[] ClassMembers =
    {
        "Inputs", "Outputs", "Targets", "Losses", "Columns", "Info", "Dataset", "ComputeLoss", "Forward", "forward",
        "OutputsByName", PyTorchEmitter.SourceMember,
    };

    /// <summary>
    /// The names the positional members of the generated record <paramref name="record"/> must avoid: the record's
    /// synthesized members, the record's own name (CS0542) and the members it declares besides them.
    /// </summary>
    public static HashSet<string> ForRecord(string record, params string[] declared) =>
        Names.Set(Record.Concat(new[] { record }).Concat(declared).ToArray());
}
