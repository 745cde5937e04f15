namespace Dsl.Training;

/// <summary>One batch's counts of a classification term.</summary>
/// <param name="Name">The term.</param>
/// <param name="Correct">Correct argmax predictions.</param>
/// <param name="Counted">Samples counted (masked ones only when masked).</param>
/// <param name="TopKCorrect">Samples whose class is among the k highest scores, NaN when the term has at most k classes.</param>
/// <param name="Confusion">Counts by [truth][predicted].</param>
internal sealed record ClassificationCounts(string Name, double Correct, double Counted, double TopKCorrect, long[][] Confusion);
