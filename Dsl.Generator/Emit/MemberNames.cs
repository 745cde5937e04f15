using System.Collections.Generic;
using System.Linq;
using Dsl.Generator.Model;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Emit;

/// <summary>
/// The C# names of one model's generated members, decided once before anything is written so that no two clash:
/// <list type="bullet">
/// <item>record members: PascalCase of the declared input / output name (<c>is_odd</c> to <c>IsOdd</c>);</item>
/// <item>layer fields: the node's name (the state-dict name), unless it would hide a member of TorchSharp's
/// <c>Module</c> (<c>training</c>, <c>name</c>, ...) or a generated member; then a number is appended (the
/// registered state-dict name stays the node's name);</item>
/// <item>locals of <c>forward</c>: the node's name, <c>@</c>-escaped when it is a keyword;</item>
/// <item>the static expected-shape arrays: <c>ImageShape</c>.</item>
/// </list>
/// </summary>
internal sealed class MemberNames
{
    private readonly Dictionary<int, string> fields = new();
    private readonly Dictionary<int, string> useFields = new();
    private readonly Dictionary<int, string> useProperties = new();
    private readonly Dictionary<int, string> locals = new();
    private readonly Dictionary<(int Node, string Suffix), string> auxiliaries = new();
    private readonly HashSet<string> localsUsed;
    private readonly Dictionary<int, string> shapeArrays = new();
    private readonly Dictionary<int, string> inputMembers = new();
    private readonly Dictionary<int, string> forwardParameters = new();
    private readonly List<string> outputMembers = new();
    private readonly HashSet<string> classMembers;

    public MemberNames(ModelSpec spec)
    {
        classMembers = Names.Set(ReservedNames.Module);
        foreach (var generated in new[] { spec.ClassName, "Inputs", "Outputs", "Targets", "Losses", "Info", "Forward", "ComputeLoss", "Columns", "Dataset", "OutputsByName", "OnnxGraph", "ExportOnnx", "BuildOnnxGraph" })
        {
            classMembers.Add(generated);
        }

        var inputUsed = ReservedNames.ForRecord("Inputs", "Outputs", "Dispose");
        // Forward's parameters are passed to forward(new Inputs(...)) in its body: neither name may be shadowed.
        var parametersUsed = Names.Set("forward", "Inputs");
        foreach (var node in spec.Nodes)
        {
            if (node.Op is InputOp input)
            {
                string member = Names.Unique(Names.PascalCase(input.Name), inputUsed);
                inputMembers[node.Id] = member;
                shapeArrays[node.Id] = Names.Unique(member + "Shape", classMembers);
                string parameter = Names.Sanitize(input.Name);
                forwardParameters[node.Id] = Names.Escape(Names.Unique(parameter, parametersUsed));
            }
        }

        foreach (var node in spec.Nodes)
        {
            if (node.OwnsLayer)
            {
                fields[node.Id] = Names.Escape(Names.Unique(Names.Sanitize(node.Name), classMembers));
            }
            else if (node.Op.IsLayer)
            {
                // A later application of a shared block: the layer of the first application.
                fields[node.Id] = fields[node.SharedWith];
            }
        }

        for (int i = 0; i < spec.Uses.Count; i++)
        {
            useFields[i] = Names.Escape(Names.Unique(Names.Sanitize(spec.Uses[i].Name), classMembers));
        }

        for (int i = 0; i < spec.Uses.Count; i++)
        {
            useProperties[i] = Names.Escape(Names.Unique(Names.PascalCase(spec.Uses[i].Name), classMembers));
        }

        // forward's parameter and its batch local come first; "Inputs" / "Outputs" stay free so that the record
        // types can be named inside forward.
        // The input shape arrays are read by bare name before the locals are declared: a local of that name would hide them (CS0844).
        localsUsed = Names.Set(new[] { "inputs", "batch", "Inputs", "Outputs" }.Concat(shapeArrays.Values).ToArray());
        foreach (var node in spec.Nodes)
        {
            locals[node.Id] = Names.Escape(Names.Unique(Names.Sanitize(node.Name), localsUsed));
        }

        var outputUsed = ReservedNames.ForRecord("Outputs", "Inputs", "Dispose");
        foreach (var output in spec.Outputs)
        {
            outputMembers.Add(Names.Unique(Names.PascalCase(output.Name), outputUsed));
        }
    }

    /// <summary>
    /// A further member of the model class (the loss emitter's target-shape arrays), kept apart from the class name,
    /// the generated members, the layer fields and the input shape arrays; a clash gets a number appended.
    /// </summary>
    public string ClassMember(string preferred) => Names.Unique(preferred, classMembers);

    /// <summary>The field of a layer node (<c>layer1</c>).</summary>
    public string Field(int node) => fields[node];

    /// <summary>The field holding the submodel of use <paramref name="use"/> (<c>tower</c>).</summary>
    public string UseField(int use) => useFields[use];

    /// <summary>The public property exposing the submodel of use <paramref name="use"/> (<c>Tower</c>).</summary>
    public string UseProperty(int use) => useProperties[use];

    /// <summary>The local of a node in <c>forward</c> (<c>relu_1</c>).</summary>
    public string Local(int node) => LocalOverride?.Invoke(node) ?? locals[node];

    /// <summary>
    /// While set, the local an op's emitter reads for an input node where it returns one (the bf16-mixed forward hands an
    /// op its inputs' cast locals this way); null: the node's own local.
    /// </summary>
    public System.Func<int, string?>? LocalOverride { get; set; }

    /// <summary>
    /// A second local of <paramref name="node"/> in <c>forward</c> (<c>gru_state</c>: a recurrent layer's final states,
    /// declared by its step), unique among the locals; the same name on every call.
    /// </summary>
    public string Auxiliary(int node, string suffix)
    {
        if (!auxiliaries.TryGetValue((node, suffix), out var name))
        {
            name = auxiliaries[(node, suffix)] = Names.Escape(Names.Unique(Names.Sanitize(locals[node].TrimStart('@') + "_" + suffix), localsUsed));
        }

        return name;
    }

    /// <summary>The <c>Inputs</c> record member of an input node (<c>Image</c>).</summary>
    public string InputMember(int node) => inputMembers[node];

    /// <summary>The parameter of the convenience <c>Forward</c> overload for an input node (<c>image</c>).</summary>
    public string ForwardParameter(int node) => forwardParameters[node];

    /// <summary>The static array holding an input's expected shape (<c>ImageShape</c>).</summary>
    public string ShapeArray(int node) => shapeArrays[node];

    /// <summary>The <c>Outputs</c> record member of the output at <paramref name="index"/> (<c>Logits</c>).</summary>
    public string OutputMember(int index) => outputMembers[index];
}
