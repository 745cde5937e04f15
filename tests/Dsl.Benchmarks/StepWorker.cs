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
        Console.WriteLine(Invariant($"ready params classifier={DigitClassifier.Info.TrainableParameters} multitask={MultitaskNet.Info.TrainableParameters} resnet18={Nets.CifarResNet18.Info.TrainableParameters} encoder={Nets.EncoderBlockNet.Info.TrainableParameters} kernels={decision.Kernels} hand-vs-generated={HandParity()}"));
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
        if (seed == SeedNet.ResNet18 || seed == SeedNet.Encoder)
        {
            return Larger(seed, variant, owned);
        }

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

    /// <summary>
    /// The larger hand-written nets compute what the generated ones compute: the generated module's weights loaded by
    /// name (strict) into the hand-written one, the largest output difference in eval mode on one random batch.
    /// </summary>
    private static string HandParity()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        manual_seed(3);
        using var resnet = new Nets.CifarResNet18();
        using var handResNet = new HandWrittenCifarResNet18();
        using var encoder = new Nets.EncoderBlockNet();
        using var handEncoder = new HandWrittenEncoderBlock();
        handResNet.load_state_dict(resnet.state_dict(), strict: true);
        handEncoder.load_state_dict(encoder.state_dict(), strict: true);
        foreach (var module in new nn.Module[] { resnet, handResNet, encoder, handEncoder })
        {
            module.eval();
        }

        var image = rand(2, 3, 32, 32);
        var tokens = randn(2, 7, 256);
        double resnetDiff = (resnet.Forward(image).Logits - handResNet.forward(image)).abs().max().item<float>();
        double encoderDiff = (encoder.Forward(tokens).Y - handEncoder.forward(tokens)).abs().max().item<float>();
        return Invariant($"resnet18:{resnetDiff:G3},encoder:{encoderDiff:G3}");
    }

    /// <summary>A step of ResNet-18 (SGD with momentum) or the encoder block (AdamW) in one of the four precision variants.</summary>
    private static Action Larger(SeedNet net, string variant, List<IDisposable> owned)
    {
        bool resnet = net == SeedNet.ResNet18;
        var input = Own(resnet ? rand(net.BatchSize, 3, 32, 32) : randn(net.BatchSize, SeedNet.EncoderTokens, 256), owned);
        var target = Own(resnet ? randint(0, 10, new long[] { net.BatchSize }, dtype: ScalarType.Int64) : randn(net.BatchSize, SeedNet.EncoderTokens, 256), owned);
        Func<Tensor, Tensor> loss = resnet ? logits => nn.functional.cross_entropy(logits, target) : y => nn.functional.mse_loss(y, target);
        Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> optimizer = resnet
            ? parameters => optim.SGD(parameters, 0.01, momentum: 0.9)
            : parameters => optim.AdamW(parameters, 1e-3);
        switch (variant)
        {
            case "generated" or "bf16":
                {
                    Action step;
                    if (resnet)
                    {
                        var model = Own(new Nets.CifarResNet18(), owned);
                        model.train();
                        var adam = Own(optimizer(model.parameters()), owned);
                        var targets = new Nets.CifarResNet18.Targets(target);
                        step = GeneratedStep(() => model.ComputeLoss(model.Forward(input), targets).Total, adam);
                    }
                    else
                    {
                        var model = Own(new Nets.EncoderBlockNet(), owned);
                        model.train();
                        var adam = Own(optimizer(model.parameters()), owned);
                        var targets = new Nets.EncoderBlockNet.Targets(target);
                        step = GeneratedStep(() => model.ComputeLoss(model.Forward(input), targets).Total, adam);
                    }

                    return variant == "bf16" ? Bf16Mixed(step) : step;
                }

            case "hand" or "hand-bf16":
                {
                    nn.Module<Tensor, Tensor> model = resnet ? Own(new HandWrittenCifarResNet18(), owned) : Own(new HandWrittenEncoderBlock(), owned);
                    bool bf16 = variant == "hand-bf16";
                    if (bf16)
                    {
                        model.to(ScalarType.BFloat16);
                    }

                    model.train();
                    var opt = Own(optimizer(model.parameters()), owned);
                    var x = bf16 ? Own(input.to(ScalarType.BFloat16), owned) : input;
                    return () =>
                    {
                        using var scope = NewDisposeScope();
                        loss(model.forward(x).to(ScalarType.Float32)).backward();
                        opt.step();
                        opt.zero_grad();
                    };
                }

            default:
                throw new ArgumentException($"no variant '{variant}' (expected generated, bf16, hand or hand-bf16)", nameof(variant));
        }
    }

    private static Action GeneratedStep(Func<Tensor> total, optim.Optimizer optimizer) => () =>
    {
        using var scope = NewDisposeScope();
        total().backward();
        optimizer.step();
        optimizer.zero_grad();
    };

    private static T Own<T>(T value, List<IDisposable> owned)
        where T : IDisposable
    {
        owned.Add(value);
        return value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
