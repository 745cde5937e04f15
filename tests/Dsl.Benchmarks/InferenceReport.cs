using System;
using System.Globalization;
using System.Text;

namespace Dsl.Benchmarks;

/// <summary>Renders benchmark 6 (Trainer.Predict against ONNX Runtime) as a section of docs/benchmarks.md.</summary>
public static class InferenceReport
{
    public const string Heading = "## 6. Inference: Trainer.Predict against ONNX Runtime";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder md, InferenceResult r)
    {
        md.AppendLine(Heading);
        md.AppendLine();
        md.AppendLine("Seed 000's generated classifier (eval mode) predicting embedded digits: `Trainer.Predict` against ONNX Runtime ");
        md.AppendLine(Invariant, $"{r.OnnxRuntimeVersion} on the model `OnnxExport` writes, same weights, same batches, the same thread count for both ");
        md.AppendLine("(torch intra-op threads; ONNX Runtime's intra-op threads, one inter-op thread). Each pass reads its batches from the ");
        md.AppendLine("dataset: Predict gathers them, the ONNX side copies each into the array ONNX Runtime reads. The third variant is ");
        md.AppendLine("ONNX Runtime with graph optimizations off (`ORT_DISABLE_ALL`): the gap between the two ONNX columns is what graph ");
        md.AppendLine("rewriting buys (constant folding, Conv+ReLU and MatMul+Add fusion, pre-packed weights), the rest of the gap to ");
        md.AppendLine(Invariant, $"Predict is kernels and per-op dispatch. {r.Rounds} rounds, the variants' order rotated each round. Largest logit ");
        md.AppendLine(Invariant, $"difference between the two runtimes: {r.MaxLogitDifference:E1}.");
        md.AppendLine();
        md.AppendLine("| threads | batch | samples | Predict ms | ONNX Runtime ms | no graph opt. ms | ONNX Runtime / Predict | no graph opt. / Predict |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in r.Cases)
        {
            md.AppendLine(Invariant,
                $"| {c.Threads} | {c.Batch} | {c.SampleCount:N0} | {c.Predict.Median:F1} | {c.Onnx.Median:F1} | {c.OnnxUnoptimized.Median:F1} | " +
                $"**{c.OnnxOverPredict.Median:F3}** ({c.OnnxOverPredict.Q1:F3}..{c.OnnxOverPredict.Q3:F3}) | {c.UnoptimizedOverPredict.Median:F3} ({c.UnoptimizedOverPredict.Q1:F3}..{c.UnoptimizedOverPredict.Q3:F3}) |");
        }

        md.AppendLine();
        md.AppendLine("A ratio below 1 means ONNX Runtime takes less time than Predict (IQR of the per-round ratios in brackets).");
        md.AppendLine();
    }

    /// <summary><paramref name="document"/> with its benchmark-6 section replaced by <paramref name="section"/>.</summary>
    public static string Splice(string document, string section) => ReportSections.Splice(document, Heading, section);
}
