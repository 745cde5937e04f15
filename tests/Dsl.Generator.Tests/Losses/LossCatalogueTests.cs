using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Dsl.Generator.Losses;
using Dsl.Generator.Model;
using Dsl.Generator.Parsing;
using Dsl.Generator.Shapes.Losses;
using Dsl.Training;

namespace Dsl.Generator.Tests.Losses;

/// <summary>
/// The loss catalogue is complete: every <c>Loss.X</c> method of Dsl.Runtime has an entry that reads it, every entry has
/// each of its parts (argument reader, sanity rule, TorchSharp and PyTorch expressions, documentation, run-time
/// implementation), and the run time's losses (the <see cref="RunTimeLossAttribute"/> marks of
/// <see cref="LossFunctions"/>) are exactly the catalogue's. Dsl.Runtime.Tests' LossParityCoverageTests checks in turn
/// that every run-time loss has a term in a PyTorch-parity model.
/// </summary>
public class LossCatalogueTests
{
    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in LossCatalogue.All)
        {
            data.Add(descriptor.Name);
        }

        return data;
    }

    [Fact]
    public void Every_Loss_method_of_the_runtime_is_read_by_one_entry()
    {
        var surface = typeof(Dsl.Loss).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => m.Name).Distinct().ToList();
        Assert.True(surface.Count >= 9, "the reflection found too few Loss methods: " + string.Join(", ", surface));

        var missing = surface.Where(m => LossCatalogue.ForMethod(m) is null).ToList();
        Assert.True(missing.Count == 0, "Loss methods without a catalogue entry (add Losses/<Loss>/<Loss>.cs and a line in LossCatalogue.All): " + string.Join(", ", missing));

        var stale = LossCatalogue.All.Where(d => d.Method is not null && !surface.Contains(d.Method)).Select(d => d.Name).ToList();
        Assert.True(stale.Count == 0, "catalogue entries without a Loss method: " + string.Join(", ", stale));
        Assert.Equal(LossCatalogue.All.Count, LossCatalogue.All.Select(d => d.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void An_entry_has_every_part(string name) => AssertHasEveryPart(LossCatalogue.All.Single(d => d.Name == name));

    [Fact]
    public void The_run_time_implements_exactly_the_catalogue_losses()
    {
        var runTime = RunTimeLosses().Select(p => p.Kind + " -> " + p.Method).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var catalogue = LossCatalogue.All.Select(d => d.Name + " -> " + d.RunTime).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(catalogue, runTime);
    }

    /// <summary>
    /// One folder per loss: each entry's descriptor <c>FooLoss</c> is <c>Losses/Foo/Foo.cs</c>, and no file of the
    /// loss catalogue touches Roslyn types (the argument readers go through <see cref="Call"/>).
    /// </summary>
    [Fact]
    public void Each_loss_is_one_folder_without_Roslyn_types()
    {
        string root = Path.Combine(RepoFiles.Root, "Dsl.Generator", "Losses");
        foreach (var descriptor in LossCatalogue.All)
        {
            string type = descriptor.GetType().Name;
            Assert.EndsWith("Loss", type, StringComparison.Ordinal);
            string folder = type[..^"Loss".Length];
            string file = Path.Combine(root, folder, folder + ".cs");
            Assert.True(File.Exists(file), $"{descriptor.Name}: expected its descriptor {type} in Losses/{folder}/{folder}.cs");
            Assert.Contains("class " + type + " ", File.ReadAllText(file), StringComparison.Ordinal);
        }

        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path))
            .ToList();
        Assert.True(offenders.Count == 0, "Roslyn types in the loss catalogue: " + string.Join(", ", offenders));
    }

    /// <summary>An entry whose run-time implementation is missing (as a new loss is until its Dsl.Runtime/Losses file exists) fails the check.</summary>
    [Fact]
    public void An_entry_without_a_run_time_implementation_fails_the_completeness_check()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertHasEveryPart(new WithoutRunTime()));
        Assert.Contains("no run-time implementation", e.Message, StringComparison.Ordinal);
    }

    /// <summary>An entry for a <c>Loss.X</c> method that does not override the argument reader fails the check.</summary>
    [Fact]
    public void An_entry_without_an_argument_reader_fails_the_completeness_check()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertHasEveryPart(new WithoutReader()));
        Assert.Contains("no argument reader", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Kind, string Method)> RunTimeLosses() =>
        typeof(LossFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (Method: m, Mark: m.GetCustomAttribute<RunTimeLossAttribute>()))
            .Where(p => p.Mark is not null)
            .Select(p => (p.Mark!.Kind, p.Method.Name));

    private static void AssertHasEveryPart(LossDescriptor descriptor)
    {
        string name = descriptor.Name;
        Assert.False(string.IsNullOrWhiteSpace(name));

        // Argument reader: an entry with a Loss.X method reads its calls itself.
        if (descriptor.Method is not null)
        {
            var read = descriptor.GetType().GetMethod(nameof(LossDescriptor.Read), new[] { typeof(Call) })!;
            Assert.True(read.DeclaringType != typeof(LossDescriptor), $"{name} has no argument reader: override Read in its descriptor");
        }

        // Run-time implementation: a method of LossFunctions marked with the entry's name.
        Assert.True(RunTimeLosses().Contains((name, descriptor.RunTime)),
            $"{name} has no run-time implementation: add Dsl.Runtime/Losses/{name}.cs with LossFunctions.{descriptor.RunTime} marked [RunTimeLoss(\"{name}\")]");

        // The TorchSharp expression calls the run-time method; the PyTorch expression reads the prediction.
        var loss = new LossSpec("t", descriptor, 0, -1, null, 1.0, 0.5, 0, EquatableArray<ArgSite>.Empty);
        string function = "global::Dsl.Training.LossFunctions." + descriptor.RunTime;
        Assert.StartsWith(function + "(outputs.P", descriptor.TorchSharp(new TorchSharpLossCall(loss, function, "outputs.P", descriptor.TakesTarget ? "targets.T" : "", "", 1)), StringComparison.Ordinal);
        string pytorch = descriptor.PyTorch(new PyTorchLossCall(loss, "outputs[\"p\"]", "outputs[\"p\"]", "targets[\"t\"]", null, 1, new TensorType(new[] { DimExpr.Of(3) }.ToEquatableArray())));
        Assert.Contains("outputs[\"p\"]", pytorch, StringComparison.Ordinal);

        // Documentation (docs/losses.md).
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Signature), $"{name} has no documented signature");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Prediction), $"{name} does not document its prediction");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Target), $"{name} does not document its target");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.PyTorch), $"{name} has no PyTorch equivalent");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Doc.Keras), $"{name} has no Keras equivalent");
    }

    /// <summary>Mse's entry as it would be before its run-time file: every other part is Mse's.</summary>
    private sealed class WithoutRunTime : LossDescriptor
    {
        private readonly LossDescriptor mse = LossCatalogue.ForMethod("Mse")!;

        public override string Name => "MseWithoutRunTime";

        public override string? Method => null;

        public override string RunTime => "MseWithoutRunTime";

        public override LossAnalysis Check(LossCheck check) => mse.Check(check);

        public override string TorchSharp(TorchSharpLossCall call) => mse.TorchSharp(call);

        public override string PyTorch(PyTorchLossCall call) => mse.PyTorch(call);

        public override LossDoc Doc => mse.Doc;
    }

    /// <summary>Mse's entry without its argument reader.</summary>
    private sealed class WithoutReader : LossDescriptor
    {
        private readonly LossDescriptor mse = LossCatalogue.ForMethod("Mse")!;

        public override string Name => "Mse";

        public override string RunTime => "Mse";

        public override LossAnalysis Check(LossCheck check) => mse.Check(check);

        public override string TorchSharp(TorchSharpLossCall call) => mse.TorchSharp(call);

        public override string PyTorch(PyTorchLossCall call) => mse.PyTorch(call);

        public override LossDoc Doc => mse.Doc;
    }
}
