using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using Dsl.Checks;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>
/// The TorchSharp side of the seed-net step benchmark, run as a child process (<c>--step-worker</c>) because oneDNN
/// fixes its kernels once per process: one worker runs with the kernels chosen for the host, another with the AVX
/// clamp. It answers lines on stdin: <c>run NET VARIANT THREADS STEPS</c> (variant <c>generated</c>, <c>bf16</c> (generated, bf16-mixed) or <c>hand</c>)
/// with <c>ms X</c>, the mean milliseconds per step over STEPS steps after one untimed step at that thread count.
/// The same protocol is spoken by <c>pytorch_seed_nets.py</c>.
/// </summary>
public static class StepWorker
{
    public static int Run()
    {
        var decision = OneDnnKernels.ChooseForThisHost();
        ThreadWaitPolicy.UsePassiveWaiting(); // inherited from the benchmark process already; kept when set
        var steps = new Dictionary<(string Net, string Variant), Action>();
        var owned = new List<IDisposable>();
        Console.WriteLine(Invariant($"ready params classifier={DigitClassifier.Info.TrainableParameters} multitask={MultitaskNet.Info.TrainableParameters} kernels={decision.Kernels}"));
        for (string? line = Console.ReadLine(); line is not null && line != "quit"; line = Console.ReadLine())
        {
            string[] parts = line.Split(' ');
            if (parts is not ["run", string net, string variant, string threadText, string stepText])
            {
                Console.WriteLine($"error unknown command '{line}'");
                continue;
            }

            set_num_threads(int.Parse(threadText, CultureInfo.InvariantCulture));
            if (!steps.TryGetValue((net, variant), out var step))
            {
                step = Build(net, variant, owned);
                steps[(net, variant)] = step;
                step();
            }

            step(); // untimed: the first step at a thread count sets up oneDNN's primitives for it
            int count = int.Parse(stepText, CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                step();
            }

            Console.WriteLine(Invariant($"ms {clock.Elapsed.TotalMilliseconds / count:F4}"));
        }

        owned.Reverse();
        owned.ForEach(o => o.Dispose());
        return 0;
    }

    private static Action Build(string net, string variant, List<IDisposable> owned)
    {
        var seed = SeedNet.Named(net);
        manual_seed(7);
        var images = rand(seed.BatchSize, 1, 28, 28);
        var labels = randint(0, 10, new long[] { seed.BatchSize }, dtype: ScalarType.Int64);
        owned.Add(images);
        owned.Add(labels);
        return (net, variant) switch
        {
            ("classifier", "generated") => ClassifierGenerated(images, labels, owned),
            ("classifier", "bf16") => Bf16Mixed(ClassifierGenerated(images, labels, owned)),
            ("multitask", "bf16") => Bf16Mixed(MultitaskGenerated(images, labels, owned)),
            ("classifier", "hand-bf16") => ClassifierHandBf16(images, labels, owned),
            ("multitask", "hand-bf16") => MultitaskHandBf16(images, labels, owned),
            ("classifier", "hand") => ClassifierHand(images, labels, owned),
            ("multitask", "generated") => MultitaskGenerated(images, labels, owned),
            ("multitask", "hand") => MultitaskHand(images, labels, owned),
            _ => throw new ArgumentException($"no variant '{variant}' (expected generated, bf16, hand or hand-bf16)", nameof(variant)),
        };
    }

    private static Action ClassifierGenerated(Tensor images, Tensor labels, List<IDisposable> owned)
    {
        var model = Own(new DigitClassifier(), owned);
        model.train();
        var optimizer = Own(optim.Adam(model.parameters(), 1e-3), owned);
        var targets = new DigitClassifier.Targets(labels);
        return () =>
        {
            using var scope = NewDisposeScope();
            using var outputs = model.Forward(images);
            using var losses = model.ComputeLoss(outputs, targets);
            losses.Total.backward();
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    private static Action ClassifierHand(Tensor images, Tensor labels, List<IDisposable> owned)
    {
        var model = Own(new HandWrittenDigitClassifier(), owned);
        model.train();
        var optimizer = Own(optim.Adam(model.parameters(), 1e-3), owned);
        return () =>
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(images), labels);
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    private static Action MultitaskGenerated(Tensor images, Tensor labels, List<IDisposable> owned)
    {
        var model = Own(new MultitaskNet(), owned);
        model.train();
        var optimizer = Own(optim.SGD(model.parameters(), 0.01, momentum: 0.9, nesterov: true), owned);
        var targets = new MultitaskNet.Targets(labels);
        return () =>
        {
            using var scope = NewDisposeScope();
            using var outputs = model.Forward(images);
            using var losses = model.ComputeLoss(outputs, targets);
            losses.Total.backward();
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    private static Action MultitaskHand(Tensor images, Tensor labels, List<IDisposable> owned)
    {
        var model = Own(new HandWrittenMultitaskNet(), owned);
        model.train();
        var optimizer = Own(optim.SGD(model.parameters(), 0.01, momentum: 0.9, nesterov: true), owned);
        return () =>
        {
            using var scope = NewDisposeScope();
            var (logits, reconstruction) = model.forward(images);
            var loss = 0.9 * nn.functional.cross_entropy(logits, labels) + 0.1 * nn.functional.mse_loss(reconstruction, images);
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    /// <summary>The generated model's step in bf16-mixed precision, as <c>Trainer.Fit</c> runs it for <c>Precision.Bf16Mixed</c>.</summary>
    private static Action Bf16Mixed(Action step) => () =>
    {
        using var mixed = global::Dsl.Training.MixedPrecision.Enter(global::Dsl.Training.Precision.Bf16Mixed);
        step();
    };

    /// <summary>The hand-written classifier entirely in bfloat16 (weights, optimizer state and batch): the probe, the ceiling of what bfloat16 saves.</summary>
    private static Action ClassifierHandBf16(Tensor images, Tensor labels, List<IDisposable> owned)
    {
        var model = Own(new HandWrittenDigitClassifier(), owned);
        model.to(ScalarType.BFloat16);
        model.train();
        var optimizer = Own(optim.Adam(model.parameters(), 1e-3), owned);
        var images16 = Own(images.to(ScalarType.BFloat16), owned);
        return () =>
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(images16).to(ScalarType.Float32), labels);
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    private static Action MultitaskHandBf16(Tensor images, Tensor labels, List<IDisposable> owned)
    {
        var model = Own(new HandWrittenMultitaskNet(), owned);
        model.to(ScalarType.BFloat16);
        model.train();
        var optimizer = Own(optim.SGD(model.parameters(), 0.01, momentum: 0.9, nesterov: true), owned);
        var images16 = Own(images.to(ScalarType.BFloat16), owned);
        return () =>
        {
            using var scope = NewDisposeScope();
            var (logits, reconstruction) = model.forward(images16);
            var loss = 0.9 * nn.functional.cross_entropy(logits.to(ScalarType.Float32), labels) + 0.1 * nn.functional.mse_loss(reconstruction.to(ScalarType.Float32), images);
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    private static T Own<T>(T value, List<IDisposable> owned)
        where T : IDisposable
    {
        owned.Add(value);
        return value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
