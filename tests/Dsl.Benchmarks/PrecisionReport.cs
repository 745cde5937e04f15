using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dsl.Training;

namespace Dsl.Benchmarks;

/// <summary>
/// Renders benchmark 7 (one training step in float32 and bf16-mixed, generated and hand-written, on the seed nets, a
/// ResNet-18 and a transformer encoder block) and what <see cref="Precision.Auto"/>'s probe decided, as a section of
/// docs/benchmarks.md.
/// </summary>
public static class PrecisionReport
{
    public const string Heading = "## 7. Precision: float32 against bf16-mixed";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder md, SeedNetResult r, IReadOnlyList<Bf16SpeedMeasurement> probes, string machine)
    {
        md.AppendLine(Heading);
        md.AppendLine();
        md.AppendLine("One training step (forward, loss, backward, optimizer step, zero_grad on a fixed random batch, train mode) of four nets ");
        md.AppendLine("in four variants: the **generated** module in float32; the same module in **bf16-mixed** (`Precision.Bf16Mixed`: ");
        md.AppendLine("convolutions, linear layers and matmul in bfloat16 from float32 master weights, the rest in float32, as `Trainer.Fit` ");
        md.AppendLine("runs it); the net **hand-written** in TorchSharp, float32; and the hand-written net **entirely in bfloat16** (model, ");
        md.AppendLine("optimizer state and batch cast: no casts in the forward and no master weights, the most bfloat16 could save). ");
        md.AppendLine(Invariant, $"One worker process with the kernels chosen for this host; every round measures every variant (order rotated each round), each measurement the mean of {r.StepsPerMeasurement} timed step(s) after one untimed step; {r.Rounds} round(s). {machine}");
        md.AppendLine();
        var facts = r.WorkerFacts.GetValueOrDefault("fast");
        foreach (var net in r.Cells.Select(c => c.Net).Distinct())
        {
            string parameters = long.TryParse(facts?.GetValueOrDefault(net.Name), NumberStyles.None, Invariant, out long count) ? count.ToString("N0", Invariant) : "?";
            md.AppendLine(Invariant, $"- {net.Description}: {parameters} trainable parameters, {net.ForwardMacsPerSample:N0} forward MACs per sample, {net.TrainingFlopsPerStep / 1e9:F1} GFLOP per training step.");
        }

        md.AppendLine(Invariant, $"- The hand-written ResNet-18 and encoder block are the generated nets: with the generated module's weights loaded by name (strict), their eval outputs differ by at most {(facts?.GetValueOrDefault("hand-vs-generated") ?? "?").Replace(":", " ", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal)} (largest absolute difference, random batch).");
        md.AppendLine();
        md.AppendLine("| net | threads | median ms/step: fp32 / bf16-mixed / hand fp32 / hand all-bf16 | fp32 / bf16-mixed = bf16 speedup (target >= 1.5) | hand fp32 / hand all-bf16 = bf16 ceiling | generated / hand-written, fp32 |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var cell in r.Cells)
        {
            string Median(string key) => cell.Times[key].Median.ToString("F0", Invariant);
            var speedup = cell.Ratio(SeedNetBenchmark.Generated, SeedNetBenchmark.Bf16);
            md.AppendLine(Invariant,
                $"| {cell.Net.Name} (batch {cell.Net.BatchSize}) | {cell.Threads} | {Median(SeedNetBenchmark.Generated)} / {Median(SeedNetBenchmark.Bf16)} / {Median(SeedNetBenchmark.Hand)} / {Median(SeedNetBenchmark.HandBf16)} | " +
                $"{Format(speedup)} {(speedup.Median >= 1.5 ? "met" : "**not met**")} | {Format(cell.Ratio(SeedNetBenchmark.Hand, SeedNetBenchmark.HandBf16))} | {Format(cell.Ratio(SeedNetBenchmark.Generated, SeedNetBenchmark.Hand))} |");
        }

        md.AppendLine();
        md.AppendLine("Ratios are medians of the per-round ratios (IQR in brackets); above 1, the second variant is faster.");
        md.AppendLine();
        md.AppendLine("`Precision.Auto` on this host (its probe, `Bf16Speed.Measure()`, run here once per thread count; `Fit` runs it once per ");
        md.AppendLine(Invariant, $"CPU model and thread count and caches it; bf16-mixed from {Bf16Speed.Threshold:F2}x):");
        md.AppendLine();
        foreach (var probe in probes)
        {
            md.AppendLine(Invariant, $"- {probe} -> **{(Bf16Speed.Pays(probe) ? "bf16-mixed" : "float32")}**");
        }

        md.AppendLine();
    }

    private static string Format(PairedRatio ratio) => string.Create(Invariant, $"**{ratio.Median:F2}** ({ratio.Q1:F2}..{ratio.Q3:F2})");
}
