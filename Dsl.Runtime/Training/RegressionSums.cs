namespace Dsl.Training;

/// <summary>One batch's sums of a regression term, over elements.</summary>
/// <param name="Name">The term.</param>
/// <param name="AbsoluteError">Sum of |prediction - target|.</param>
/// <param name="SquaredError">Sum of (prediction - target)^2.</param>
/// <param name="Target">Sum of the targets.</param>
/// <param name="TargetSquared">Sum of the squared targets.</param>
/// <param name="Count">Elements counted.</param>
internal sealed record RegressionSums(string Name, double AbsoluteError, double SquaredError, double Target, double TargetSquared, double Count);
