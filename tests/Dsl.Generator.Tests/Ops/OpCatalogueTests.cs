using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Dsl.Generator.Model.Ops;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// The op catalogue is complete: every op record is registered, every registered op has each of its parts (surface
/// entry with an argument reader, shape rule, parameter count, TorchSharp, PyTorch and ONNX emitters, documentation), and every
/// surface method of Dsl.Runtime's Graph, Node and Ops is an op's entry or a listed graph statement.
/// </summary>
public class OpCatalogueTests
{
    /// <summary>Ops that the parser's graph calls build themselves, since they also register an input or a submodel.</summary>
    private static readonly Type[] Structural = { typeof(InputOp), typeof(ApplyOp), typeof(OutputOfOp) };

    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in OpCatalogue.All)
        {
            data.Add(descriptor.OpType.Name);
        }

        return data;
    }

    [Fact]
    public void Every_op_record_is_registered_once()
    {
        var records = typeof(Op).Assembly.GetTypes().Where(t => typeof(Op).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.Name).ToList();
        var registered = OpCatalogue.All.Select(d => d.OpType).OrderBy(t => t.Name).ToList();
        Assert.Equal(records, registered);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void A_registered_op_has_every_part(string opType) => AssertHasEveryPart(OpCatalogue.All.Single(d => d.OpType.Name == opType));

    /// <summary>An op registered without a PyTorch emitter (as a new op is until its <c>*PyTorch.cs</c> exists) fails the check.</summary>
    [Fact]
    public void An_op_without_a_PyTorch_emitter_fails_the_completeness_check()
    {
        var withoutPyTorch = new FlattenWithoutPyTorch();
        Assert.Null(withoutPyTorch.PyTorch);
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertHasEveryPart(withoutPyTorch));
        Assert.Contains("has no PyTorch emitter", e.Message, StringComparison.Ordinal);
    }

    private static void AssertHasEveryPart(OpDescriptor descriptor)
    {
        string opType = descriptor.OpType.Name;

        // Parser entry: a surface method with an argument reader (or, for a structural op, one the graph calls build).
        Assert.NotEmpty(descriptor.Surface);
        foreach (var entry in descriptor.Surface)
        {
            Assert.True(entry.Reader is not null || Structural.Contains(descriptor.OpType), $"{entry.Type}.{entry.Method} of {opType} has no argument reader");
            if (entry.Reader is not null)
            {
                Assert.Same(entry.Reader.Method, OpCatalogue.Reader(entry.Type, entry.Method)!.Method);
            }
        }

        // Shape rule, parameter count, TorchSharp emitter, documentation; the rule and the emitter are the op's own.
        Assert.NotNull(descriptor.Shape);
        Assert.Equal(descriptor.OpType, OpTypeOf(descriptor.Shape.GetType(), typeof(Dsl.Generator.Shapes.ShapeRule<>)));
        Assert.Equal(descriptor.OpType, OpTypeOf(descriptor.TorchSharp.GetType(), typeof(Dsl.Generator.Emit.TorchSharpEmitter<>)));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Parameters), $"{opType} has no parameter count");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MultiplyAccumulates), $"{opType} has no multiply-accumulate count");
        Assert.NotNull(descriptor.TorchSharp);

        // ONNX emitter (Ops/<Op>/<Op>Onnx.cs): without it every model using the op has no ONNX graph.
        Assert.True(descriptor.Onnx is not null, $"{opType} has no ONNX emitter: add Ops/<Op>/<Op>Onnx.cs (an OnnxEmitter<{opType}>) and set the descriptor's Onnx");
        Assert.Equal(descriptor.OpType, OpTypeOf(descriptor.Onnx!.GetType(), typeof(Dsl.Generator.Emit.Onnx.OnnxEmitter<>)));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Name));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Signature));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Shape));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.PyTorch));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Keras));

        // The PyTorch source emitter (Ops/<Op>/<Op>PyTorch.cs), the op's own.
        Assert.True(descriptor.PyTorch is not null, $"{opType} has no PyTorch emitter: add Ops/<Op>/<Op>PyTorch.cs (a PyTorchEmitter<{opType}>) and override PyTorch in its descriptor");
        Assert.Equal(descriptor.OpType, OpTypeOf(descriptor.PyTorch!.GetType(), typeof(Dsl.Generator.Emit.PyTorchEmitter<>)));

        // The examples are the op's record; a layer has a module type and a parameter count that is not zero.
        Assert.NotEmpty(descriptor.Examples);
        foreach (var example in descriptor.Examples)
        {
            Assert.Equal(descriptor.OpType, example.GetType());
            Assert.Same(descriptor, OpCatalogue.For(example));
            if (example.IsLayer)
            {
                Assert.NotNull(descriptor.TorchSharp.FieldType(example));
                Assert.NotEqual("0", descriptor.Parameters);
            }
            else
            {
                Assert.Null(descriptor.TorchSharp.FieldType(example));
            }
        }
    }

    /// <summary>Flatten's descriptor as it was before its PyTorch emitter: every other part is Flatten's own.</summary>
    private sealed class FlattenWithoutPyTorch : OpDescriptor<FlattenOp>
    {
        private readonly OpDescriptor flatten = OpCatalogue.For(new FlattenOp())!;

        public override string Name => flatten.Name;

        public override IReadOnlyList<SurfaceEntry> Surface => flatten.Surface;

        public override Dsl.Generator.Shapes.IShapeRule Shape => flatten.Shape;

        public override string Parameters => flatten.Parameters;

        public override string MultiplyAccumulates => flatten.MultiplyAccumulates;

        public override IOnnxEmitter? Onnx => flatten.Onnx;

        public override Dsl.Generator.Emit.ITorchSharpEmitter TorchSharp => flatten.TorchSharp;

        public override IReadOnlyList<Op> Examples => flatten.Examples;

        public override OpDoc Doc => flatten.Doc;
    }

    /// <summary>The op type argument of the generic base <paramref name="generic"/> of <paramref name="type"/>, or null.</summary>
    private static Type? OpTypeOf(Type type, Type generic)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    [Fact]
    public void Every_surface_method_of_Graph_Node_and_Ops_has_a_catalogue_entry()
    {
        var entries = OpCatalogue.All.SelectMany(d => d.Surface).Select(e => e.Type + "." + e.Method)
            .Concat(OpCatalogue.GraphStatements)
            .ToHashSet(StringComparer.Ordinal);
        var surface = new[] { typeof(Dsl.Graph), typeof(Dsl.Node), typeof(Dsl.Ops) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .Distinct()
            .ToList();

        Assert.True(surface.Count > 25, "the reflection found too few surface methods: " + string.Join(", ", surface));
        var missing = surface.Where(s => !entries.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "surface methods without a catalogue entry: " + string.Join(", ", missing));

        var stale = entries.Where(e => (e.StartsWith("Node.", StringComparison.Ordinal) || e.StartsWith("Graph.", StringComparison.Ordinal) || e.StartsWith("Ops.", StringComparison.Ordinal)) && !surface.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "catalogue entries without a surface method: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Shape and emit code never touch Roslyn types: in an op's folder only the argument reader (<c>*Arguments.cs</c>)
    /// may. The files listed here still name DiagnosticDescriptor (they report through it) or SyntaxFacts: known debt.
    /// </summary>
    [Fact]
    public void Shape_and_emit_files_do_not_use_Roslyn()
    {
        var knownDebt = new[] { "Shapes/ShapeContext.cs", "Shapes/Losses/LossRules.cs", "Shapes/Losses/LossWiring.cs", "Model/Names.cs", "Model/AnalyzedModel.cs" };
        string root = Path.Combine(RepoFiles.Root, "Dsl.Generator");
        var files = new[] { "Ops", "Shapes", "Emit", "Model" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.EndsWith("Arguments.cs", StringComparison.Ordinal) && !knownDebt.Contains(path))
            .ToList();

        Assert.Contains("Ops/Conv/ConvRule.cs", files);
        var offenders = files.Where(path => File.ReadAllText(Path.Combine(root, path)).Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0, "Roslyn types in shape or emit code: " + string.Join(", ", offenders));
    }
}
