using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The Python names of one model's generated <c>nn.Module</c>, decided once:
/// <list type="bullet">
/// <item>locals of <c>forward</c> (and its parameters, the inputs): the node's name as the C# locals are named,
/// made a Python identifier and unique (a keyword or a name the code uses, <c>F</c>, <c>torch</c>, gets a number);</item>
/// <item>layers and submodels: <c>self.&lt;state-dict name&gt;</c>; a name that is no plain attribute (a keyword, an
/// <c>nn.Module</c> member such as <c>half</c>, which <c>add_module</c> refuses) is registered and read as
/// <c>self._modules["name"]</c>, so the state-dict names equal the TorchSharp module's in every case.</item>
/// </list>
/// </summary>
internal sealed class PyTorchNames
{
    /// <summary>Python's keywords (3.11).</summary>
    private static readonly string[] Keywords =
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary>The public members of <c>torch.nn.Module</c> (1.13) and the generated class' own: no layer attribute may hide them.</summary>
    private static readonly string[] ModuleMembers =
    {
        "T_destination", "add_module", "apply", "bfloat16", "buffers", "children", "cpu", "cuda", "double", "dump_patches", "eval",
        "extra_repr", "float", "forward", "get_buffer", "get_extra_state", "get_parameter", "get_submodule", "half", "ipu",
        "load_state_dict", "modules", "named_buffers", "named_children", "named_modules", "named_parameters", "parameters",
        "register_backward_hook", "register_buffer", "register_forward_hook", "register_forward_pre_hook",
        "register_full_backward_hook", "register_load_state_dict_post_hook", "register_module", "register_parameter",
        "requires_grad_", "set_extra_state", "share_memory", "state_dict", "to", "to_empty", "train", "training", "type", "xpu",
        "zero_grad", "compute_loss", "input_names", "target_names", "output_names", "accuracy_heads", "frozen",
    };

    /// <summary>Names the generated forward and compute_loss use themselves.</summary>
    private static readonly string[] CodeNames = { "self", "torch", "nn", "F", "float", "run_frozen", "masked_mean", "outputs", "targets", "total" };

    private readonly Dictionary<int, string> locals = new();
    private readonly Dictionary<(int Node, string Suffix), string> auxiliaries = new();
    private readonly HashSet<string> used;
    private readonly Dictionary<int, string> layers = new();
    private readonly Dictionary<int, string> uses = new();

    public PyTorchNames(ModelSpec spec)
    {
        used = new HashSet<string>(Keywords.Concat(CodeNames), System.StringComparer.Ordinal);
        foreach (var node in spec.Nodes)
        {
            locals[node.Id] = Names.Unique(Identifier(node.Name), used);
        }

        foreach (var node in spec.Nodes.Where(n => n.OwnsLayer))
        {
            layers[node.Id] = Attribute(node.Name);
        }

        foreach (var node in spec.Nodes.Where(n => n.Op.IsLayer && !n.OwnsLayer))
        {
            // A later application of a shared block reads the layer of the first one.
            layers[node.Id] = layers[node.SharedWith];
        }

        for (int i = 0; i < spec.Uses.Count; i++)
        {
            uses[i] = Attribute(spec.Uses[i].Name);
        }
    }

    /// <summary>The local of a node in <c>forward</c> (<c>relu_1</c>); for an input, the parameter of <c>forward</c>.</summary>
    public string Local(int node) => locals[node];

    /// <summary>A second local of <paramref name="node"/> (<c>gru_state</c>: a recurrent layer's final states), unique among the locals; the same name on every call.</summary>
    public string Auxiliary(int node, string suffix)
    {
        if (!auxiliaries.TryGetValue((node, suffix), out var name))
        {
            name = auxiliaries[(node, suffix)] = Names.Unique(Identifier(locals[node] + "_" + suffix), used);
        }

        return name;
    }

    /// <summary>The expression reading a layer's module (<c>self.layer1</c>).</summary>
    public string Layer(int node) => layers[node];

    /// <summary>The expression reading the submodel of use <paramref name="use"/> (<c>self.tower</c>).</summary>
    public string Use(int use) => uses[use];

    /// <summary>True when <c>self.&lt;name&gt; = module</c> registers <paramref name="name"/> as the state-dict name.</summary>
    public static bool IsPlainAttribute(string name) =>
        Identifier(name) == name && !name.StartsWith("_", System.StringComparison.Ordinal) && !Keywords.Contains(name) && !ModuleMembers.Contains(name);

    /// <summary>The statement registering <paramref name="module"/> under <paramref name="name"/> in <c>__init__</c> (what <c>add_module</c> does, without refusing a name a member of nn.Module has).</summary>
    public static string Register(string name, string module) =>
        name.IndexOf('.') > 0 ? $"{Attribute(name.Substring(0, name.LastIndexOf('.')))}._modules[{PyTorchCode.Str(name.Substring(name.LastIndexOf('.') + 1))}] = {module}"
        : IsPlainAttribute(name) ? $"self.{name} = {module}" : $"self._modules[{PyTorchCode.Str(name)}] = {module}";

    /// <summary>
    /// The statements creating the scopes of dotted layer names (<c>layer1</c>, <c>layer1.0</c> of <c>layer1.0.conv1</c>),
    /// outermost first: plain <c>nn.Module</c> containers, so the state-dict keys are the dotted names and
    /// <c>load_state_dict(strict=True)</c> accepts them (PyTorch looks a key's first segment up among the children).
    /// </summary>
    public static IEnumerable<string> ScopeRegistrations(ModelSpec spec)
    {
        var created = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in spec.Nodes.Where(n => n.OwnsLayer))
        {
            for (int dot = node.Name.IndexOf('.'); dot > 0; dot = node.Name.IndexOf('.', dot + 1))
            {
                string scope = node.Name.Substring(0, dot);
                if (created.Add(scope))
                {
                    yield return Register(scope, "nn.Module()");
                }
            }
        }
    }

    /// <summary>A Python identifier for <paramref name="name"/>: other characters become <c>_</c>, a leading digit gets one before it.</summary>
    public static string Identifier(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            text.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }

        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    private static string Attribute(string name) =>
        name.IndexOf('.') > 0 ? $"{Attribute(name.Substring(0, name.LastIndexOf('.')))}._modules[{PyTorchCode.Str(name.Substring(name.LastIndexOf('.') + 1))}]"
        : IsPlainAttribute(name) ? "self." + name : $"self._modules[{PyTorchCode.Str(name)}]";
}
