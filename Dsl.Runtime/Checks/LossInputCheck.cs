using System;
using System.Globalization;
using System.Linq;
using TorchSharp;

namespace Dsl.Checks;

/// <summary>
/// The value checks the loss functions run before handing tensors to libtorch, so a wrong batch gets a message in
/// the library's words instead of a libtorch error with a C++ trace (<c>Target 12 is out of bounds</c>), or, worse,
/// a silent NaN or a meaningless loss: an empty batch, a class index outside the prediction's classes, a
/// probability target (binary or soft cross entropy, contrastive "same") outside [0, 1], and a binary cross entropy
/// prediction that is not a probability. Each failure is an <see cref="ArgumentException"/> naming the model and the
/// tensor (when a generated check has seen it, see <see cref="CheckedTensors"/>) and what was expected. The cost is
/// one or two reductions per tensor, without autograd, a few microseconds for a batch of digits.
/// </summary>
public static class LossInputCheck
{
    /// <summary>Throws unless <paramref name="prediction"/> holds at least one sample.</summary>
    /// <param name="loss">The loss function's name, for the message (<c>CrossEntropy</c>).</param>
    /// <param name="prediction">The prediction, batch first.</param>
    /// <param name="target">The target or mask it is compared with, to name the model; may be null.</param>
    public static void NotEmpty(string loss, torch.Tensor prediction, torch.Tensor? target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.NumberOfElements > 0)
        {
            return;
        }

