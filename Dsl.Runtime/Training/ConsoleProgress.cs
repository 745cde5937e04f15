using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Dsl.Training;

/// <summary>
/// The trainer's default observer: Keras-style progress on the console, chosen by <see cref="TrainingOptions.Verbose"/>.
/// <c>Epoch 2/10</c>, then a live bar (<c>120/469 [=======&gt;......] - 3s 25ms/step - loss: 0.4123</c>) redrawn in
/// place at most ten times a second, ending in the epoch's metrics; or, in <see cref="TrainingVerbosity.Lines"/>
/// mode, one line per epoch.
/// </summary>
internal sealed class ConsoleProgress : ITrainingObserver
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter output;
    private readonly bool live;
    private readonly Stopwatch epochClock = new();
    private TimeSpan lastDraw;
    private int epochs;
    private int steps;
    private double lossSum;
    private int lossCount;
    private int drawnWidth;

    /// <param name="output">Where to print.</param>
    /// <param name="live">A bar redrawn in place with carriage returns (a terminal), or one line per epoch.</param>
    public ConsoleProgress(TextWriter output, bool live)
    {
        this.output = output;
        this.live = live;
    }

    /// <summary>
    /// The observer <see cref="Trainer.Fit"/> reports to: the caller's <paramref name="observer"/>, the console
    /// progress <paramref name="verbosity"/> asks for, both, or one that ignores everything.
    /// </summary>
    /// <param name="verbosity">The option.</param>
    /// <param name="observer">The caller's observer, or null.</param>
    /// <param name="output">The console's standard output.</param>
    /// <param name="outputIsTerminal">Whether <paramref name="output"/> is a terminal (not redirected).</param>
    public static ITrainingObserver For(TrainingVerbosity verbosity, ITrainingObserver? observer, TextWriter output, bool outputIsTerminal)
    {
        ConsoleProgress? printer = verbosity switch
        {
            TrainingVerbosity.Auto when observer is null => new ConsoleProgress(output, outputIsTerminal),
            TrainingVerbosity.Progress => new ConsoleProgress(output, live: true),
            TrainingVerbosity.Lines => new ConsoleProgress(output, live: false),
            TrainingVerbosity.Auto or TrainingVerbosity.Silent => null,
            _ => throw new ArgumentOutOfRangeException(nameof(verbosity), verbosity, "Not a TrainingVerbosity."),
        };

        return (printer, observer) switch
        {
            (null, null) => new Silent(),
            (null, { } only) => only,
            ({ } print, null) => print,
            ({ } print, { } both) => new Both(print, both),
        };
    }

    public void OnEpochStart(int epoch, int epochs)
    {
        this.epochs = epochs;
        steps = 0;
        lossSum = 0;
        lossCount = 0;
        drawnWidth = 0;
        lastDraw = TimeSpan.Zero;
        epochClock.Restart();
        if (live)
        {
            output.WriteLine(Invariant($"Epoch {epoch}/{epochs}"));
            output.Flush();
        }
    }

    public void OnBatchEnd(BatchProgress progress)
    {
        steps = progress.Batch + 1;
        if (double.IsFinite(progress.Total))
        {
            lossSum += progress.Total;
            lossCount++;
        }

        if (!live)
        {
            return;
        }

        TimeSpan now = epochClock.Elapsed;
        if (steps < progress.BatchesPerEpoch && steps > 1 && now - lastDraw < RedrawInterval)
        {
            return;
        }

        lastDraw = now;
        string line = Bar(steps, progress.BatchesPerEpoch) + " - " + Timing(now, steps) +
            (lossCount > 0 ? Invariant($" - loss: {lossSum / lossCount:F4}") : "");
        Draw(line);
    }

    public void OnEpochEnd(EpochMetrics metrics)
    {
        string shown = string.Join(" - ", Shown(metrics).Select(m => Invariant($"{m.Name}: {Format(m.Value)}")));
        var elapsed = TimeSpan.FromSeconds(metrics.Seconds);
        if (live)
        {
            Draw(Bar(steps, steps) + " - " + Timing(elapsed, steps) + (shown.Length > 0 ? " - " + shown : ""));
            output.WriteLine();
        }
        else
        {
            output.WriteLine(Invariant($"Epoch {metrics.Epoch}/{epochs} - {steps} steps - ") + Timing(elapsed, steps) + (shown.Length > 0 ? " - " + shown : ""));
        }

        output.Flush();
    }

    /// <summary>
    /// The numbers Keras prints by default: the total loss, every term's loss when there are several, accuracies
    /// and mean absolute errors, the custom metrics, the same on validation (<c>val_</c>), and the learning rate.
    /// </summary>
    internal static IEnumerable<(string Name, double Value)> Shown(EpochMetrics metrics)
    {
        bool severalTerms = metrics.Train.Losses.Count > 1;
        foreach (var (name, value) in metrics.Scalars())
        {
            string bare = name.StartsWith("val_", StringComparison.Ordinal) ? name[4..] : name;
            bool shown = bare == "loss"
                || name == "lr"
                || (severalTerms && bare.EndsWith("_loss", StringComparison.Ordinal))
                || (bare.EndsWith("_accuracy", StringComparison.Ordinal) && !bare.Contains("_top", StringComparison.Ordinal))
                || bare.EndsWith("_mae", StringComparison.Ordinal)
                || metrics.Train.Custom.ContainsKey(bare);
            if (shown)
            {
                yield return (name, value);
            }
        }
    }

    private void Draw(string line)
    {
        // Pad over a longer previous line: the bar is redrawn in place.
        var text = new StringBuilder("\r").Append(line);
        if (line.Length < drawnWidth)
        {
            text.Append(' ', drawnWidth - line.Length);
        }

        drawnWidth = line.Length;
        output.Write(text.ToString());
        output.Flush();
    }

    private static string Bar(int done, int total)
    {
        int width = total.ToString(CultureInfo.InvariantCulture).Length;
        int filled = total > 0 ? (int)((long)BarWidth * done / total) : BarWidth;
        string bar = filled >= BarWidth
            ? new string('=', BarWidth)
            : new string('=', filled) + ">" + new string('.', BarWidth - filled - 1);
        return Invariant($"{done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total} [{bar}]");
    }

    private static string Timing(TimeSpan elapsed, int steps)
    {
        double perStep = steps > 0 ? elapsed.TotalMilliseconds / steps : 0;
        string total = elapsed.TotalSeconds < 10 ? Invariant($"{elapsed.TotalSeconds:F1}s") : Invariant($"{elapsed.TotalSeconds:F0}s");
        return Invariant($"{total} {perStep:F0}ms/step");
    }

    private static string Format(double value) =>
        value != 0 && Math.Abs(value) < 1e-3 ? value.ToString("0.####e+0", CultureInfo.InvariantCulture) : value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Silent : ITrainingObserver
    {
    }

    /// <summary>The console progress first, then the caller's observer.</summary>
    private sealed class Both(ITrainingObserver first, ITrainingObserver second) : ITrainingObserver
    {
        public void OnEpochStart(int epoch, int epochs)
        {
            first.OnEpochStart(epoch, epochs);
            second.OnEpochStart(epoch, epochs);
        }

        public void OnBatchEnd(BatchProgress progress)
        {
            first.OnBatchEnd(progress);
            second.OnBatchEnd(progress);
        }

        public void OnEpochEnd(EpochMetrics metrics)
        {
            first.OnEpochEnd(metrics);
            second.OnEpochEnd(metrics);
        }

        public void OnCheckpointSaved(int epoch, string path)
        {
            first.OnCheckpointSaved(epoch, path);
            second.OnCheckpointSaved(epoch, path);
        }
    }
}