        throw new ArgumentException(
            $"{Prefix(target)}{loss}: the prediction is empty (shape {TensorCheck.Format(prediction.shape)}); expected at least one sample. " +
            "Skip empty batches: the mean loss over no samples is NaN.",
            nameof(prediction));
    }

    /// <summary>
    /// Throws unless every class index in <paramref name="classes"/> lies in 0 .. C - 1, where C is the size of
    /// dimension 1 of <paramref name="logits"/>.
    /// </summary>
    public static void ClassIndices(torch.Tensor logits, torch.Tensor classes) => ClassIndices(logits, classes, null);

    /// <summary>
    /// Throws unless every class index in <paramref name="classes"/> lies in 0 .. C - 1 or is <paramref name="ignoreIndex"/>
    /// (a target left out of the loss), where C is the size of dimension 1 of <paramref name="logits"/>.
    /// </summary>
    public static void ClassIndices(torch.Tensor logits, torch.Tensor classes, long? ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(classes);
        if (logits.dim() < 2 || classes.NumberOfElements == 0 || classes.dtype != torch.ScalarType.Int64)
        {
            return; // libtorch's own shape and dtype errors apply; generated code checked both already.
        }

        long count = logits.shape[1];
        long low, high;
        using (torch.no_grad())
        using (var kept = ignoreIndex is long ignored ? classes.masked_fill(classes.eq(ignored), 0) : classes.alias())
        using (var min = kept.min())
        using (var max = kept.max())
        {
            low = min.item<long>();
            high = max.item<long>();
        }

        if (low >= 0 && high < count)
        {
            return;
        }

        long bad = low < 0 ? low : high;
        string ignoring = ignoreIndex is long index ? $" or the ignored index {index}" : "";
        throw new ArgumentException(
            $"{Describe(classes, "the class-index target")} holds class index {bad}, but the prediction has {count} classes: " +
            $"expected class indices from 0 to {count - 1}{ignoring}. Check the labels (1-based labels need - 1; padding needs ignoreIndex: on the loss) or give the last layer one output per class.",
            nameof(classes));
    }

    /// <summary>
    /// Throws unless every weight of <paramref name="mask"/> is a number at least 0 and its shape leads
    /// <paramref name="elementwise"/>'s ([B] or the per-position shape of the loss).
    /// </summary>
    /// <param name="mask">The mask (float weights).</param>
    /// <param name="elementwise">The loss per element it weights.</param>
    public static void MaskWeights(torch.Tensor mask, torch.Tensor elementwise)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(elementwise);
        if (mask.dim() > elementwise.dim() || !mask.shape.SequenceEqual(elementwise.shape.Take((int)mask.dim())))
        {
            throw new ArgumentException(
                $"{Describe(mask, "the mask")} has shape {TensorCheck.Format(mask.shape)}, but the loss it weights has shape {TensorCheck.Format(elementwise.shape)}: " +
                $"expected one weight per sample, [{elementwise.shape[0]}], or one per position, {TensorCheck.Format(elementwise.shape)}.",
                nameof(mask));
        }

        if (mask.NumberOfElements == 0 || !mask.is_floating_point())
        {
            return;
        }

        double low;
        using (torch.no_grad())
        using (var min = mask.min())
        {
            low = min.ToDouble();
        }

        if (low >= 0)
        {
            return;
        }

        string found = double.IsNaN(low) ? "holds NaN" : string.Create(CultureInfo.InvariantCulture, $"holds the weight {low:G6}");
        throw new ArgumentException(
            $"{Describe(mask, "the mask")} {found}, but a mask holds non-negative weights (1 counts a sample or position, 0 drops it, a fraction weights it). " +
            "Check how the mask column is built (a -1 for padding needs to become 0).",
            nameof(mask));
    }

    /// <summary>Throws unless every value of <paramref name="target"/> lies in [0, 1] (probabilities, one-hot rows, 0/1 flags).</summary>
    /// <param name="loss">The loss function's name, for the message (<c>BinaryCrossEntropy</c>).</param>
    /// <param name="target">The target.</param>
    public static void ProbabilityTarget(string loss, torch.Tensor target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (InUnitRange(target, out string found))
        {
            return;
        }

        throw new ArgumentException(
            $"{Describe(target, "the target")} of {loss} {found}, but expected probabilities in [0, 1]. " +
            "Scale the targets into [0, 1] (e.g. divide pixel values by 255) or choose a loss for unbounded targets (Loss.Mse()).",
            nameof(target));
    }

    /// <summary>
    /// Throws unless every value of <paramref name="probabilities"/>, the prediction of a binary cross entropy, lies
    /// in [0, 1].
    /// </summary>
    /// <param name="probabilities">The prediction.</param>
    /// <param name="target">The target it is compared with, to name the model; may be null.</param>
    public static void ProbabilityPrediction(torch.Tensor probabilities, torch.Tensor? target)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (InUnitRange(probabilities, out string found))
        {
            return;
        }

        string compared = target is not null && CheckedTensors.Find(target) is { } seen ? $" compared with {seen.Role} '{seen.Name}'" : "";
        throw new ArgumentException(
            $"{Prefix(target)}BinaryCrossEntropy: the prediction{compared} {found}, but expected probabilities in [0, 1]. " +
            "End the prediction with .Sigmoid(), or use Loss.BinaryCrossEntropyWithLogits() on logits.",
            nameof(probabilities));
    }

    private static bool InUnitRange(torch.Tensor values, out string found)
    {
        found = "";
        if (values.NumberOfElements == 0 || !values.is_floating_point())
        {
            return true;
        }

        double low, high;
        using (torch.no_grad())
        using (var min = values.min())
        using (var max = values.max())
        {
            low = min.ToDouble();
            high = max.ToDouble();
        }

        if (low >= 0 && high <= 1)
        {
            return true;
        }

        found = double.IsNaN(low) || double.IsNaN(high)
            ? "holds NaN"
            : string.Create(CultureInfo.InvariantCulture, $"holds values from {low:G6} to {high:G6}");
        return false;
    }

    /// <summary><c>DigitClassifier: target 'label'</c> when a generated check has seen the tensor, else <paramref name="fallback"/>.</summary>
    private static string Describe(torch.Tensor tensor, string fallback)
    {
        string text = CheckedTensors.Find(tensor)?.ToString() ?? fallback;
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// Throws unless <paramref name="logits"/> is the <c>[B, B]</c> matrix of two batches (a batch-level tensor: row i is
    /// sample i, column j sample j of the other batch), as a contrastive loss against the diagonal reads it.
    /// </summary>
    /// <param name="loss">The loss function's name, for the message (<c>InfoNce</c>).</param>
    /// <param name="logits">The logits.</param>
    public static void BatchLogits(string loss, torch.Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.dim() == 2 && logits.shape[0] == logits.shape[1])
        {
            return;
        }

        throw new ArgumentException(
            $"{Prefix(logits)}{loss}: the logits are {TensorCheck.Format(logits.shape)} but must be [B, B], every sample of one batch " +
            "against every sample of the other (Ops.BatchSimilarity(a, b)), so that sample i's match is on the diagonal; " +
            "compute both batches from the same samples.",
            nameof(logits));
    }

    /// <summary><c>DigitClassifier: </c> when a generated check has seen <paramref name="tensor"/>, else nothing.</summary>
    private static string Prefix(torch.Tensor? tensor) =>
        tensor is not null && CheckedTensors.Find(tensor) is { } seen ? seen.Model + ": " : "";
}
